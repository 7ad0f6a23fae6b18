/**
 * The render memo through the CLI: a rebuild draws nothing that is on disk as it would be drawn,
 * and whatever changes between builds (a ledger row, the wording, an output edited by hand), the
 * out folder is exactly what a clean build of the same data into an empty folder writes.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { expectSameOutputs, filesUnder } from '../support/out-tree.ts';

const BASIC = path.join(import.meta.dirname, '../fixtures/e2e/basic');
const TEMPLATES = path.join(import.meta.dirname, '../../templates');
const AS_OF = '2026-11-25';
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tmp(name: string): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), `duban-memo-${name}-`));
  dirs.push(d);
  return d;
}

interface Built {
  written: number;
  unchanged: number;
  kept: number;
  keptAside: { path: string }[];
}

async function build(data: string, out: string, templates = TEMPLATES): Promise<Built> {
  const r = await runCli(['build', '--data', data, '--out', out, '--as-of', AS_OF, '--templates', templates, '--no-images', '--json']);
  expect([0, 1]).toContain(r.code);
  return JSON.parse(r.out) as Built;
}

/** The out folder a clean build of the same data writes. */
async function clean(data: string, templates = TEMPLATES): Promise<Map<string, Buffer>> {
  const out = await tmp('clean');
  await build(data, out, templates);
  return filesUnder(out);
}

describe('render memo across builds', () => {
  it('keeps what is unchanged and draws what changed, always equal to a clean build', async () => {
    const data = await tmp('data');
    await cp(BASIC, data, { recursive: true });
    const out = await tmp('out');

    const first = await build(data, out);
    expect(first.kept).toBe(0);
    const again = await build(data, out);
    expect(again.written).toBe(0);
    // Everything drawn from the data is kept; only the cheap files (analysis.json, CSV lists, the desk) are made again.
    expect(again.kept).toBeGreaterThan(first.written * 0.8);
    expectSameOutputs(await filesUnder(out), await clean(data));

    // One row's wording changes: its documents are drawn again, the others kept.
    const ledger = path.join(data, '督办台账.csv');
    await writeFile(ledger, (await readFile(ledger, 'utf8')).replace('建成校史馆数字展厅', '建成校史馆数字展厅和网上展馆'));
    const edited = await build(data, out);
    expect(edited.written).toBeGreaterThan(0);
    expect(edited.kept).toBeGreaterThan(0);
    expectSameOutputs(await filesUnder(out), await clean(data));

    // The office changes a sentence of its wording: every formal document is drawn again.
    const templates = await tmp('templates');
    await cp(TEMPLATES, templates, { recursive: true });
    const wording = path.join(templates, 'pdf/wording.json');
    await writeFile(wording, (await readFile(wording, 'utf8')).replace('"file.form": "登记表-{{unit}}-{{id}}"', '"file.form": "督办事项登记表-{{unit}}-{{id}}"'));
    const reworded = await build(data, out, templates);
    expect(reworded.written).toBeGreaterThan(0);
    const tree = await filesUnder(out);
    expect([...tree.keys()].some((p) => p.includes('督办事项登记表-'))).toBe(true);
    expectSameOutputs(tree, await clean(data, templates));
  });

  it('draws again a kept document edited by hand, and keeps the edit aside', async () => {
    const data = await tmp('data');
    await cp(BASIC, data, { recursive: true });
    const out = await tmp('out');
    await build(data, out);
    const tree = await filesUnder(out);
    const form = [...tree.keys()].find((p) => p.startsWith('internal/登记表/') && p.endsWith('.pdf'))!;
    await writeFile(path.join(out, form), 'signed copy');
    const r = await build(data, out);
    expect(r.keptAside.map((k) => k.path)).toEqual([form]);
    expect((await readFile(path.join(out, form))).equals(tree.get(form)!)).toBe(true);
    // A published page removed by hand comes back.
    const published = [...tree.keys()].find((p) => p.startsWith('public/') && p.endsWith('.html'))!;
    await rm(path.join(out, published));
    await build(data, out);
    const after = await filesUnder(out);
    for (const p of [...after.keys()]) if (p.startsWith('internal/已改动的文件/')) after.delete(p);
    expectSameOutputs(after, await clean(data));
  });
});
