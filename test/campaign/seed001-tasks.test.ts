/**
 * Seed 001's task list through the real pipeline: the 8 tasks of section 二 and the 21 of 附件2,
 * 工作任务 / 责任部门 / 完成时限 as the seed writes them, assigned with the plan (2020-06-04).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis, AnalyzedItem, Status } from '../../pipeline/model/analysis.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { FIXTURES } from './fixtures.ts';

const DIR = join(FIXTURES, 'seed001');
const at = new Map<string, Analysis>();

const END = '2020-12-31';
/** id → [完成时限 as written, deadline, status on 2020-11-20, status on 2021-01-15]. */
const EXPECTED: [string, string, string | null, Status, Status][] = [
  ['方案-01', '2020年5月底前', '2020-05-31', 'overdue', 'overdue'],
  ['方案-02', '2020年6月-9月', '2020-09-30', 'overdue', 'overdue'],
  ['方案-03', '2020年6月中旬前', '2020-06-20', 'overdue', 'overdue'],
  ['方案-04', '2020年11月中旬前', '2020-11-20', 'due_soon', 'overdue'],
  ['方案-05', '2020年11月底前', '2020-11-30', 'on_track', 'overdue'],
  ['方案-06', '2020年12月底前', END, 'on_track', 'overdue'],
  ['方案-07', '2020年11月底前', '2020-11-30', 'on_track', 'overdue'],
  ['方案-08', '长期坚持', null, 'ongoing', 'ongoing'],
  ['清单-01', '常态化推进', null, 'ongoing', 'ongoing'],
  ['清单-02', '12月底前，长期坚持', END, 'on_track', 'ongoing'],
  ...Array.from({ length: 19 }, (_, k): [string, string, string, Status, Status] => [`清单-${String(k + 3).padStart(2, '0')}`, '12月底前', END, 'on_track', 'overdue']),
];

function item(asOf: string, id: string): AnalyzedItem {
  const found = at.get(asOf)!.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe('seed 001 task list, end to end', () => {
  beforeAll(async () => {
    const { readLedgers, analyzeLedgers } = await import('../../pipeline/app/ledgers.ts');
    const ledgers = await readLedgers(DIR);
    for (const asOf of ['2020-11-20', '2021-01-15', '2027-12-31', '2028-01-01']) at.set(asOf, analyzeLedgers(ledgers, asOf, DEFAULT_OFFICE_CONFIG).analysis);
  });

  it('reads all 29 tasks without errors', () => {
    const a = at.get('2020-11-20')!;
    expect(a.items.map((i) => i.id).sort()).toEqual(EXPECTED.map((e) => e[0]).sort());
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it.each(EXPECTED)('%s 「%s」 → %s; %s on 2020-11-20, %s on 2021-01-15', (id, text, deadline, nov, jan) => {
    const i = item('2020-11-20', id);
    expect(i.deadlineText).toBe(text);
    expect(i.deadline).toBe(deadline);
    expect(i.status).toBe(nov);
    expect(item('2021-01-15', id).status).toBe(jan);
  });

  it('6月-9月 keeps its start; 12月底前 counts Chinese working days overdue (元旦 off)', () => {
    expect(item('2020-11-20', '方案-02').deadlineStart).toBe('2020-06-01');
    expect(item('2021-01-15', '清单-03')).toMatchObject({ overdueWorkdays: 10, overdueDays: 15, light: 'red' });
  });

  it('常态化 / 长期坚持 tasks are ongoing and never overdue, whatever the date', () => {
    for (const a of at.values()) {
      const ongoing = a.items.filter((i) => /常态化|长期/.test(i.deadlineText));
      expect(ongoing.map((i) => i.id).sort()).toEqual(['方案-08', '清单-01', '清单-02']);
      for (const i of ongoing) {
        expect(i.ongoing).toBe(true);
        expect(i.status).not.toBe('overdue');
        expect(i.light).not.toBe('red');
      }
    }
    expect(item('2021-01-15', '清单-02')).toMatchObject({ status: 'ongoing', light: 'green', deadline: END, overdueDays: null });
  });

  it('several 责任部门: the first leads, the others cooperate', () => {
    expect(item('2020-11-20', '方案-02')).toMatchObject({ leadUnit: '党委组织部', coUnits: ['党委宣传统战部', '各党总支', '直属党支部'] });
    expect(item('2020-11-20', '清单-20')).toMatchObject({ leadUnit: '党委组织部', coUnits: ['纪委办公室', '人事处'] });
    expect(item('2020-11-20', '清单-21')).toMatchObject({ leadUnit: '纪委办公室', coUnits: [] });
    const lead = at.get('2020-11-20')!.units.find((u) => u.unit === '党委组织部')!;
    // Lead of 29 tasks but 方案-05 and 清单-03 (党政办公室 first), 清单-01 (党委宣传部), 清单-05 (党委宣传统战部), 清单-21 (纪委办公室).
    expect(lead).toMatchObject({ total: 24 });
    expect(at.get('2020-11-20')!.units.find((u) => u.unit === '党政办公室')).toMatchObject({ total: 2 });
  });

  it('the regulation list: 〔2018〕 is 10 years old from 2028-01-01, 〔2019〕 not yet', () => {
    const before = at.get('2027-12-31')!.regulations;
    const after = at.get('2028-01-01')!.regulations;
    expect(before).toHaveLength(14);
    expect(before.filter((r) => r.reviewDue)).toEqual([]);
    expect(after.filter((r) => r.reviewDue).map((r) => r.docNo)).toHaveLength(12);
    expect(
      after
        .filter((r) => !r.reviewDue)
        .map((r) => r.docNo)
        .sort(),
    ).toEqual(['辽委教〔2019〕8号', '辽科院委发〔2019〕17号']);
    expect(after.find((r) => r.docNo === '辽科院委发〔2018〕69号')).toMatchObject({
      name: '辽宁科技学院党组织履行全面从严治党主体责任实施细则（试行）',
      issuer: '中共辽宁科技学院委员会',
      year: 2018,
      state: '现行',
      ageYears: 10,
      reviewDue: true,
      file: '基层党建制度清单.csv',
      row: 3,
    });
  });
});
