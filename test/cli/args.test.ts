import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../pipeline/cli/args.ts';

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
    [['build', '--as-of', '2026-02-30'], '无效'],
    [['build', '--as-of', '26-2-3'], '无效'],
    [['build', '--data'], '需要一个值'],
    [['build', '--colour'], '未知选项'],
  ])('%j is a usage error', (argv, words) => {
    const r = parseArgs(argv, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });
});
