/**
 * One writer at a time per out folder. Two builds writing the same folder at once can each
 * remove what the other just wrote and leave a mix of both; with the lock the second waits.
 *
 * The lock is a file created exclusively (O_EXCL), holding the owner's pid and host. A build that
 * died (SIGKILL, a power cut) cannot leave it stuck: a lock whose process is gone on this host, or
 * that is older than STALE_MS wherever it came from, is taken over.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from './atomic-file.ts';

export const LOCK_FILE = '.duban-lock';
/** No write stage runs this long; a lock older than this is left over from another machine. */
const STALE_MS = 30 * 60_000;

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface OutLock {
  release(): Promise<void>;
}

export class LockTimeout extends Error {
  constructor(
    readonly owner: LockOwner | null,
    readonly outDir: string,
  ) {
    super(
      `输出目录「${outDir}」正由另一个 duban 进程${owner ? `（进程号 ${owner.pid}，${owner.host}，自 ${owner.since} 起）` : ''}写入，等待超时。请等它结束后再运行；若确认没有其他 duban 在运行，可删除 ${path.join(outDir, LOCK_FILE)}。`,
    );
  }
}

/**
 * Takes the lock, waiting up to `waitMs` for another writer (DUBAN_LOCK_WAIT_MS overrides the
 * default of two minutes). `onWait` is told once, so the user knows why nothing happens.
 */
export async function lockOut(outDir: string, o: { waitMs?: number; onWait?: (owner: LockOwner | null) => void } = {}): Promise<OutLock> {
  const file = path.join(outDir, LOCK_FILE);
  const waitMs = o.waitMs ?? (Number(process.env.DUBAN_LOCK_WAIT_MS) || 120_000);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const mine: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    try {
      const h = await open(file, 'wx');
      try {
        await h.writeFile(JSON.stringify(mine));
      } finally {
        await h.close();
      }
      const onExit = () => rmSync(file, { force: true });
      process.once('exit', onExit);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          process.off('exit', onExit);
          // Only remove our own lock: a takeover after we were presumed dead must not be undone.
          const owner = await readOwner(file);
          if (owner === null || (owner.pid === mine.pid && owner.host === mine.host)) await rm(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = await readOwner(file);
    if (await isStale(file, owner)) {
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeout(owner, outDir);
    if (!told) {
      told = true;
      o.onWait?.(owner);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    return typeof v.pid === 'number' && typeof v.host === 'string' ? v : null;
  } catch {
    return null;
  }
}

async function isStale(file: string, owner: LockOwner | null): Promise<boolean> {
  const age = await stat(file).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
  if (age > STALE_MS) return true;
  // An owner still writing its JSON reads as null for a moment: give it a second.
  if (owner === null) return age > 1000;
  return owner.host === os.hostname() && !processAlive(owner.pid);
}
