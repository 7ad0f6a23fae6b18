/** Every file under a folder, by POSIX path relative to it (an absent folder is empty). */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';

export async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, abs).split(path.sep).join('/'), await readFile(abs));
  }
  return out;
}

/** The writer's own state beside the outputs: not what a build publishes. */
export const STATE_FILES: ReadonlySet<string> = new Set(['.duban-lock', '.duban-manifest.json', '.duban-memo.json']);

const BIN = path.join(import.meta.dirname, '../../bin/duban.js');

/** `duban build --no-images` as a real process; data errors (exit 1) are fine, anything else throws. */
export function buildProcess(data: string, out: string, asOf: string): void {
  const r = spawnSync(process.execPath, [BIN, 'build', '--data', data, '--out', out, '--as-of', asOf, '--no-images', '--json'], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
}

/** The outputs (state files left out) of `actual` are exactly those of `expected`, byte for byte. */
export function expectSameOutputs(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  const outputs = (m: Map<string, Buffer>) => [...m.keys()].filter((k) => !STATE_FILES.has(k)).sort();
  expect(outputs(actual)).toEqual(outputs(expected));
  for (const rel of outputs(expected)) expect(actual.get(rel)!.equals(expected.get(rel)!), rel).toBe(true);
}
