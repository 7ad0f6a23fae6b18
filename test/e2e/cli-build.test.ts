/**
 * The CLI end to end on fixture folders: analysis.json compared field by field with results
 * worked out by hand (test/fixtures/e2e/*: expected.json shows the working).
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import type { Analysis } from '../../pipeline/model/analysis.ts';

const FIX = path.join(import.meta.dirname, '../fixtures/e2e');

async function build(folder: string, asOf: string, command = 'build'): Promise<{ code: number; analysis: Analysis; out: string }> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'duban-e2e-'));
  const r = await runCli([command, '--data', path.join(FIX, folder), '--out', outDir, '--as-of', asOf]);
  const analysis = JSON.parse(await readFile(path.join(outDir, 'internal/analysis.json'), 'utf8')) as Analysis;
  return { code: r.code, analysis, out: r.out };
}

describe('basic: every item as worked out by hand', async () => {
  const expected = JSON.parse(await readFile(path.join(FIX, 'basic/expected.json'), 'utf8')) as { asOf: string; items: Record<string, Record<string, unknown>> };
  const { code, analysis } = await build('basic', expected.asOf);

  it('exits 0 and lists exactly the expected items', () => {
    expect(code).toBe(0);
    expect(analysis.items.map((i) => i.id).sort()).toEqual(Object.keys(expected.items).sort());
  });
  for (const [id, want] of Object.entries(expected.items)) {
    it(id, () => {
      const got = analysis.items.find((i) => i.id === id) as unknown as Record<string, unknown>;
      const fields = Object.fromEntries(
        Object.keys(want)
          .filter((k) => k !== 'working')
          .map((k) => [k, got[k]]),
      );
      const { working: _w, ...rest } = want;
      expect(fields).toEqual(rest);
    });
  }
});

describe('gbk-title: the seed-003 form saved as GBK with title and note rows', async () => {
  const expected = JSON.parse(await readFile(path.join(FIX, 'gbk-title/expected.json'), 'utf8')) as {
    asOf: string;
    items: Record<string, Record<string, unknown>>;
    issues: { severity: string; code: string; file: string; row: number }[];
  };
  const { code, analysis } = await build('gbk-title', expected.asOf);
  it('reads three items with their fields, no mojibake', () => {
    expect(code).toBe(0);
    for (const [id, want] of Object.entries(expected.items)) {
      const got = analysis.items.find((i) => i.id === id) as unknown as Record<string, unknown>;
      expect(got, id).toBeDefined();
      expect(Object.fromEntries(Object.keys(want).map((k) => [k, got[k]]))).toEqual(want);
    }
  });
  it('warns as expected and reports no errors', () => {
    const seen = analysis.issues.filter((i) => i.severity !== 'info').map((i) => ({ severity: i.severity, code: i.code, file: i.file, row: i.row }));
    expect(seen).toEqual(expected.issues);
  });
});

describe('broken: each problem named, the valid rows still built', async () => {
  const expected = JSON.parse(await readFile(path.join(FIX, 'broken/expected-issues.json'), 'utf8')) as {
    asOf: string;
    exitCode: number;
    issues: { code: string; file: string; row: number | null; column: string | null; value?: string }[];
    builtItems: Record<string, Record<string, unknown>>;
  };
  const { code, analysis, out } = await build('broken', expected.asOf);

  it('exits 1', () => expect(code).toBe(expected.exitCode));
  it('reports exactly the expected errors at file, row and column, each with a Chinese message and hint', () => {
    const errors = analysis.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => ({ code: i.code, file: i.file, row: i.row, column: i.column })).sort(byKey)).toEqual(
      expected.issues.map((i) => ({ code: i.code, file: i.file, row: i.row, column: i.column })).sort(byKey),
    );
    for (const e of errors) {
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.hint).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const want of expected.issues.filter((i) => i.value !== undefined)) {
      expect(errors.find((e) => e.code === want.code && e.row === want.row)?.value).toBe(want.value);
    }
  });
  it('still builds the valid rows', () => {
    expect(analysis.items.map((i) => i.id).sort()).toEqual(Object.keys(expected.builtItems).sort());
    for (const [id, want] of Object.entries(expected.builtItems)) {
      const got = analysis.items.find((i) => i.id === id) as unknown as Record<string, unknown>;
      expect(Object.fromEntries(Object.keys(want).map((k) => [k, got[k]]))).toEqual(want);
    }
  });
  it('names every problem in the terminal summary', () => {
    for (const want of expected.issues) expect(out).toContain(want.file);
  });
});

describe('determinism', () => {
  it('same input and as-of date give a byte-identical analysis.json', async () => {
    const a = await mkdtemp(path.join(os.tmpdir(), 'duban-det-'));
    const b = await mkdtemp(path.join(os.tmpdir(), 'duban-det-'));
    await runCli(['build', '--data', path.join(FIX, 'basic'), '--out', a, '--as-of', '2026-11-25']);
    await runCli(['build', '--data', path.join(FIX, 'basic'), '--out', b, '--as-of', '2026-11-25']);
    expect(await readFile(path.join(a, 'internal/analysis.json'))).toEqual(await readFile(path.join(b, 'internal/analysis.json')));
  });
});

describe('usage errors', () => {
  it.each([[['build', '--as-of', '2026-13-01']], [['build', '--data', '/nonexistent/folder']], [['nonsense']]])('%j exits 2 with a Chinese message', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  });
  it('a broken templates/office.json is a configuration error (exit 2) naming the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-tpl-'));
    await writeFile(path.join(dir, 'office.json'), '{ "organization": "示范大学", }');
    const r = await runCli(['check', '--data', path.join(FIX, 'basic'), '--templates', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('office.json');
    await writeFile(path.join(dir, 'office.json'), '{ "dueSoonWorkdays": "三" }');
    const r2 = await runCli(['check', '--data', path.join(FIX, 'basic'), '--templates', dir]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('dueSoonWorkdays');
    expect(r2.err).toContain('期望');
  });
  it('report --period writes that period’s XLSX, PDF and DOCX', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'duban-report-'));
    const r = await runCli(['report', '--period', '2026Q3', '--data', path.join(FIX, 'basic'), '--out', outDir, '--as-of', '2026-11-25']);
    expect(r.code).toBe(0);
    expect((await readdir(path.join(outDir, 'internal/reports/2026Q3'))).sort()).toEqual([
      '督查督办事项办理情况表-2026年第三季度.xlsx',
      '督查督办工作季报-2026年第三季度.docx',
      '督查督办工作季报-2026年第三季度.pdf',
    ]);
    expect((await runCli(['report', '--period', '2026Q5', '--data', path.join(FIX, 'basic'), '--out', outDir])).code).toBe(2);
  });
  it('check --json prints machine-readable issues and writes nothing', async () => {
    const r = await runCli(['check', '--data', path.join(FIX, 'broken'), '--as-of', '2026-11-25', '--json']);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { issues: { code: string }[] };
    expect(parsed.issues.some((i) => i.code === 'E_DEADLINE')).toBe(true);
  });
});

function byKey(a: { code: string; file: string; row: number | null }, b: { code: string; file: string; row: number | null }): number {
  return `${a.file}|${a.row}|${a.code}`.localeCompare(`${b.file}|${b.row}|${b.code}`);
}
