/** Output folders that would read their own outputs as ledgers, or are not folders: exit 2. */
import { mkdir, mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const BASIC = path.join(import.meta.dirname, '../fixtures/e2e/basic');

describe('--out and --data', async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'duban-outdir-'));
  const data = path.join(base, 'data');
  await cp(BASIC, data, { recursive: true });
  await writeFile(path.join(base, 'a-file'), 'x');

  it.each([
    ['the same folder', data, '同一个文件夹'],
    ['the same folder, written another way', `${data}/./`, '同一个文件夹'],
    ['out inside data', path.join(data, 'out'), '在数据目录'],
    ['data inside out', base, '在输出目录'],
    ['out naming a file', path.join(base, 'a-file'), '是一个文件'],
  ])('%s is a usage error (exit 2)', async (_label, out, words) => {
    for (const command of ['build', 'report', 'watch']) {
      const r = await runCli([command, '--data', data, '--out', out, '--as-of', '2026-11-25']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(words);
    }
  });

  it('a folder where an output file must go: that file is reported, the rest is written, exit 1', async () => {
    const out = path.join(base, 'out-blocked');
    await mkdir(path.join(out, 'public/index.html'), { recursive: true });
    const r = await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-11-25', '--no-images']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('未写入 public/index.html');
    expect(r.out).toContain('同名的文件夹');
    expect(JSON.parse(await readFile(path.join(out, 'internal/analysis.json'), 'utf8')).items.length).toBeGreaterThan(0);
    const manifest = JSON.parse(await readFile(path.join(out, '.duban-manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(manifest.files['public/index.html']).toBeUndefined();
    expect(manifest.files['campus/index.html']).toBeDefined();
  });

  it('an edited output is kept aside and named in the summary', async () => {
    const out = path.join(base, 'out-edited');
    await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-11-25', '--no-images']);
    await writeFile(path.join(out, 'public/index.html'), '<p>edited by hand</p>');
    const r = await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-11-25', '--no-images']);
    expect(r.out).toContain('public/index.html → internal/已改动的文件/');
    expect(await readFile(path.join(out, 'public/index.html'), 'utf8')).not.toContain('edited by hand');
  });
});
