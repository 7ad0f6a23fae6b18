/**
 * The file-system end of the pipeline. What a build writes is always what the current data
 * gives, judged against the bytes on disk (never against what a manifest remembers):
 * - a file whose bytes already equal the new ones is left alone ("unchanged");
 * - every file in a scope the build owns (public/, campus/, the letter folders …) that the build
 *   does not produce is removed, found by walking the disk, so a lost or stale manifest cannot
 *   keep a page published;
 * - a file whose bytes are not what duban wrote (a signed letter put in place of ours, a page
 *   edited by hand) is never deleted or overwritten: it is moved aside under
 *   internal/已改动的文件/ first, and the result says so;
 * - one writer per out folder (out-lock.ts); files are replaced atomically (atomic-file.ts);
 * - editions first: stale public pages go before anything else is written, so an interrupted
 *   build leaves less published, not more.
 */
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { isKept, type BuiltFile } from '../model/output.ts';
import { resolveInside } from './safe-path.ts';
import { removeAbandonedTemps, isTempName, writeAtomic } from './atomic-file.ts';
import { hashBytes, isDubanVersion, readManifest, saveManifest, statKey, unchangedSinceWritten, type Manifest } from './manifest.ts';
import { lockOut, type LockOwner } from './out-lock.ts';
import { describeWriteError } from './write-errors.ts';

export { hashBytes } from './manifest.ts';
export { writeAtomic } from './atomic-file.ts';

/** Where edited outputs are kept; inside internal/, so nothing set aside is ever published. */
export const SET_ASIDE_DIR = 'internal/已改动的文件';
/** Trees that must hold exactly the current editions: published as they are. */
const EDITION_SCOPES = ['public/', 'campus/'];

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  refused: string[];
  /** Files that were not duban's bytes, moved aside before being replaced or removed. */
  keptAside: { path: string; to: string }[];
  /** Files that could not be written or removed, with a Chinese reason. */
  failed: { path: string; message: string }[];
  /** Stopped by a signal before everything was written; what was done is consistent. */
  interrupted: boolean;
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Told once when another duban holds the out folder. */
  onWait?: (owner: LockOwner | null) => void;
  /** Lock wait in ms (default DUBAN_LOCK_WAIT_MS or two minutes). */
  lockWaitMs?: number;
}

/**
 * Writes `files`; removes what is on disk under `scopes` (path prefixes such as 'public/', or one
 * exact path) but not among `files`. Outputs of other scopes are left alone, so a `duban report`
 * run does not delete the bulletins.
 */
export async function writeOutputs(outDir: string, files: readonly BuiltFile[], scopes: readonly string[], o: WriteOptions = {}): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], removed: [], refused: [], keptAside: [], failed: [], interrupted: false };
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    for (const f of files) result.failed.push({ path: f.path, message: describeWriteError(e) });
    return result;
  }
  const lock = await lockOut(outDir, { waitMs: o.lockWaitMs, onWait: o.onWait });
  try {
    await writeLocked(outDir, files, scopes, o.signal, result);
  } finally {
    await lock.release();
  }
  for (const list of [result.written, result.unchanged, result.removed]) list.sort();
  return result;
}

/** A file to put on disk: its bytes, or (kept by the render memo) only the hash of the bytes already there. */
interface Planned {
  abs: string;
  bytes: Buffer | null;
  hash: string;
}

async function writeLocked(outDir: string, files: readonly BuiltFile[], scopes: readonly string[], signal: AbortSignal | undefined, result: WriteResult): Promise<void> {
  const old = await readManifest(outDir);
  const planned = new Map<string, Planned>();
  for (const f of files) {
    const target = resolveInside(outDir, f.path);
    if (!target.ok) {
      result.refused.push(f.path);
      continue;
    }
    if (isKept(f)) {
      planned.set(f.path, { abs: target.abs, bytes: null, hash: f.kept });
      continue;
    }
    const bytes = typeof f.bytes === 'string' ? Buffer.from(f.bytes) : Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
    planned.set(f.path, { abs: target.abs, bytes, hash: hashBytes(bytes) });
  }
  const onDisk = await filesInScopes(outDir, scopes);
  const stale = [...new Set([...onDisk, ...Object.keys(old.files).filter((p) => inScopes(p, scopes))])].filter((p) => !planned.has(p)).sort();
  await removeAbandonedTemps([outDir, ...[...planned.values()].map((p) => path.dirname(p.abs)), ...stale.map((p) => path.dirname(path.join(outDir, p)))]);

  // Say what is about to be written before writing it: a build killed half-way leaves files
  // that the next one still knows as its own.
  const next: Manifest = { files: { ...old.files }, pending: Object.fromEntries([...planned].map(([p, v]) => [p, v.hash])), stats: { ...old.stats } };
  await saveManifest(outDir, next);
  const stamp = setAsideStamp();
  const setAside = async (rel: string, abs: string): Promise<void> => {
    const to = await freeName(path.join(outDir, SET_ASIDE_DIR, stamp, rel));
    await mkdir(path.dirname(to), { recursive: true });
    await rename(abs, to);
    result.keptAside.push({ path: rel, to: path.relative(outDir, to).split(path.sep).join('/') });
  };

  const remove = async (rel: string): Promise<void> => {
    const target = resolveInside(outDir, rel);
    delete next.files[rel];
    delete next.stats[rel];
    if (!target.ok) return;
    try {
      const st = await lstat(target.abs).catch(() => null);
      if (st === null) return;
      if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      const mine = st.isFile() && isDubanVersion(old, rel, hashBytes(await readFile(target.abs)));
      if (mine) await rm(target.abs, { force: true });
      else await setAside(rel, target.abs);
      result.removed.push(rel);
    } catch (e) {
      result.failed.push({ path: rel, message: describeWriteError(e) });
    }
  };

  const unchanged = async (rel: string, p: Planned): Promise<void> => {
    next.files[rel] = p.hash;
    const key = statKey(p.abs);
    if (key === null) delete next.stats[rel];
    else next.stats[rel] = key;
    result.unchanged.push(rel);
  };

  const put = async (rel: string, p: Planned): Promise<void> => {
    try {
      // Unchanged by its stat record (manifest.ts): the common case of a rebuild, without reading.
      if (unchangedSinceWritten(old, rel, p.abs, p.hash)) {
        result.unchanged.push(rel);
        return;
      }
      const st = await lstat(p.abs).catch(() => null);
      if (st?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      if (st?.isFile()) {
        const disk = await readFile(p.abs);
        if (p.bytes ? disk.equals(p.bytes) : hashBytes(disk) === p.hash) return await unchanged(rel, p);
        if (!isDubanVersion(old, rel, hashBytes(disk))) await setAside(rel, p.abs);
      } else if (st) {
        await setAside(rel, p.abs); // a link or a device where our file goes: not ours
      }
      // Kept by the memo, then changed on disk while the build ran: there are no bytes to put back.
      if (p.bytes === null) throw Object.assign(new Error('changed during the build'), { code: 'DUBAN_CHANGED' });
      await writeAtomic(p.abs, p.bytes);
      next.files[rel] = p.hash;
      const key = statKey(p.abs);
      if (key === null) delete next.stats[rel];
      else next.stats[rel] = key;
      result.written.push(rel);
    } catch (e) {
      result.failed.push({ path: rel, message: describeWriteError(e) });
      delete next.files[rel];
      delete next.stats[rel];
      // A page that cannot be brought up to date must not stay published as it was.
      if (inScopes(rel, EDITION_SCOPES)) await rm(p.abs, { force: true }).catch(() => {});
    }
  };

  const staleEditions = stale.filter((p) => inScopes(p, EDITION_SCOPES));
  const staleOther = stale.filter((p) => !inScopes(p, EDITION_SCOPES));
  const order = [...planned].sort(([a], [b]) => Number(!inScopes(a, EDITION_SCOPES)) - Number(!inScopes(b, EDITION_SCOPES)));
  try {
    await inParallel(
      staleEditions.map((p) => () => remove(p)),
      16,
      signal,
    );
    await inParallel(
      order.map(
        ([rel, p]) =>
          () =>
            put(rel, p),
      ),
      16,
      signal,
    );
    await inParallel(
      staleOther.map((p) => () => remove(p)),
      16,
      signal,
    );
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    result.interrupted = true;
  } finally {
    await removeEmptyFolders(outDir, EDITION_SCOPES);
    await saveManifest(outDir, { files: next.files, pending: {}, stats: next.stats });
  }
}

class Interrupted extends Error {}

function inScopes(rel: string, scopes: readonly string[]): boolean {
  return scopes.some((s) => (s.endsWith('/') ? rel.startsWith(s) : rel === s));
}

/** Every file on disk under the folder scopes (and the exact-path scopes that exist), relative and POSIX. */
async function filesInScopes(outDir: string, scopes: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const s of scopes) {
    const abs = path.join(outDir, s);
    if (!s.endsWith('/')) {
      if (
        await lstat(abs).then(
          (st) => !st.isDirectory(),
          () => false,
        )
      )
        out.push(s);
      continue;
    }
    const entries = await readdir(abs, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isDirectory() || isTempName(e.name)) continue;
      out.push(path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    }
  }
  return out;
}

/** A clean build has no empty folders in an edition; neither does one that removed pages. */
async function removeEmptyFolders(outDir: string, scopes: readonly string[]): Promise<void> {
  for (const s of scopes) {
    const root = path.join(outDir, s);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name));
    for (const d of dirs.sort((a, b) => b.length - a.length)) await rmdir(d).catch(() => {});
  }
}

async function freeName(abs: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? abs : abs.replace(/(\.[^./\\]*)?$/, (ext) => `-${n}${ext}`);
    if (
      !(await lstat(candidate).then(
        () => true,
        () => false,
      ))
    )
      return candidate;
  }
}

/** 20261201-093005, Beijing time: folders of kept files sort by when they were kept. */
function setAsideStamp(now = new Date()): string {
  const t = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 19).replace(/:/g, '')}`;
}

async function inParallel(jobs: readonly (() => Promise<void>)[], width: number, signal?: AbortSignal): Promise<void> {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (next < jobs.length) {
      if (signal?.aborted) {
        stopped = true;
        return;
      }
      await jobs[next++]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  if (stopped || signal?.aborted) throw new Interrupted();
}
