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

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Files read whole; larger ones (fonts) by size and modification time. */
const SMALL = 1 << 20;

let code: string | undefined;

/** The compiled build's stamp when running it, else the sources' own fingerprint; plus the locked library versions. */
export function codeFingerprint(): string {
  if (code === undefined) {
    const compiled = !import.meta.url.endsWith('.ts');
    const h = createHash('sha256').update((compiled ? distFingerprint() : null) ?? sourceFingerprint());
    try {
      h.update(readFileSync(path.join(ROOT, 'package-lock.json')));
    } catch {
      h.update('no lock');
    }
    code = h.digest('base64url');
  }
  return code;
}

/** Every file of the templates folder, by content (or size and time for large ones). */
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
