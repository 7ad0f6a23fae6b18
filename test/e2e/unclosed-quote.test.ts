/**
 * Nothing silently dropped: a quote typed in Notepad and never closed (Q-2 of
 * test/fixtures/e2e/unclosed-quote) used to swallow while `duban check` said
 * 台账检查通过 and exited 0. Now Q-2 is an error that names its row and the fix, and the rows
 * below it are read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../pipeline/model/analysis.ts';
import type { Issue } from '../../pipeline/model/issue.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/duban.js');
const DATA = path.join(ROOT, 'test/fixtures/e2e/unclosed-quote');

const duban = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--data', DATA, '--as-of', '2026-11-25'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('a quote never closed in a CSV ledger', () => {
  it('check names row 3 and the fix, and fails', () => {
    const r = duban(['check']);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('台账检查通过');
    expect(r.stdout).toMatch(/错误 督办台账\.csv 第 3 行 「事项」列：第 3 行「事项」列的引号没有闭合.*→ 请在这个单元格内容的末尾补上英文双引号.*\[E_QUOTE\]/);
  });

  it('check --json lists the error with file, row, column and the line as written', () => {
    const r = duban(['check', '--json']);
    const issues = (JSON.parse(r.stdout) as { issues: Issue[] }).issues.filter((i) => i.severity === 'error');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'E_QUOTE', file: '督办台账.csv', row: 3, column: '事项', value: 'Q-2,"征求意见稿 已发出,各单位反馈中,党政办公室,会议决策,2026-10-09,12月底,办理中,' }),
    ]);
  });

  it('build makes items of the rows above and below it, on their own row numbers', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'duban-quote-'));
    const r = duban(['build', '--out', out, '--no-images']);
    expect(r.status).toBe(1);
    const analysis = JSON.parse(await readFile(path.join(out, 'internal/analysis.json'), 'utf8')) as Analysis;
    expect(analysis.items.map((i) => [i.id, i.row])).toEqual([
      ['Q-1', 2],
      ['Q-3', 4],
      ['Q-4', 5],
    ]);
    expect(analysis.items.find((i) => i.id === 'Q-3')?.title).toBe('完善实验室安全检查台账');
  });
});
