import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GBK_FORM_NAME, generateLedgers } from '../../bench/generate-ledgers.ts';
import { writeLedgers } from '../../bench/write-ledgers.ts';

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b).replace(/^\ufeff/, '');
const lines = (text: string) => text.split(/\r?\n/).filter((l) => l !== '');
const byPath = (files: { path: string; bytes: Uint8Array }[], p: string) => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p}`);
  return f;
};

/** Data rows of an item file: the lines after the header row that start a record (序号/编号 first). */
function itemRows(text: string, headerStart: string): string[] {
  const all = lines(text);
  const h = all.findIndex((l) => l.startsWith(headerStart));
  return all.slice(h + 1).filter((l) => !/^(\d+\.\s|,)/.test(l));
}

describe('generateLedgers', () => {
  const files = generateLedgers({ items: 2000, seed: 7, asOf: '2026-11-25' });

  it('is deterministic: same seed, same bytes; another seed, other bytes', () => {
    const again = generateLedgers({ items: 2000, seed: 7, asOf: '2026-11-25' });
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    again.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(files[i]!.bytes))).toBe(0));
    const other = generateLedgers({ items: 2000, seed: 8, asOf: '2026-11-25' });
    expect(Buffer.compare(Buffer.from(other[0]!.bytes), Buffer.from(files[0]!.bytes))).not.toBe(0);
  });

  it('writes the right number of items, units and reminders that all point at items', () => {
    const a = itemRows(utf8(byPath(files, '2026年校长办公会督办台账.csv').bytes), '编号,');
    const b = itemRows(utf8(byPath(files, '年度重点工作督办台账.csv').bytes), '事项编号,');
    const c = itemRows(iconv.decode(Buffer.from(byPath(files, `${GBK_FORM_NAME}.csv`).bytes), 'gb18030'), '序号,');
    const d = itemRows(utf8(byPath(files, '专项工作任务清单.csv').bytes), '序号,');
    expect(a.length + b.length + c.length + d.length).toBe(2000);
    expect([a.length, b.length, c.length, d.length]).toEqual([800, 600, 400, 200]);

    const ids = new Set([...[...a, ...b].map((l) => l.split(',')[0]!), ...c.map((l) => `${GBK_FORM_NAME}#${l.split(',')[0]}`), ...d.map((l) => `专项工作任务清单#${l.split(',')[0]}`)]);
    expect(ids.size).toBe(2000);

    const reminders = lines(utf8(byPath(files, '催办记录.csv').bytes)).slice(1);
    expect(reminders.length).toBeGreaterThan(100);
    for (const r of reminders) expect(ids.has(r.split(',')[1]!)).toBe(true);

    const units = lines(utf8(byPath(files, '单位名录.csv').bytes)).slice(1);
    expect(units).toHaveLength(50);
    expect(units.every((u) => u.split(',')[2] !== '')).toBe(true);
    expect(generateLedgers({ items: 10, units: 70 }).some((f) => f.path === '单位名录.csv' && lines(utf8(f.bytes)).length === 71)).toBe(true);
  });

  it('covers every status plan, every 来源 and the deadline grammar', () => {
    const text = utf8(byPath(files, '2026年校长办公会督办台账.csv').bytes) + utf8(byPath(files, '年度重点工作督办台账.csv').bytes);
    for (const w of [
      '会议决策',
      '年度重点工作',
      '领导批示',
      '上级交办',
      '提案信访',
      '其他',
      '已办结',
      '办理中',
      '无法办结',
      '个工作日',
      '日内',
      '个月内',
      '周内',
      '月底',
      '中旬',
      '长期坚持',
      '常态化',
      '年底',
      '延期',
    ]) {
      expect(text).toContain(w);
    }
  });

  it('writes the 办理情况表 really in GBK, with title rows and notes', () => {
    const bytes = Buffer.from(byPath(files, `${GBK_FORM_NAME}.csv`).bytes);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = iconv.decode(bytes, 'gb18030');
    expect(text).not.toContain('\ufffd');
    const all = lines(text);
    expect(all[0]).toContain('督查督办事项办理情况表');
    expect(all[1]).toMatch(/^督办时间：2026年11月/);
    expect(all[2]).toBe('序号,布置时间,承办部门,内容,完成时限,是否落实,落实日期,落实情况');
    expect(all.at(-2)).toMatch(/^1\. 本次督办工作统计截止时间为/);
    expect(text).toContain('\r\n');
  });

  it('keeps every 办结日期 on or before the as-of date', () => {
    const rows = itemRows(utf8(byPath(files, '年度重点工作督办台账.csv').bytes), '事项编号,');
    for (const r of rows) {
      const done = r.match(/,(已办结),(\d{4}-\d{2}-\d{2}),/);
      if (done) expect(done[2]! <= '2026-11-25').toBe(true);
    }
  });

  it('scales: 100,000 items in a few seconds', () => {
    const t0 = performance.now();
    const big = generateLedgers({ items: 100_000, seed: 1 });
    const ms = performance.now() - t0;
    expect(big.reduce((n, f) => n + f.bytes.length, 0)).toBeGreaterThan(10_000_000);
    expect(ms).toBeLessThan(10_000);
  });

  it('writeLedgers puts the files on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duban-gen-'));
    try {
      const small = generateLedgers({ items: 20 });
      await writeLedgers(dir, small);
      const back = await readFile(join(dir, '催办记录.csv'));
      expect(Buffer.compare(back, Buffer.from(byPath(small, '催办记录.csv').bytes))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
