/**
 * The manifest remembers what duban wrote into out/: a hash per file. It is a hint, never the
 * truth: the writer always compares with the bytes on disk. It serves two things only: telling a
 * file duban wrote (safe to replace or remove) from one somebody edited (kept aside first), and
 * letting the images stage reuse a long image whose page has not changed.
 *
 * Before a build replaces anything it records the hashes it is about to write as `pending`, so
 * a build killed half-way leaves files the next build still recognises as its own.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './atomic-file.ts';

export const MANIFEST_FILE = '.duban-manifest.json';

export interface Manifest {
  /** What the last completed write left on disk, path → hash. */
  files: Record<string, string>;
  /** What an unfinished write was about to put there. */
  pending: Record<string, string>;
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return { files: isRecord(m.files) ? m.files : {}, pending: isRecord(m.pending) ? m.pending : {} };
  } catch {
    return { files: {}, pending: {} };
  }
}

/** The committed hashes only (what the images stage may reuse against). */
export async function readWrittenHashes(outDir: string): Promise<Record<string, string>> {
  return (await readManifest(outDir)).files;
}

export async function saveManifest(outDir: string, m: Manifest): Promise<void> {
  const sorted = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const body: Record<string, unknown> = { files: sorted(m.files) };
  if (Object.keys(m.pending).length > 0) body.pending = sorted(m.pending);
  await writeAtomic(path.join(outDir, MANIFEST_FILE), JSON.stringify(body, null, 1) + '\n');
}

/** Did duban write these bytes at this path (in the last build, or in one that was cut short)? */
export function isDubanVersion(m: Manifest, relPath: string, hash: string): boolean {
  return m.files[relPath] === hash || m.pending[relPath] === hash;
}

function isRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
