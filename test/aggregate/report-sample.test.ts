import { describe, expect, it } from 'vitest';
import { drawRecheckSample, recheckSize } from '../../pipeline/aggregate/report-sample.ts';
import { buildReportData } from '../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod } from '../../pipeline/aggregate/period.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import type { Analysis } from '../../pipeline/model/analysis.ts';
import { fixtureAnalysis, fixtureItem } from '../support/analysis-fixture.ts';

function completed(n: number, month = '2026-11') {
  return Array.from({ length: n }, (_, k) =>
    fixtureItem({
      id: `DB2026-${String(k + 1).padStart(3, '0')}`,
      assignedOn: `${month}-01`,
      completedOn: `${month}-${String(1 + (k % 28)).padStart(2, '0')}`,
      status: 'done_on_time',
      light: 'blue',
      state: '已办结',
    }),
  );
}

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe('recheckSize: 10 %, rounded up, at least 3, all if fewer', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 3],
    [29, 3],
    [30, 3],
    [31, 4],
    [35, 4],
    [100, 10],
    [101, 11],
    [1000, 100],
  ])('%i completed → %i', (n, size) => {
    expect(recheckSize(n, 0.1, 3)).toBe(size);
  });
  it('honours other settings', () => {
    expect(recheckSize(50, 0.2, 3)).toBe(10);
    expect(recheckSize(50, 0, 5)).toBe(5);
    expect(recheckSize(50, 1, 0)).toBe(50);
  });
});

describe('drawRecheckSample', () => {
  const items = completed(60);

  it('is reproducible for the same period', () => {
    const a = drawRecheckSample(items, '2026-11', 0.1, 3);
    const b = drawRecheckSample([...items].reverse(), '2026-11', 0.1, 3);
    expect(a.items).toHaveLength(6);
    expect(ids(a.items)).toEqual(ids(b.items));
  });

  it('generally differs between periods', () => {
    const draws = ['2026-10', '2026-11', '2026-12', '2026Q4'].map((p) => ids(drawRecheckSample(items, p, 0.1, 3).items).join());
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it('changes with the office salt', () => {
    const plain = ids(drawRecheckSample(items, '2026-11', 0.2, 3).items).join();
    const salted = ids(drawRecheckSample(items, '2026-11', 0.2, 3, '本校密钥').items).join();
    expect(salted).not.toBe(plain);
  });

  it('does not reshuffle when an unrelated item is added', () => {
    const before = drawRecheckSample(items, '2026-11', 0.1, 3);
    const extra = completed(61).slice(60);
    const after = drawRecheckSample([...items, ...extra], '2026-11', 0.1, 3);
    // Size grows from 6 to 7; the six drawn before are still drawn.
    expect(ids(after.items)).toEqual(expect.arrayContaining(ids(before.items)));
  });

  it('takes everything when there are fewer than the minimum', () => {
    expect(ids(drawRecheckSample(items.slice(0, 2), '2026-11', 0.1, 3).items)).toEqual(ids(items.slice(0, 2)));
  });

  it('returns the sample in 办结日期 order', () => {
    const s = drawRecheckSample(items, '2026-11', 0.5, 3).items.map((i) => i.completedOn ?? '');
    expect(s).toEqual([...s].sort());
  });
});

describe('buildReportData draws only from items completed within the period', () => {
  const month = parsePeriod('2026-11');
  if (isPeriodError(month)) throw new Error(month.error);
  const analysis: Analysis = {
    ...fixtureAnalysis(),
    items: [
      ...completed(40),
      fixtureItem({ id: 'LATE', assignedOn: '2026-10-01', completedOn: '2026-12-02', status: 'done_late', light: 'blue' }),
      fixtureItem({ id: 'OPEN', assignedOn: '2026-10-01' }),
    ],
  };
  it('40 completed → 4 drawn, reproducibly', () => {
    const a = buildReportData(analysis, month, DEFAULT_OFFICE_CONFIG);
    const b = buildReportData(structuredClone(analysis), month, DEFAULT_OFFICE_CONFIG);
    expect(a.recheck.population).toBe(40);
    expect(a.recheck.items).toHaveLength(4);
    expect(ids(a.recheck.items)).toEqual(ids(b.recheck.items));
    expect(ids(a.recheck.items)).not.toContain('LATE');
  });
});
