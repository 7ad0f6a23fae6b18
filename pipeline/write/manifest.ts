/**
 * The manifest remembers what duban wrote into out/: a hash per file. It is a hint, never the
 * truth: the writer always compares with the bytes on disk. It serves two things only: telling a
 * file duban wrote (safe to replace or remove) from one somebody edited (kept aside first), and
 * letting the images stage reuse a long image whose page has not changed.
 *
 * Before a build replaces anything it records the hashes it is about to write as `pending`, so
 * a build killed half-way leaves files the next build still recognises as its own.
 *
 * `stats` records each file's size, modification and change times (nanoseconds) and inode as the
 * writer left it. A file whose lstat still gives exactly that record holds the bytes duban wrote
 * (any write, rename or chmod moves its change time, which no program can set back), so the
 * writer and the render memo skip reading it; a file whose record differs is read and compared.
 */
import { createHash } from 'node:crypto';
import { lstatSync, type BigIntStats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './atomic-file.ts';

export const MANIFEST_FILE = '.duban-manifest.json';

export interface Manifest {
  /** What the last completed write left on disk, path → hash. */
  files: Record<string, string>;
  /** What an unfinished write was about to put there. */
  pending: Record<string, string>;
  /** statKey of each file of `files` as the writer left it. */
  stats: Record<string, string>;
}

/**
 * Size, modification and change time (ns) and inode of a file, or null when it is not a plain
 * file. Synchronous on purpose: a rebuild checks every output this way, and 24,000 lstat calls
 * take ~0.1 s in a loop against ~0.5 s through the promise API's thread pool.
 */
export function statKey(abs: string): string | null {
  let st: BigIntStats | undefined;
  try {
    st = lstatSync(abs, { bigint: true, throwIfNoEntry: false });
  } catch {
    return null;
  }
  return st?.isFile() ? `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}` : null;
}

/** True when the file at `abs` is, by its stat record, still the one the manifest says duban wrote with `hash`. */
export function unchangedSinceWritten(m: Manifest, relPath: string, abs: string, hash: string): boolean {
  const recorded = m.stats[relPath];
  return recorded !== undefined && m.files[relPath] === hash && statKey(abs) === recorded;
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return { files: isRecord(m.files) ? m.files : {}, pending: isRecord(m.pending) ? m.pending : {}, stats: isRecord(m.stats) ? m.stats : {} };
  } catch {
    return { files: {}, pending: {}, stats: {} };
  }
}

/** The committed hashes only (what the images stage may reuse against). */
export async function readWrittenHashes(outDir: string): Promise<Record<string, string>> {
  return (await readManifest(outDir)).files;
}

export async function saveManifest(outDir: string, m: Manifest): Promise<void> {
  // Default sort compares UTF-16 code units, the same order as `<`, without a comparator call per pair.
  const sorted = (r: Record<string, string>) =>
    Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]!]),
    );
  const body: Record<string, unknown> = { files: sorted(m.files) };
  if (Object.keys(m.pending).length > 0) body.pending = sorted(m.pending);
  const stats = Object.fromEntries(Object.entries(m.stats).filter(([p]) => m.files[p] !== undefined));
  if (Object.keys(stats).length > 0) body.stats = sorted(stats);
  await writeAtomic(path.join(outDir, MANIFEST_FILE), JSON.stringify(body, null, 1) + '\n');
}

/** Did duban write these bytes at this path (in the last build, or in one that was cut short)? */
export function isDubanVersion(m: Manifest, relPath: string, hash: string): boolean {
  return m.files[relPath] === hash || m.pending[relPath] === hash;
}

function isRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
