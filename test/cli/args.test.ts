import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from '../../pipeline/cli/args.ts';
import { main } from '../../pipeline/cli/main.ts';

const now = new Date('2026-11-24T20:00:00Z'); // already 25 November in Shanghai

describe('parseArgs', () => {
  it('defaults to build, data/, out/ and today in Asia/Shanghai', () => {
    const r = parseArgs([], now);
    expect(r).toMatchObject({ ok: true, options: { command: 'build', dataDir: 'data', outDir: 'out', asOf: '2026-11-25' } });
  });
  it('reads options in both spellings', () => {
    const r = parseArgs(['check', '--data', 'd', '--out=o', '--as-of', '2026-02-28', '--json'], now);
    expect(r).toMatchObject({ ok: true, options: { command: 'check', dataDir: 'd', outDir: 'o', asOf: '2026-02-28', json: true } });
  });
  it.each([
    [['frobnicate'], '未知命令'],
    [['build', '--as-of', '2026-02-30'], '「2026-02-30」不存在：2026年2月没有30日'],
    [['build', '--as-of', '2026-13-01'], '「2026-13-01」不存在：没有13月'],
    [['check', '--as-of=2026-11-31'], '「2026-11-31」不存在：2026年11月没有31日'],
    [['build', '--as-of', '2025-02-29'], '2025年2月没有29日（2025年不是闰年）'],
    [['build', '--as-of', '26-2-3'], '无效'],
    [['build', '--data'], '需要一个值'],
    [['build', '--colour'], '未知选项'],
  ])('%j is a usage error', (argv, words) => {
    const r = parseArgs(argv, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });
});

describe('usage errors on the terminal', () => {
  const sink = () => {
    let text = '';
    const w = new Writable({
      write(chunk, _enc, cb) {
        text += chunk.toString();
        cb();
      },
    }) as unknown as NodeJS.WriteStream;
    return { w, text: () => text };
  };
  it.each([
    [['build', '--as-of', '2026-02-30'], '2026年2月没有30日'],
    [['build', '--as-of', '26-2-3'], '请写成 YYYY-MM-DD'],
    [['build', '--data'], '需要一个值'],
    [['frobnicate'], '未知命令'],
    [['build', '--colour'], '未知选项'],
  ])('%j: one line, exit 2, a pointer to --help instead of the whole help', async (argv, words) => {
    const out = sink();
    const err = sink();
    expect(await main(argv, { out: out.w, err: err.w })).toBe(2);
    expect(out.text()).toBe('');
    expect(err.text().trimEnd().split('\n')).toHaveLength(1);
    expect(err.text()).toContain(words);
    expect(err.text()).toContain('运行 duban --help 查看用法。');
    expect(err.text()).not.toContain('退出码'); // a line of the help text
  });
  it('`duban build --as-of 2026-02-30` from the shell', () => {
    const bin = path.join(import.meta.dirname, '../../bin/duban.js');
    const r = spawnSync(process.execPath, [bin, 'build', '--as-of', '2026-02-30'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('--as-of 的日期「2026-02-30」不存在：2026年2月没有30日。运行 duban --help 查看用法。\n');
  });
});
