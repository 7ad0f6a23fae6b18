/** The month a build reports on: the month just finished until its report is due, then the month under way. */
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportMonthOf } from '../../pipeline/aggregate/period.ts';
import { runCli } from '../support/run-cli.ts';

describe('reportMonthOf', () => {
  it.each([
    ['2026-12-01', 5, '2026-11'],
    ['2026-12-05', 5, '2026-11'],
    ['2026-12-06', 5, '2026-12'],
    ['2026-11-30', 5, '2026-11'],
    ['2027-01-01', 5, '2026-12'], // across the year end
    ['2027-01-05', 5, '2026-12'],
    ['2027-01-06', 5, '2027-01'],
    ['2026-12-01', null, '2026-11'], // office.json silent: 5 days
    ['2026-12-06', null, '2026-12'],
    ['2026-12-01', 0, '2026-12'], // no grace at all
    ['2026-03-10', 10, '2026-02'], // February has 28 days in 2026
    ['2026-03-11', 10, '2026-03'],
    ['2028-03-10', 10, '2028-02'], // 2028-02-29 + 10 days = 03-10
    ['2028-03-11', 10, '2028-03'],
  ])('%s with reportSubmitDays %s → %s', (asOf, days, month) => {
    expect(reportMonthOf(asOf, days).id).toBe(month);
  });
});

describe('builds on the first days of a month', async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'duban-month-'));
  const data = path.join(base, 'data');
  await cp(path.join(import.meta.dirname, '../../data'), data, { recursive: true });
  const out = path.join(base, 'out');
  const latest = async (edition: string) => /督查督办工作通报（([^<]*)）<\/a><\/h1>/.exec(await readFile(path.join(out, edition, 'index.html'), 'utf8'))?.[1];

  it("on the 1st writes the finished month's report, and both editions lead with it", async () => {
    await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-12-01', '--no-images']);
    expect(await readdir(path.join(out, 'internal/reports'))).toEqual(['2026-11']);
    const files = await readdir(path.join(out, 'internal/reports/2026-11'));
    expect(files.some((f) => f.includes('2026年11月'))).toBe(true);
    expect(await latest('public')).toBe('2026年11月');
    expect(await latest('campus')).toBe('2026年11月');
    // the month under way is listed as such, not as a finished issue
    const index = await readFile(path.join(out, 'campus/index.html'), 'utf8');
    expect(index).toContain('2026年12月</a><span class="note">（截至2026年12月1日，本月尚未结束）');
  });

  it('on the last allowed day still the finished month; the day after, the month under way, and the finished report is kept', async () => {
    await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-12-05', '--no-images']);
    expect(await readdir(path.join(out, 'internal/reports'))).toEqual(['2026-11']);
    expect(await latest('public')).toBe('2026年11月');
    await runCli(['build', '--data', data, '--out', out, '--as-of', '2026-12-06', '--no-images']);
    expect((await readdir(path.join(out, 'internal/reports'))).sort()).toEqual(['2026-11', '2026-12']);
    expect(await latest('public')).toBe('2026年12月，截至2026年12月6日');
  });
});
