/**
 * One file replaced atomically: written to a temporary name in its own folder, then renamed, so
 * a reader (or a crash) sees the old file or the new one, never half. The temporary name carries
 * the process id, so the next build can tell a dead build's leftovers from a live one's.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const TEMP = /^\.duban-tmp-(\d+)-/;

export async function writeAtomic(abs: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.duban-tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, abs);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

/** Temp files of builds that were killed mid-write (their process is gone), in these folders. */
export async function removeAbandonedTemps(dirs: Iterable<string>): Promise<void> {
  for (const dir of new Set(dirs)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const m = TEMP.exec(name);
      if (m && !processAlive(Number(m[1]))) await rm(path.join(dir, name), { force: true }).catch(() => {});
    }
  }
}

export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
