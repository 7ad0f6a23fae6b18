/**
 * One huge value must not take the build down (pipeline/ingest/limits.ts): a cell is cut to
 * Excel's own limit, a workbook that unzips to too much is refused before it is unzipped,
 * a file or a table over the limit is named, and issues never repeat a huge value.
 */
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';
import { LIMITS, type IngestLimits } from '../../pipeline/ingest/limits.ts';
import { scanFolder } from '../../pipeline/ingest/scan-folder.ts';
import { zipEntries } from '../../pipeline/ingest/zip-directory.ts';
import { ISSUE_VALUE_CHARS, issue } from '../../pipeline/model/issue.ts';
import { handmadeXlsx, understated } from '../support/handmade-xlsx.ts';

const csv = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const limits = (o: Partial<IngestLimits>): IngestLimits => ({ ...LIMITS, ...o });
const codes = (issues: { code: string; row: number | null }[]) => issues.map((i) => [i.code, i.row]);

describe('a cell longer than Excel allows', () => {
  it('is cut to 32,767 characters with W_CELL_TOO_LONG naming file, row and column', async () => {
    const long = '督'.repeat(2_000_000);
    const r = await ingestFiles([csv('台账.csv', `编号,事项,承办单位\nA-1,${long},教务处\nA-2,乙,人事处\n`)]);
    const rows = r.tables[0]!.rows;
    expect(rows.map((x) => [x.row, x.values.事项!.length])).toEqual([
      [2, 32_767],
      [3, 1],
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'W_CELL_TOO_LONG', file: '台账.csv', row: 2, column: '事项' });
    expect(r.issues[0]!.message).toContain('2000000 个字');
  });

  it('in a workbook too, and the cut never splits a surrogate pair', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['编号', '事项', '承办单位']);
    ws.addRow(['A-1', `${'督'.repeat(32_766)}😀😀`, '教务处']);
    const r = await ingestFiles([{ path: 'a.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }]);
    const title = r.tables[0]!.rows[0]!.values.事项!;
    expect(title.length).toBe(32_766);
    expect(codes(r.issues)).toEqual([['W_CELL_TOO_LONG', 2]]);
  });
});

describe('a workbook that unzips to too much (zip bomb)', () => {
  it('is refused from its zip directory in well under 3 s: one 200 MB shared string packed in ~200 KB', async () => {
    const bomb = await handmadeXlsx([
      ['编号', '事项', '承办单位'],
      ['Z-1', { chunk: '督'.repeat(65_536), repeat: 1_064 }, '教务处'],
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(zipEntries(bomb)!.find((e) => e.name === 'xl/sharedStrings.xml')!.unpacked).toBeGreaterThan(200_000_000);
    const t = performance.now();
    const r = await ingestFiles([{ path: '台账-大.xlsx', bytes: bomb }, csv('b.csv', '编号,事项,承办单位\nB-1,乙,人事处\n')]);
    const ms = performance.now() - t;
    expect(ms).toBeLessThan(3000);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'E_FILE_TOO_LARGE', file: '台账-大.xlsx' });
    expect(r.issues[0]!.message).toMatch(/sharedStrings\.xml.*MB/);
    // The other file is read as usual.
    expect(r.tables.map((t) => t.file)).toEqual(['b.csv']);
  });

  it('the same hand-made workbook with a normal string is read (so the refusal is the size, not the file)', async () => {
    const ok = await handmadeXlsx([
      ['编号', '事项', '承办单位'],
      ['Z-1', { chunk: '督', repeat: 50 }, '教务处'],
    ]);
    const r = await ingestFiles([{ path: 'z.xlsx', bytes: ok }]);
    expect(r.issues).toEqual([]);
    expect(r.tables[0]!.rows[0]!.values).toMatchObject({ 编号: 'Z-1', 事项: '督'.repeat(50), 承办单位: '教务处' });
  });

  it('is refused when its directory understates the size: nothing it did not admit is unpacked', async () => {
    const wb = await handmadeXlsx([
      ['编号', '事项', '承办单位'],
      ['Z-1', { chunk: '督办事项'.repeat(1000), repeat: 500 }, '教务处'],
    ]);
    const r = await ingestFiles([{ path: 'z.xlsx', bytes: understated(wb, 10_000) }]);
    expect(codes(r.issues)).toEqual([['E_FILE_TOO_LARGE', null]]);
    expect(r.issues[0]!.message).toContain('比文件目录中记录的');
  });

  it('is refused over the inflated-size limit even at an ordinary compression ratio', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['编号', '事项', '承办单位']);
    for (let i = 0; i < 2000; i++) ws.addRow([`A-${i}`, `第${i}项督办事项${Math.random()}`, '教务处']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(codes((await ingestFiles([{ path: 'a.xlsx', bytes }])).issues)).toEqual([]);
    const r = await ingestFiles([{ path: 'a.xlsx', bytes }], limits({ inflatedBytes: 100_000 }));
    expect(codes(r.issues)).toEqual([['E_FILE_TOO_LARGE', null]]);
    expect(r.issues[0]!.message).toMatch(/解压后有 .* MB，超过 0\.1 MB 的上限/);
  });
});

describe('a file too large to read', () => {
  it('is named by scanFolder without being read into memory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-big-'));
    try {
      await writeFile(path.join(dir, '大.csv'), '');
      await truncate(path.join(dir, '大.csv'), LIMITS.fileBytes + 1); // sparse: no 100 MB written
      await writeFile(path.join(dir, '小.csv'), '编号,事项,承办单位\nA-1,甲,教务处\n');
      const s = await scanFolder(dir);
      expect(s.files.map((f) => f.path)).toEqual(['小.csv']);
      expect(s.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'E_FILE_TOO_LARGE', file: '大.csv' })]);
      expect(s.issues[0]!.message).toContain('超过 100 MB 的上限');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is refused by ingest too when handed over directly', async () => {
    const r = await ingestFiles([csv('a.csv', '编号,事项,承办单位\nA-1,甲,教务处\n')], limits({ fileBytes: 10 }));
    expect(codes(r.issues)).toEqual([['E_FILE_TOO_LARGE', null]]);
  });
});

describe('a table with more rows than the limit', () => {
  it('reads the first 200,000 and names how many were not read, from which row', async () => {
    const lines = ['编号,事项,承办单位'];
    for (let i = 1; i <= 200_005; i++) lines.push(`A-${i},事项${i},教务处`);
    const r = await ingestFiles([csv('a.csv', lines.join('\n'))]);
    expect(r.tables[0]!.rows).toHaveLength(200_000);
    expect(r.tables[0]!.rows.at(-1)!.row).toBe(200_001);
    expect(codes(r.issues)).toEqual([['E_TOO_MANY_ROWS', 200_002]]);
    expect(r.issues[0]!.message).toContain('从第 200002 行起的 5 行未读取');
  }, 30_000);

  it('counts rows the CSV reader did not keep, and rows of a workbook', async () => {
    const small = limits({ tableRows: 3 });
    const text = '标题\n编号,事项,承办单位\n' + Array.from({ length: 2000 }, (_, i) => `A-${i},"甲\n乙",教务处`).join('\n');
    const r = await ingestFiles([csv('a.csv', text)], small);
    expect(r.tables[0]!.rows.map((x) => x.row)).toEqual([3, 4, 5]);
    expect(r.issues[0]!.message).toContain('从第 6 行起的 1997 行未读取');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['编号', '事项', '承办单位']);
    for (let i = 0; i < 5; i++) ws.addRow([`A-${i}`, '甲', '教务处']);
    const x = await ingestFiles([{ path: 'a.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }], small);
    expect(x.tables[0]!.rows).toHaveLength(3);
    expect(codes(x.issues)).toEqual([['E_TOO_MANY_ROWS', 5]]);
  });
});

describe('issues never repeat a huge value', () => {
  it('bound the value to 200 characters and every quoted text in message and hint to 60', () => {
    const long = '督'.repeat(2_000_000);
    const i = issue('warning', 'W_NO_DEADLINE', { file: 'a.csv', row: 2, column: '办结时限', value: long }, `事项「${long}」没有办结时限`, `请核对「${long}」。`);
    expect(i.value!.length).toBe(ISSUE_VALUE_CHARS + 1);
    expect(i.value!.endsWith('…')).toBe(true);
    expect(i.message).toBe(`事项「${'督'.repeat(60)}…」没有办结时限`);
    expect(i.hint.length).toBeLessThan(80);
  });
});
