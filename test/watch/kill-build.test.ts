/**
 * A build killed with SIGKILL in the middle of writing leaves every output either as it was or as
 * the new build makes it, never half-written (temp file + rename).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLedgers } from '../../bench/generate-ledgers.ts';
import { writeLedgers } from '../../bench/write-ledgers.ts';
import { buildProcess, expectSameOutputs, filesUnder, STATE_FILES } from '../support/out-tree.ts';

const BIN = path.join(import.meta.dirname, '../../bin/duban.js');

describe('a killed build', () => {
  it('leaves every output old or new, never partial', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-kill-'));
    const data = path.join(dir, 'data');
    await writeLedgers(data, generateLedgers({ items: 400, units: 20, seed: 7, asOf: '2026-11-25' }));
    const oldOut = path.join(dir, 'old');
    const newOut = path.join(dir, 'new');
    buildProcess(data, oldOut, '2026-11-25');
    buildProcess(data, newOut, '2026-11-27'); // two days on: statuses, letters and reports change
    const before = await filesUnder(oldOut);
    const after = await filesUnder(newOut);

    let mixed = 0;
    // Kill as soon as the first new output has landed, and a few moments later.
    for (const [i, extraMs] of [0, 0, 10, 30].entries()) {
      const target = path.join(dir, `kill-${i}`);
      await cp(oldOut, target, { recursive: true });
      const first = path.join(target, 'internal/analysis.json');
      const oldFirst = before.get('internal/analysis.json')!;
      const child = spawn(process.execPath, [BIN, 'build', '--data', data, '--out', target, '--as-of', '2026-11-27', '--no-images'], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      let done = false;
      void exited.then(() => (done = true));
      while (!done) {
        const now = await readFile(first).catch(() => oldFirst);
        if (!now.equals(oldFirst)) break;
        await new Promise((r) => setTimeout(r, 1));
      }
      if (extraMs) await new Promise((r) => setTimeout(r, extraMs));
      child.kill('SIGKILL');
      await exited;

      let fromNew = 0;
      let fromOld = 0;
      for (const [rel, bytes] of await filesUnder(target)) {
        if (path.basename(rel).startsWith('.duban-tmp-')) continue; // an unfinished temp file, never read as output
        if (STATE_FILES.has(rel)) continue; // the writer's own state: the lock of the dead build, the pending manifest
        const isOld = before.get(rel)?.equals(bytes) ?? false;
        const isNew = after.get(rel)?.equals(bytes) ?? false;
        expect(isOld || isNew, `${rel} is neither the old nor the new version`).toBe(true);
        if (isNew && !isOld) fromNew++;
        if (isOld && !isNew) fromOld++;
      }
      if (fromNew > 0 && fromOld > 0) mixed++;

      // The next completed build leaves exactly what a clean build writes, whatever the kill left.
      buildProcess(data, target, '2026-11-27');
      expectSameOutputs(await filesUnder(target), after);
    }
    // At least one kill landed while files were being replaced (otherwise the test proved nothing).
    expect(mixed).toBeGreaterThan(0);
  }, 300_000);
});
