/**
 * The installed command runs the compiled JavaScript in dist/ (scripts/build-dist.mjs): it must
 * behave exactly as the TypeScript run through tsx — same help, same files byte for byte (so the
 * templates, fonts, holiday data and built-in page templates resolve from dist/ as from pipeline/)
 * — and `--help` and `check` must not load the PDF, XLSX, font or browser libraries.
 */
import { STATE_FILES } from '../support/out-tree.ts';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../pipeline/cli/args.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/duban.js');
const BASIC = path.join(ROOT, 'test/fixtures/e2e/basic');
const AS_OF = '2026-11-27';

type Runtime = 'dist' | 'tsx';

function run(runtime: Runtime, args: string[], nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DUBAN_RUNTIME: runtime, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Every file below `dir` (dot files too) → its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const rel of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const abs = path.join(rel.parentPath, rel.name);
    files.set(path.relative(dir, abs), await readFile(abs));
  }
  return files;
}

beforeAll(() => {
  // What `npm install` does; nothing when dist/ is already built from these sources.
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-dist.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

describe('compiled CLI (dist/)', () => {
  it('prints the help', async () => {
    const r = await run('dist', ['--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(HELP);
  });

  it('builds the basic fixture into the same files, byte for byte, as the TypeScript', async () => {
    const [a, b] = [await mkdtemp(path.join(os.tmpdir(), 'duban-dist-')), await mkdtemp(path.join(os.tmpdir(), 'duban-tsx-'))];
    const args = (out: string) => ['build', '--data', BASIC, '--out', out, '--as-of', AS_OF, '--no-images'];
    const [compiled, typescript] = await Promise.all([run('dist', args(a)), run('tsx', args(b))]);
    expect(compiled.code, compiled.err).toBe(0);
    expect(typescript.code, typescript.err).toBe(0);
    // The summary names the out folder and says how long the build took.
    const summary = (text: string, out: string) => text.replaceAll(out, 'OUT').replace(/用时 [\d.]+ ?\S*?秒/g, '用时 …');
    expect(summary(compiled.out, a)).toBe(summary(typescript.out, b));
    const [fromDist, fromTs] = [await tree(a), await tree(b)];
    expect(JSON.parse(fromDist.get('internal/analysis.json')!.toString('utf8')).items.length).toBeGreaterThan(0);
    expect(fromDist.get('internal/analysis.json')!.equals(fromTs.get('internal/analysis.json')!)).toBe(true);
    expect([...fromDist.keys()].sort()).toEqual([...fromTs.keys()].sort());
    expect([...fromDist.keys()].some((f) => f.endsWith('.pdf'))).toBe(true);
    // The writer's own state (stat records, memo keys that include which code ran) differs; the outputs do not.
    for (const [file, bytes] of fromDist) if (!STATE_FILES.has(file)) expect(bytes.equals(fromTs.get(file)!), file).toBe(true);
  });

  it('loads no PDF, XLSX, font or browser library for --help and check', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-modules-'));
    const hook = path.join(dir, 'list-modules.mjs');
    await writeFile(
      hook,
      [
        "import { createRequire } from 'node:module';",
        "import { writeFileSync } from 'node:fs';",
        'const require = createRequire(import.meta.url);',
        "process.on('exit', () => writeFileSync(process.env.DUBAN_TEST_MODULES, Object.keys(require.cache).join('\\n')));",
      ].join('\n'),
    );
    const heavy = /node_modules[\\/](exceljs|pdfmake|pdfkit|fontkit|puppeteer|puppeteer-core)[\\/]/;
    for (const args of [['--help'], ['check', '--data', BASIC, '--as-of', AS_OF]]) {
      const list = path.join(dir, `${args[0]}.txt`);
      const r = await run('dist', args, ['--import', hook], { DUBAN_TEST_MODULES: list });
      expect(r.code, r.err).toBe(0);
      const loaded = (await readFile(list, 'utf8')).split('\n');
      expect(
        loaded.filter((m) => heavy.test(m)),
        args.join(' '),
      ).toEqual([]);
    }
  });
});
