/**
 * Real processes on a real out folder: builds stopped by SIGTERM and builds run twice at once
 * leave a consistent folder, and the next completed build writes exactly what a clean build writes.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLedgers } from '../../bench/generate-ledgers.ts';
import { writeLedgers } from '../../bench/write-ledgers.ts';
import { hashBytes } from '../../pipeline/write/manifest.ts';
import { buildProcess, expectSameOutputs, filesUnder } from '../support/out-tree.ts';

const BIN = path.join(import.meta.dirname, '../../bin/duban.js');

function start(data: string, out: string, asOf: string) {
  const child = spawn(process.execPath, [BIN, 'build', '--data', data, '--out', out, '--as-of', asOf, '--no-images'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code, sig) => r(code ?? (sig ? 128 : null))));
  return { child, exited, stderr: () => stderr };
}

async function expectSame(actual: string, expected: Map<string, Buffer>): Promise<void> {
  expectSameOutputs(await filesUnder(actual), expected);
}

describe('interrupted and concurrent builds', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-interrupt-'));
  const data = path.join(dir, 'data');
  await writeLedgers(data, generateLedgers({ items: 400, units: 16, seed: 11, asOf: '2026-11-25' }));
  const old = path.join(dir, 'old');
  const clean = path.join(dir, 'clean');
  buildProcess(data, old, '2026-11-25');
  buildProcess(data, clean, '2026-11-27');
  const expected = await filesUnder(clean);

  it('SIGTERM during the write stops after the files in flight: exit 143, no temp files, no lock, a true manifest', async () => {
    const target = path.join(dir, 'term');
    await cp(old, target, { recursive: true });
    const oldFirst = await readFile(path.join(old, 'internal/analysis.json'));
    const run = start(data, target, '2026-11-27');
    let done = false;
    void run.exited.then(() => (done = true));
    while (!done) {
      const now = await readFile(path.join(target, 'internal/analysis.json')).catch(() => oldFirst);
      if (!now.equals(oldFirst)) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    run.child.kill('SIGTERM');
    const code = await run.exited;
    const after = await filesUnder(target);
    if (code === 143) expect(run.stderr()).toContain('已中止');
    else expect(code === 0 || code === 1, `exit ${code}`).toBe(true); // it had already finished
    expect([...after.keys()].filter((k) => path.basename(k).startsWith('.duban-tmp-'))).toEqual([]);
    expect(after.has('.duban-lock')).toBe(false);
    // every file the manifest names is on disk with exactly that hash
    const m = JSON.parse(after.get('.duban-manifest.json')!.toString('utf8')) as { files: Record<string, string>; pending?: object };
    expect(m.pending).toBeUndefined();
    for (const [rel, hash] of Object.entries(m.files)) expect(after.get(rel) && hashBytes(after.get(rel)!), rel).toBe(hash);

    buildProcess(data, target, '2026-11-27');
    await expectSame(target, expected);
  }, 120_000);

  it('two builds at once on one out folder: the second waits, and the result is a clean build', async () => {
    for (let round = 0; round < 2; round++) {
      const target = path.join(dir, `twice-${round}`);
      await cp(old, target, { recursive: true });
      const a = start(data, target, '2026-11-27');
      const b = start(data, target, '2026-11-27');
      const codes = await Promise.all([a.exited, b.exited]);
      for (const c of codes) expect(c === 0 || c === 1, `exit ${c}: ${a.stderr()}${b.stderr()}`).toBe(true);
      await expectSame(target, expected);
      expect((await readdir(target)).includes('.duban-lock')).toBe(false);
    }
  }, 120_000);
});
