// Compiles pipeline/**/*.ts to dist/ for the installed command (bin/duban.js), and links
// node_modules/.bin/duban. Run by `npm install` / `npm ci` (the `prepare` script) and by
// `npm run build:dist`; does nothing when dist/ is already built from the current sources.
//
//   node scripts/build-dist.mjs            build when stale; a failure exits 1
//   node scripts/build-dist.mjs --force    build even when fresh
//   node scripts/build-dist.mjs --prepare  as npm runs it: a failure is a warning, never a
//                                          failed install (bin/duban.js then runs the TypeScript)
//
// Each module is compiled on its own (esbuild, ~0.3 s for the whole tree): imports stay imports,
// their `.ts` specifiers become `.js`, packages stay in node_modules. Files other than TypeScript
// (the built-in page templates) are copied; *.mjs files are the tsx bootstraps of the
// TypeScript run and are left out. The new tree is built beside dist/ and swapped in whole, so a
// running duban never sees half a build.
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_DIR, ROOT, SOURCE_DIR, STAMP_NAME, distIsFresh, sourceFingerprint } from './dist-stamp.mjs';

const args = new Set(process.argv.slice(2));
const prepare = args.has('--prepare');

/** Compiles the sources into `dist` (default dist/); returns the number of modules. */
export async function buildDist({ dist = DIST_DIR } = {}) {
  const { build } = await import('esbuild');
  const fingerprint = sourceFingerprint();
  const files = readdirSync(SOURCE_DIR, { recursive: true }).map(String).sort();
  const entries = files.filter((f) => f.endsWith('.ts')).map((f) => path.join(SOURCE_DIR, f));
  const tmp = `${dist}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build({
      entryPoints: entries,
      outdir: tmp,
      outbase: SOURCE_DIR,
      bundle: true, // only so that the plugin sees every import; each one is kept external
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      plugins: [keepImports],
    });
    for (const f of files) {
      const from = path.join(SOURCE_DIR, f);
      if (f.endsWith('.ts') || f.endsWith('.mjs') || lstatSync(from).isDirectory()) continue;
      mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      cpSync(from, path.join(tmp, f));
    }
    writeFileSync(path.join(tmp, STAMP_NAME), `${fingerprint}\n`);
    swapIn(tmp, dist);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return entries.length;
}

/** Every import stays an import of the same module: `./x.ts` → `./x.js`, packages as written. */
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (a) => {
      if (a.kind === 'entry-point') return undefined;
      const relative = a.path.startsWith('./') || a.path.startsWith('../');
      return { path: relative ? a.path.replace(/\.ts$/, '.js') : a.path, external: true };
    });
  },
};

function swapIn(tmp, dist) {
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(tmp, dist);
  rmSync(old, { recursive: true, force: true });
}

/** node_modules/.bin/duban → bin/duban.js, so the command is on the path of npm scripts and `node_modules/.bin/duban` works. */
export function linkLauncher() {
  const binDir = path.join(ROOT, 'node_modules', '.bin');
  if (!existsSync(path.join(ROOT, 'node_modules'))) return;
  mkdirSync(binDir, { recursive: true });
  const link = path.join(binDir, 'duban');
  try {
    unlinkSync(link);
  } catch {
    // not there yet
  }
  symlinkSync(path.relative(binDir, path.join(ROOT, 'bin', 'duban.js')), link);
}

if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    if (!args.has('--force') && distIsFresh()) {
      if (!prepare) console.log('dist/ 已是最新，无需重新编译。');
    } else {
      const t0 = performance.now();
      const n = await buildDist();
      console.log(`已把 ${n} 个 TypeScript 模块编译到 dist/（${((performance.now() - t0) / 1000).toFixed(1)} 秒），duban 命令直接运行编译后的程序。`);
    }
  } catch (e) {
    if (!prepare) throw e;
    console.warn(`未能编译到 dist/（${e instanceof Error ? e.message : e}）；duban 命令照常可用，只是每次启动要多约 1 秒编译 TypeScript。`);
  }
  try {
    linkLauncher();
  } catch {
    // A convenience only: `npx duban` and `node bin/duban.js` work without it (e.g. where symbolic links cannot be made).
  }
}
