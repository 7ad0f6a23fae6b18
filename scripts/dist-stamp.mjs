// Whether dist/ (the compiled CLI) was built from the sources as they are now.
//
// dist/ mirrors pipeline/ file for file (pipeline/cli/main.ts → dist/cli/main.js, other files
// copied), at the same depth below the project folder, so every path a module finds from its
// own location (../../templates, ./builtin/, node_modules) is the same from either place.
//
// The stamp is a fingerprint of every entry under pipeline/ (path, size, modification time;
// folders too, so an added, removed or renamed file counts) and of the build script itself.
// Any edit, checkout or pull changes it, and bin/duban.js then runs the TypeScript through tsx
// until the next `npm install` (or `npm run build:dist`) compiles again. Plain JavaScript with
// Node built-ins only: bin/duban.js loads it on every start (~2 ms).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_DIR = path.join(ROOT, 'pipeline');
export const DIST_DIR = path.join(ROOT, 'dist');
export const STAMP_NAME = '.stamp';
/** Files outside pipeline/ whose change makes a different dist/. */
const BUILD_INPUTS = ['scripts/build-dist.mjs'];

/** Fingerprint of the sources as they are on disk now. */
export function sourceFingerprint(root = ROOT) {
  const source = path.join(root, 'pipeline');
  const hash = createHash('sha256');
  const add = (rel, abs) => {
    const s = statSync(abs);
    hash.update(`${rel}\0${s.isDirectory() ? 'd' : s.size}\0${s.mtimeMs}\n`);
  };
  add('pipeline', source);
  for (const rel of readdirSync(source, { recursive: true }).map(String).sort()) add(rel, path.join(source, rel));
  for (const rel of BUILD_INPUTS) add(rel, path.join(root, rel));
  return hash.digest('hex');
}

/** The fingerprint dist/ was built from, or null when there is no build. */
export function distFingerprint(dist = DIST_DIR) {
  try {
    return readFileSync(path.join(dist, STAMP_NAME), 'utf8').trim();
  } catch {
    return null;
  }
}

/** True when dist/ holds a build of exactly the current sources. */
export function distIsFresh(root = ROOT) {
  const built = distFingerprint(path.join(root, 'dist'));
  if (built === null) return false;
  try {
    return built === sourceFingerprint(root);
  } catch {
    return false;
  }
}
