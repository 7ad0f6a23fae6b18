/** bin/duban.js runs dist/ only while it was built from the sources exactly as they are now. */
import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { STAMP_NAME, distIsFresh, sourceFingerprint } from '../../scripts/dist-stamp.mjs';

let root: string;

async function stampBuild(): Promise<void> {
  await mkdir(path.join(root, 'dist'), { recursive: true });
  await writeFile(path.join(root, 'dist', STAMP_NAME), `${sourceFingerprint(root)}\n`);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'duban-stamp-'));
  await mkdir(path.join(root, 'pipeline/cli'), { recursive: true });
  await mkdir(path.join(root, 'scripts'));
  await writeFile(path.join(root, 'pipeline/cli/main.ts'), 'export {};\n');
  await writeFile(path.join(root, 'scripts/build-dist.mjs'), '\n');
  await stampBuild();
});

describe('dist/ freshness', () => {
  it('is fresh right after a build', () => {
    expect(distIsFresh(root)).toBe(true);
  });
  it('is stale without a build', async () => {
    await rm(path.join(root, 'dist'), { recursive: true });
    expect(distIsFresh(root)).toBe(false);
  });
  it('is stale after a source is edited, even to an older time', async () => {
    await utimes(path.join(root, 'pipeline/cli/main.ts'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(distIsFresh(root)).toBe(false);
  });
  it('is stale after a file is added, removed or renamed', async () => {
    await writeFile(path.join(root, 'pipeline/cli/new.ts'), '');
    expect(distIsFresh(root)).toBe(false);
    await stampBuild();
    await rename(path.join(root, 'pipeline/cli/new.ts'), path.join(root, 'pipeline/cli/other.ts'));
    expect(distIsFresh(root)).toBe(false);
    await stampBuild();
    await rm(path.join(root, 'pipeline/cli/other.ts'));
    expect(distIsFresh(root)).toBe(false);
  });
  it('is stale after the build script changes', async () => {
    await writeFile(path.join(root, 'scripts/build-dist.mjs'), '// changed\n');
    expect(distIsFresh(root)).toBe(false);
  });
});
