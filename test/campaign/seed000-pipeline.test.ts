/** Seed 000's forms through the real pipeline: spec §5's campaign arrays, field by field. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../pipeline/model/analysis.ts';
import type { Records } from '../../pipeline/model/records.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { campaignTrackedItems } from '../../pipeline/aggregate/campaign-items.ts';
import { missingSubmissions } from '../../pipeline/aggregate/campaign-tables.ts';
import { FIXTURES } from './fixtures.ts';
import { AS_OF, RECTIFICATIONS, REGULATIONS, SELF_CHECKS, SUBMISSIONS } from './seed000-expected.ts';

const DIR = join(FIXTURES, 'seed000');
const byPlace = <T extends { file: string; row: number }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row));

describe('seed 000 campaign forms, end to end', () => {
  let records: Records;
  let dec: Analysis;
  let nov: Analysis;
  beforeAll(async () => {
    const { readLedgers, analyzeLedgers, reanalyze } = await import('../../pipeline/app/ledgers.ts');
    const analyzed = analyzeLedgers(await readLedgers(DIR), AS_OF, DEFAULT_OFFICE_CONFIG);
    records = analyzed.records;
    dec = analyzed.analysis;
    nov = reanalyze(analyzed, '2022-11-20', DEFAULT_OFFICE_CONFIG);
  });

  it('selfChecks, rectifications, regulations and submissions are exactly as spec §5 defines them', () => {
    expect(byPlace(dec.selfChecks)).toEqual(SELF_CHECKS);
    expect(byPlace(dec.rectifications)).toEqual(RECTIFICATIONS);
    expect(byPlace(dec.regulations)).toEqual(REGULATIONS);
    expect(dec.submissions).toEqual(SUBMISSIONS);
  });

  it('reports no errors; a rectification without a self-check row is W_NO_SELF_CHECK, its unit from the file name', () => {
    expect(dec.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const w = dec.issues.filter((i) => i.code === 'W_NO_SELF_CHECK');
    expect(w.map((i) => [i.file, i.row, i.value])).toEqual([['整改表-人事处.csv', 5, '辽宁科技大学人才引进管理办法']]);
    expect(w[0]!.message).toContain('人事处');
  });

  it('催报 list: the units that missed a due date', () => {
    expect(missingSubmissions(dec.submissions).map((m) => [m.unit, m.owed.map((e) => e.material)])).toEqual([
      ['党政办公室', ['自查表']],
      ['科技处', ['整改表']],
      ['团委', ['自查表']],
      ['学生工作处', ['整改表']],
    ]);
  });

  it('seen on 2022-11-20: 整改表 not yet due (forms dated later do not count yet), 11月中旬 due soon', () => {
    expect(nov.submissions.filter((s) => s.material === '整改表').map((s) => [s.unit, s.status, s.sentOn])).toEqual([
      ['教务处', 'pending', null],
      ['科技处', 'pending', null],
      ['人事处', 'pending', null],
      ['学生工作处', 'pending', null],
    ]);
    expect(nov.selfChecks.find((s) => s.file === '自查表-学工处.csv' && s.row === 4)).toMatchObject({ deadline: '2022-11-20', status: 'due_soon', light: 'yellow' });
    // 发布日期 2012-12-01: 9 full years on 2022-11-20, 10 on 2022-12-10.
    expect(nov.regulations.find((r) => r.row === 8)).toMatchObject({ ageYears: 9, reviewDue: false });
  });

  it('tracked rows become 督办-shaped items with Chinese working days', async () => {
    const { calendarFor } = await import('../../pipeline/analyze/analyze.ts');
    const items = campaignTrackedItems(dec, calendarFor(records));
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ['自查-科技处-2', 'on_track'],
      ['自查-学生工作处-4', 'overdue'],
      ['整改-教务处-5', 'on_track'],
      ['整改-教务处-6', 'on_track'],
      ['整改-人事处-3', 'overdue'],
      ['整改-人事处-4', 'on_track'],
    ]);
    expect(items.find((i) => i.id === '自查-学生工作处-4')).toMatchObject({ overdueDays: 20, overdueWorkdays: 15 });
  });
});
