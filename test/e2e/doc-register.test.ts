/** 发文登记 from the CLI: numbers stay once the register is saved into the data folder. */
import { cp, mkdtemp, readdir, readFile, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const SAMPLE = path.join(import.meta.dirname, '../../data');
const LEDGER = '2026年校长办公会督办台账.csv';

async function notices(out: string): Promise<string[]> {
  return (await readdir(path.join(out, 'internal/督办通知'))).filter((f) => f.endsWith('.pdf')).sort();
}

describe('发文登记', () => {
  it('keeps every registered number across days, added items and re-ordered rows, and numbers new notices after them', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'duban-register-'));
    const data = path.join(base, 'data');
    await cp(SAMPLE, data, { recursive: true });
    const out = path.join(base, 'out');
    await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-11-25', '--no-images']);
    const first = await notices(out);
    expect(first.length).toBeGreaterThan(0);
    const register = await readFile(path.join(out, 'internal/督办通知/本次发文登记.csv'), 'utf8');
    expect(register.split('\r\n')[0]).toBe('\uFEFF文号,标题,发文日期,主送单位,编号');
    await writeFile(path.join(data, '发文登记-2026-11.csv'), register);

    // an unrelated item for a unit that sorts first, rows re-ordered
    const text = await readFile(path.join(data, LEDGER), 'utf8');
    const [header, ...rows] = text.trimEnd().split(/\r?\n/);
    await writeFile(path.join(data, LEDGER), [header, ...rows.reverse()].join('\n') + '\n');
    await appendFile(path.join(data, LEDGER), 'XB2026-901,建设校园一卡通新平台,保卫处,,会议决策,纪要,2026/11/26,,,,,,办理中,,,不公开\n');
    const r = await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-11-27', '--no-images']);
    expect(r.out).toContain('本次新编发文字号 1 个');
    const second = await notices(out);
    for (const f of first) expect(second).toContain(f);
    const numbers = (list: string[]) => list.map((f) => Number(/〕(\d+)号/.exec(f)![1]));
    expect(second.filter((f) => !first.includes(f)).map((f) => f.includes('保卫处'))).toEqual([true]);
    expect(Math.min(...numbers(second.filter((f) => !first.includes(f))))).toBe(Math.max(...numbers(first)) + 1);
    const analysis = JSON.parse(await readFile(path.join(out, 'internal/analysis.json'), 'utf8')) as { items: { id: string; docNo: string | null }[] };
    expect(analysis.items.find((i) => i.id === 'XB2026-901')!.docNo).toMatch(/^校督办〔2026〕\d+号$/);
  });
});
