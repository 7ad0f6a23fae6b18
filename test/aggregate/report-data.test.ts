import { describe, expect, it } from 'vitest';
import { buildReportData, inPeriod } from '../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod, type Period } from '../../pipeline/aggregate/period.ts';
import { countItems } from '../../pipeline/analyze/unit-stats.ts';
import { NO_LEAD_UNIT } from '../../pipeline/aggregate/report-tally.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { fixtureAnalysis, fixtureItem } from '../support/analysis-fixture.ts';

function period(text: string): Period {
  const p = parsePeriod(text);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

describe('period membership: assigned on or before the end, not done before the start', () => {
  it.each([
    // [period, assignedOn, completedOn, expected]
    ['2026-11', '2026-11-30', null, true], // assigned on the last day of the month
    ['2026-11', '2026-12-01', null, false], // assigned the day after
    ['2026-11', '2026-11-01', null, true],
    ['2026-11', '2025-11-15', null, true], // another year, still open: carried over
    ['2026-11', '2027-11-15', null, false], // another year, in the future
    ['2026-11', '2026-10-01', '2026-10-31', false], // completed just before the period start
    ['2026-11', '2026-10-01', '2026-11-01', true], // completed on the first day
    ['2026-11', '2026-10-01', '2026-12-03', true], // open during the period, completed later
    ['2026-11', null, null, true], // no 立项日期: assumed open all along
    ['2026-11', null, '2026-10-31', false],
    ['2026-12', '2026-12-31', null, true], // assigned on 12-31
    ['2027-01', '2026-12-31', null, true],
    ['2026Q4', '2026-12-31', null, true],
    ['2026Q4', '2026-09-30', '2026-09-30', false],
    ['2026Q4', '2026-09-30', '2026-10-01', true],
    ['2026Q3', '2026-10-01', null, false],
    ['2026H1', '2026-06-30', null, true],
    ['2026H1', '2026-07-01', null, false],
    ['2026H2', '2026-01-01', '2026-06-30', false],
    ['2026', '2026-12-31', null, true],
    ['2026', '2025-12-31', '2025-12-31', false],
    ['2026', '2025-12-31', '2026-01-01', true],
    ['2026', '2027-01-01', null, false],
  ] as const)('%s: assigned %s, completed %s → %s', (p, assignedOn, completedOn, expected) => {
    const item = fixtureItem({ id: 'X', assignedOn, completedOn, status: completedOn ? 'done_on_time' : 'on_track' });
    expect(inPeriod(item, period(p))).toBe(expected);
  });
});

describe('buildReportData on the fixture, November 2026', () => {
  const analysis = fixtureAnalysis();
  const data = buildReportData(analysis, period('2026-11'), DEFAULT_OFFICE_CONFIG);

  it('keeps the items on the desk in November', () => {
    // 005 (done 09-25) and 006 (done 08-28) were finished before November.
    expect(data.items.map((i) => i.id).sort()).toEqual(
      analysis.items
        .map((i) => i.id)
        .filter((id) => id !== 'DB2026-005' && id !== 'DB2026-006')
        .sort(),
    );
    expect(data.items.map((i) => i.assignedOn)).toEqual([...data.items.map((i) => i.assignedOn)].sort());
  });

  it('counts through unit-stats', () => {
    expect(data.totals).toEqual(countItems(data.items));
    expect(data.totals).toMatchObject({ total: 10, done: 1, doneOnTime: 1, overdue: 3, onTimeRate: 0.25 });
    expect(data.inProgress).toBe(1 + 2 + 1 + 1); // due soon, on track ×2, ongoing, no deadline
    expect(data.assignedInPeriod).toBe(4); // 004, 010, 011, 012
    expect(data.carriedOver).toBe(6);
    expect(data.closedInPeriod).toBe(1);
    expect(data.cutoff).toBe('2026-11-25');
  });

  it('tallies by source in the ledger order and adds up', () => {
    expect(data.bySource.map((r) => r.name)).toEqual(['会议决策', '年度重点工作', '领导批示', '上级交办', '其他']);
    expect(data.bySource.reduce((s, r) => s + r.counts.total, 0)).toBe(10);
  });

  it('credits the lead unit only, in directory order, and lists co-units apart', () => {
    expect(data.byUnit.map((r) => r.name)).toEqual(['教务处', '后勤管理处', '人事处', '网络与信息中心', '党委组织部', '国有资产管理处', '档案馆', '发展规划处', '招生就业处']);
    const assets = data.byUnit.find((r) => r.name === '国有资产管理处')!;
    expect(assets.counts).toMatchObject({ total: 2, overdue: 1, noDeadline: 1, onTimeRate: 0 });
    const co = new Map(data.coUnits.map((r) => [r.unit, r.counts.total]));
    expect(Object.fromEntries(co)).toEqual({ 教务处: 1, 财务处: 1, 党政办公室: 1, 国有资产管理处: 1, 发展规划处: 1, 科技处: 1 });
  });

  it('lists overdue items, most overdue first', () => {
    expect(data.overdue.map((i) => [i.id, i.overdueWorkdays, i.reminders, i.escalate])).toEqual([
      ['DB2026-001', 17, 3, true],
      ['DB2026-002', 3, 1, false],
      ['DB2026-010', 2, 0, false],
    ]);
  });

  it('assesses every lead and co-unit', () => {
    const jw = data.assessment.find((r) => r.unit === '教务处')!;
    expect(jw).toMatchObject({ items: 1, overdue: 1, onTimeRate: 0, overdueWorkdays: 17, reminders: 3, escalations: 1, coItems: 1 });
    const cw = data.assessment.find((r) => r.unit === '财务处')!;
    expect(cw).toMatchObject({ items: 0, coItems: 1, onTimeRate: null });
    expect(data.assessment.find((r) => r.unit === '招生就业处')!.rechecked).toBe(1);
  });
});

describe('wider periods are the same computation over more months', () => {
  const analysis = fixtureAnalysis();
  it('2026Q3 includes what was open in July–September', () => {
    const d = buildReportData(analysis, period('2026Q3'), DEFAULT_OFFICE_CONFIG);
    // 006 done 08-28 and 005 done 09-25 count; items assigned in Oct/Nov do not.
    expect(d.items.map((i) => i.id).sort()).toEqual(['DB2026-001', 'DB2026-003', 'DB2026-005', 'DB2026-006', 'DB2026-007', 'DB2026-009']);
    expect(d.closedInPeriod).toBe(2);
  });
  it('the year holds every item of the fixture', () => {
    const d = buildReportData(analysis, period('2026'), DEFAULT_OFFICE_CONFIG);
    expect(d.items).toHaveLength(analysis.items.length);
    expect(d.totals).toEqual(countItems(analysis.items));
    expect(d.recheck.items).toHaveLength(3); // only 3 completed in the year: all of them
  });
});

it('puts items without a lead unit in a row of their own, last', () => {
  const analysis = fixtureAnalysis();
  analysis.items.push(fixtureItem({ id: 'DB2026-099', leadUnit: null, assignedOn: '2026-11-10' }));
  const d = buildReportData(analysis, period('2026-11'), DEFAULT_OFFICE_CONFIG);
  expect(d.byUnit.at(-1)!.name).toBe(NO_LEAD_UNIT);
  expect(d.byUnit.reduce((s, r) => s + r.counts.total, 0)).toBe(d.totals.total);
});
