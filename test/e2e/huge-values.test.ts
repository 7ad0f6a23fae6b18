/**
 * One huge value must not take the build down. The CLI runs in its own process with a heap
 * ceiling of 512 MB (a 100-item build needs about a quarter of that): a 2,000,000-character
 * 事项 used to crash the PDF line breaker (Maximum call stack size exceeded, nothing written),
 * and a 200 KB workbook whose one shared string unzips to 200 MB ran exceljs to 4.3 GB.
 */
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../pipeline/model/analysis.ts';
import { handmadeXlsx } from '../support/handmade-xlsx.ts';
import { plainText, readPdf } from '../render/pdf/pdf-reader.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/duban.js');
const BASIC = path.join(ROOT, 'test/fixtures/e2e/basic');

function duban(args: string[]): { code: number | null; out: string; ms: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout + r.stderr, ms: performance.now() - t };
}

async function folder(): Promise<{ data: string; out: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-huge-'));
  const data = path.join(dir, 'data');
  await cp(BASIC, data, { recursive: true });
  return { data, out: path.join(dir, 'out') };
}

describe('a 2,000,000-character 事项', () => {
  it('builds: outputs written, documents cut with a note, terminal lines short', async () => {
    const { data, out } = await folder();
    await appendFile(path.join(data, '督办台账.csv'), `B-99,${'督'.repeat(2_000_000)},教务处,,会议决策,纪要,2026-09-01,2026-10-01,,,,办理中,,不公开\n`);
    const r = duban(['build', '--data', data, '--out', out, '--as-of', '2026-11-25', '--no-images']);
    expect(r.out).not.toContain('Maximum call stack');
    expect([0, 1]).toContain(r.code);
    for (const line of r.out.split('\n')) expect(line.length).toBeLessThan(400);
    expect(r.out).toContain('W_CELL_TOO_LONG');

    const analysis = JSON.parse(await readFile(path.join(out, 'internal/analysis.json'), 'utf8')) as Analysis;
    const item = analysis.items.find((i) => i.id === 'B-99')!;
    expect(item.status).toBe('overdue');
    expect(analysis.issues.find((i) => i.code === 'W_CELL_TOO_LONG')).toMatchObject({ file: '督办台账.csv', row: 12, column: '事项' });

    // 2,000 characters of the 32,767 read, then the note (the letter's cell adds a few words of its own).
    const form = plainText(await readPdf(await readFile(path.join(out, 'internal/登记表/登记表-教务处-B-99.pdf'))));
    expect(form).toContain(`${'督'.repeat(2000)}……（全文共32767字，详见台账）`);
    expect(form).not.toContain('督'.repeat(2001));
    const letter = plainText(await readPdf(await readFile(path.join(out, 'internal/催办通知/催办通知-教务处-B-99.pdf'))));
    expect(letter).toMatch(/督{2000}……（全文共\d+字，详见台账）/);
    // The other documents are there too.
    expect((await readdir(path.join(out, 'internal/登记表'))).filter((f) => f.endsWith('.pdf')).length).toBe(11);
  }, 120_000);
});

describe('a zip-bomb workbook next to ordinary ledgers', () => {
  it('is refused with E_FILE_TOO_LARGE, quickly, and the other files still build', async () => {
    const { data, out } = await folder();
    const bomb = await handmadeXlsx([
      ['编号', '事项', '承办单位'],
      ['Z-1', { chunk: '督'.repeat(65_536), repeat: 1_064 }, '教务处'],
    ]);
    await writeFile(path.join(data, '台账-大.xlsx'), bomb);
    const check = duban(['check', '--data', data, '--as-of', '2026-11-25']);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/台账-大\.xlsx.*sharedStrings\.xml.*MB.*\[E_FILE_TOO_LARGE\]/);
    expect(check.out).not.toContain('督督督督督督督督督督督督');
    // Startup, reading and checking the other ledgers included; exceljs alone used to take 23 s.
    expect(check.ms).toBeLessThan(10_000);

    const build = duban(['build', '--data', data, '--out', out, '--as-of', '2026-11-25', '--no-images']);
    expect(build.code).toBe(1);
    const analysis = JSON.parse(await readFile(path.join(out, 'internal/analysis.json'), 'utf8')) as Analysis;
    expect(analysis.items).toHaveLength(10);
    expect(analysis.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.file])).toEqual([['E_FILE_TOO_LARGE', '台账-大.xlsx']]);
    expect((await readdir(path.join(out, 'internal/登记表'))).filter((f) => f.endsWith('.pdf')).length).toBe(10);
  }, 120_000);
});
