import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MEMO_FILE, RenderMemo, readKept, renderKey } from '../../pipeline/write/render-memo.ts';
import { writeOutputs } from '../../pipeline/write/write-outputs.ts';
import { hashBytes, MANIFEST_FILE } from '../../pipeline/write/manifest.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function outDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'duban-memo-'));
  dirs.push(d);
  return d;
}

/** One build: the memo's notes of the last build, the unit drawn when they fail, written, saved. */
async function build(out: string, memo: RenderMemo, units: Record<string, string>): Promise<{ kept: string[]; drawn: string[] }> {
  await memo.begin(out);
  const kept: string[] = [];
  const drawn: string[] = [];
  const files = [];
  for (const [name, text] of Object.entries(units)) {
    const key = renderKey('settings', name, text);
    const hit = await memo.recall(out, key);
    if (hit) {
      kept.push(name);
      files.push(...hit);
      continue;
    }
    drawn.push(name);
    const f = { path: `internal/${name}.txt`, bytes: text };
    memo.remember(key, [f]);
    files.push(f);
  }
  await writeOutputs(out, files, ['internal/']);
  await memo.save(out);
  return { kept, drawn };
}

describe('render memo', () => {
  it('keeps a unit only while its files are on disk exactly as drawn', async () => {
    const out = await outDir();
    expect(await build(out, new RenderMemo(), { a: 'A1', b: 'B1' })).toEqual({ kept: [], drawn: ['a', 'b'] });
    // A new process: the notes come from out/.duban-memo.json.
    expect(await build(out, new RenderMemo(), { a: 'A1', b: 'B1' })).toEqual({ kept: ['a', 'b'], drawn: [] });
    // Changed data: a new key, drawn.
    expect(await build(out, new RenderMemo(), { a: 'A2', b: 'B1' })).toEqual({ kept: ['b'], drawn: ['a'] });
    // Somebody overwrites b by hand: not kept, drawn again, and the edit kept aside by the writer.
    await writeFile(path.join(out, 'internal/b.txt'), 'edited');
    const r = await build(out, new RenderMemo(), { a: 'A2', b: 'B1' });
    expect(r).toEqual({ kept: ['a'], drawn: ['b'] });
    expect(await readFile(path.join(out, 'internal/b.txt'), 'utf8')).toBe('B1');
    // Removed: drawn again.
    await rm(path.join(out, 'internal/a.txt'));
    expect((await build(out, new RenderMemo(), { a: 'A2', b: 'B1' })).drawn).toEqual(['a']);
  });

  it('reads and compares a file whose stat record changed, and keeps it when the bytes are the same', async () => {
    const out = await outDir();
    await build(out, new RenderMemo(), { a: 'A1' });
    // Same bytes, another modification time: the stat record no longer matches, the bytes do.
    await utimes(path.join(out, 'internal/a.txt'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect((await build(out, new RenderMemo(), { a: 'A1' })).kept).toEqual(['a']);
    // Same size, other bytes, the old times put back: the stat record differs (change time), so it is read.
    await writeFile(path.join(out, 'internal/a.txt'), 'X1');
    await utimes(path.join(out, 'internal/a.txt'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect((await build(out, new RenderMemo(), { a: 'A1' })).drawn).toEqual(['a']);
    expect(await readFile(path.join(out, 'internal/a.txt'), 'utf8')).toBe('A1');
  });

  it('does not trust a memo that names other bytes than those on disk, nor a manifest without its stat records', async () => {
    const out = await outDir();
    await build(out, new RenderMemo(), { a: 'A1' });
    const memoPath = path.join(out, MEMO_FILE);
    const memo = JSON.parse(await readFile(memoPath, 'utf8'));
    for (const files of Object.values(memo.keys) as { hash: string }[][]) files[0]!.hash = hashBytes('forged');
    await writeFile(memoPath, JSON.stringify(memo));
    expect((await build(out, new RenderMemo(), { a: 'A1' })).drawn).toEqual(['a']);
    // A manifest that lost its stat records (an older duban): the file is read, and kept since its bytes are right.
    const manifestPath = path.join(out, MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    delete manifest.stats;
    await writeFile(manifestPath, JSON.stringify(manifest));
    expect((await build(out, new RenderMemo(), { a: 'A1' })).kept).toEqual(['a']);
    // A memo file that is not JSON is no memo.
    await writeFile(memoPath, '{not json');
    expect((await build(out, new RenderMemo(), { a: 'A1' })).drawn).toEqual(['a']);
  });

  it('keeps the notes of the last build only', async () => {
    const out = await outDir();
    await build(out, new RenderMemo(), { a: 'A1', b: 'B1' });
    await build(out, new RenderMemo(), { a: 'A2' });
    const memo = JSON.parse(await readFile(path.join(out, MEMO_FILE), 'utf8'));
    expect(Object.keys(memo.keys)).toEqual([renderKey('settings', 'a', 'A2')]);
  });

  it('reads a kept file back only while it holds the bytes noted', async () => {
    const out = await outDir();
    await build(out, new RenderMemo(), { a: 'A1' });
    const f = { path: 'internal/a.txt', kept: hashBytes('A1') };
    expect(Buffer.from((await readKept(out, f))!).toString()).toBe('A1');
    await writeFile(path.join(out, 'internal/a.txt'), 'A2');
    expect(await readKept(out, f)).toBeNull();
    expect(await readKept(out, { path: '../escape.txt', kept: hashBytes('A1') })).toBeNull();
  });
});
