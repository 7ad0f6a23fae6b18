/**
 * What, besides its own data, decides the bytes of every output: duban's code, the libraries it
 * draws with, and the office's templates folder (wording, page templates, fonts). The render
 * memo's keys include this, so an upgrade, an edited template or a new font draws everything
 * again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distFingerprint, sourceFingerprint } from '../../scripts/dist-stamp.mjs';
import { PACKAGE_TEMPLATES_DIR } from '../render/template-check.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Files read whole; larger ones (fonts) by size and modification time. */
const SMALL = 1 << 20;

let code: string | undefined;

/**
 * The compiled build's stamp when running it, else the sources' own fingerprint; the locked
 * library versions; and Node's own (its zlib compresses the XLSX, DOCX and PDF streams, its ICU
 * sorts names by pinyin). Without any fingerprint, keys of this process match no other's.
 */
export function codeFingerprint(): string {
  if (code === undefined) {
    const compiled = !import.meta.url.endsWith('.ts');
    let source: string;
    try {
      source = (compiled ? distFingerprint() : null) ?? sourceFingerprint();
    } catch {
      source = `unknown ${process.pid} ${Date.now()} ${Math.random()}`;
    }
    const { node, zlib, icu, unicode } = process.versions;
    const h = createHash('sha256').update(source).update(JSON.stringify({ node, zlib, icu, unicode }));
    try {
      h.update(readFileSync(path.join(ROOT, 'package-lock.json')));
    } catch {
      h.update('no lock');
    }
    code = h.digest('base64url');
  }
  return code;
}

const byAssets = new WeakMap<object, string>();

/**
 * The templates a process draws with: the office's folder and the package's own (missing files
 * fall back to it), fingerprinted once per loaded asset set. A watch session keeps the templates it
 * loaded at its start, so its keys must say so too, even if the files change meanwhile.
 */
export function assetsFingerprint(assets: { templatesDir: string }): string {
  let f = byAssets.get(assets);
  if (f === undefined) {
    f = templatesFingerprint(assets.templatesDir) + ' ' + templatesFingerprint(PACKAGE_TEMPLATES_DIR);
    byAssets.set(assets, f);
  }
  return f;
}

/** Every file of a templates folder, by content (or size and time for large ones). */
export function templatesFingerprint(templatesDir: string): string {
  const h = createHash('sha256');
  let names: string[] = [];
  try {
    names = readdirSync(templatesDir, { recursive: true }).map(String).sort();
  } catch {
    return 'none';
  }
  for (const rel of names) {
    const abs = path.join(templatesDir, rel);
    try {
      const st = statSync(abs);
      if (!st.isFile()) continue;
      h.update(rel).update('\0');
      if (st.size <= SMALL) h.update(readFileSync(abs));
      else h.update(`${st.size}:${st.mtimeMs}`);
      h.update('\0');
    } catch {
      h.update(`${rel}\0unreadable\0`);
    }
  }
  return h.digest('base64url');
}
