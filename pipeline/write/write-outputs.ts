/**
 * The file-system end of the pipeline. Each file is written to a temporary name in its own
 * folder and renamed, so a reader (or a crash) sees the old file or the new one, never half.
 * A manifest remembers what duban wrote, so a rebuild removes outputs that are no longer produced
 * (nothing stale stays published) without ever touching files duban did not write.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../model/output.ts';
import { resolveInside } from './safe-path.ts';

const MANIFEST = '.duban-manifest.json';

interface Manifest {
  files: Record<string, string>;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  refused: string[];
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

export async function writeAtomic(abs: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.duban-tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, abs);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
    return m && typeof m.files === 'object' ? m : { files: {} };
  } catch {
    return { files: {} };
  }
}

/**
 * Writes `files`; removes what the last build wrote under the same `scopes` (path prefixes such as
 * 'public/') but this build did not produce. Outputs of other scopes are left alone, so a
 * `duban report` run does not delete the bulletins.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], scopes: readonly string[]): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], removed: [], refused: [] };
  const old = await readManifest(outDir);
  const next: Manifest = { files: { ...old.files } };
  const produced = new Set<string>();
  await removeAbandonedTemps(outDir, files);

  // Many small files: keep several writes in flight; each one is still temp file + rename.
  const jobs: (() => Promise<void>)[] = [];
  for (const f of files) {
    const target = resolveInside(outDir, f.path);
    if (!target.ok) {
      result.refused.push(f.path);
      continue;
    }
    produced.add(f.path);
    const hash = hashBytes(f.bytes);
    next.files[f.path] = hash;
    jobs.push(async () => {
      if (old.files[f.path] === hash && (await exists(target.abs))) {
        result.unchanged.push(f.path);
      } else {
        await writeAtomic(target.abs, f.bytes);
        result.written.push(f.path);
      }
    });
  }
  await inParallel(jobs, 16);
  result.written.sort();
  result.unchanged.sort();

  for (const p of Object.keys(old.files)) {
    if (produced.has(p) || !scopes.some((s) => p.startsWith(s))) continue;
    const target = resolveInside(outDir, p);
    if (target.ok) await rm(target.abs, { force: true });
    delete next.files[p];
    result.removed.push(p);
  }

  const sorted: Manifest = { files: Object.fromEntries(Object.entries(next.files).sort(([a], [b]) => (a < b ? -1 : 1))) };
  await writeAtomic(path.join(outDir, MANIFEST), JSON.stringify(sorted, null, 1) + '\n');
  return result;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Temp files of a build that was killed mid-write (its process is gone) are swept on the next build. */
async function removeAbandonedTemps(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const dirs = new Set([path.resolve(outDir), ...files.map((f) => path.dirname(path.resolve(outDir, f.path)))]);
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const m = /^\.duban-tmp-(\d+)-/.exec(name);
      if (m && !alive(Number(m[1]))) await rm(path.join(dir, name), { force: true });
    }
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function inParallel(jobs: readonly (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
}
