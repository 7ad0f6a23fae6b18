/**
 * What a build drew before, so it need not draw it again: for each render key (a hash of
 * everything a document's bytes depend on: its data, the build's settings, the templates and
 * fonts, duban's own code), the files it gave. A note of an earlier build is only a hint: a
 * file counts as kept only when the disk still holds exactly those bytes, by its stat record in
 * the manifest (manifest.ts) or else by reading and hashing it. A file edited, replaced or
 * removed since is drawn again.
 *
 * The notes live in out/.duban-memo.json; only the keys of the last build are kept, so the file
 * stays the size of one build. A watch session keeps one memo open across its builds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { BuiltFile, KeptFile, OutputFile } from '../model/output.ts';
import { isKept } from '../model/output.ts';
import { writeAtomic } from './atomic-file.ts';
import { hashBytes, readManifest, unchangedSinceWritten, type Manifest } from './manifest.ts';
import { resolveInside } from './safe-path.ts';

export const MEMO_FILE = '.duban-memo.json';

interface Noted {
  path: string;
  hash: string;
  longImage?: boolean;
}

/** One key from the parts that decide a document's bytes (any JSON-able values). */
export function renderKey(...parts: unknown[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? p : (JSON.stringify(p) ?? 'undefined')).update('\0');
  return h.digest('base64url');
}

export class RenderMemo {
  private notes = new Map<string, Noted[]>();
  private used = new Map<string, Noted[]>();
  private manifest: Manifest = { files: {}, pending: {}, stats: {} };
  private loadedFrom: string | null = null;

  /** Before a build: the notes (once per out folder) and the manifest as the last write left it. */
  async begin(outDir: string): Promise<void> {
    if (this.loadedFrom !== outDir) {
      this.notes = await readNotes(outDir);
      this.loadedFrom = outDir;
    } else if (this.used.size > 0) {
      // A watch session: what the last build used is what the next one may keep.
      this.notes = this.used;
    }
    this.used = new Map();
    this.manifest = await readManifest(outDir);
  }

  /** The files of `key`, if every one of them is on disk as it was drawn; else null. */
  async recall(outDir: string, key: string): Promise<KeptFile[] | null> {
    const noted = this.notes.get(key);
    if (!noted) return null;
    for (const f of noted) {
      const target = resolveInside(outDir, f.path);
      if (!target.ok) return null;
      if (unchangedSinceWritten(this.manifest, f.path, target.abs, f.hash)) continue;
      if ((await readKept(outDir, { path: f.path, kept: f.hash })) === null) return null;
    }
    this.used.set(key, noted);
    return noted.map((f) => (f.longImage ? { path: f.path, kept: f.hash, longImage: true } : { path: f.path, kept: f.hash }));
  }

  /** What `key` drew this time. */
  remember(key: string, files: readonly BuiltFile[]): void {
    const noted = files.map((f): Noted => {
      const hash = isKept(f) ? f.kept : hashBytes((f as OutputFile).bytes);
      return f.longImage ? { path: f.path, hash, longImage: true } : { path: f.path, hash };
    });
    this.notes.set(key, noted);
    this.used.set(key, noted);
  }

  /**
   * After files are written (each phase of a build, and a watch's images): the notes of this build
   * so far. The notes in memory stay whole until the next build begins, so a later phase still
   * finds its own.
   */
  async save(outDir: string): Promise<void> {
    const body = Object.fromEntries([...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomic(path.join(outDir, MEMO_FILE), JSON.stringify({ version: 1, keys: body }) + '\n').catch(() => {});
  }
}

async function readNotes(outDir: string): Promise<Map<string, Noted[]>> {
  try {
    const m = JSON.parse(await readFile(path.join(outDir, MEMO_FILE), 'utf8')) as { version?: number; keys?: Record<string, Noted[]> };
    if (m.version !== 1 || typeof m.keys !== 'object' || m.keys === null) return new Map();
    const ok = (f: Noted) => typeof f?.path === 'string' && typeof f.hash === 'string';
    return new Map(Object.entries(m.keys).filter(([, v]) => Array.isArray(v) && v.every(ok)));
  } catch {
    return new Map();
  }
}

/** The bytes of a kept file, read back from out/ (the long images draw kept pages); null if they changed. */
export async function readKept(outDir: string, f: KeptFile): Promise<Uint8Array | null> {
  const target = resolveInside(outDir, f.path);
  if (!target.ok) return null;
  const bytes = await readFile(target.abs).catch(() => null);
  return bytes !== null && hashBytes(bytes) === f.kept ? bytes : null;
}
