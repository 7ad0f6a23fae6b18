/** 进展反馈 and 审核记录 (spec §2.10–2.11): due days, statuses, requests, decisions and their checks. */
import { describe, expect, it } from 'vitest';
import { validateTables } from '../../pipeline/validate/validate-tables.ts';
import { analyze } from '../../pipeline/analyze/analyze.ts';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import { feedbackDueOf } from '../../pipeline/analyze/feedback.ts';
import { rawTable } from '../support/raw-table.ts';
import { unaccountedRows } from '../../pipeline/ingest/row-account.ts';

const cal = createCalendar();

describe('feedbackDueOf (day 25 unless said otherwise; a day off moves it back)', () => {
  it.each([
    [2026, 11, 25, '2026-11-25'], // Wednesday
    [2026, 10, 25, '2026-10-23'], // Sunday → Friday
    [2026, 1, 25, '2026-01-23'], // Sunday → Friday
    [2026, 2, 25, '2026-02-25'], // after the Spring Festival break
    [2026, 2, 31, '2026-02-28'], // clamped to the 28th: a Saturday, but a make-up working day (调休) in 2026
    [2026, 10, 5, '2026-10-08'], // inside the National Day break (Oct 1–7), nothing before it in October: the first working day after
    [2026, 5, 1, '2026-05-06'], // 劳动节 break
    [2026, 12, 25, '2026-12-25'],
  ])('%i-%i day %i → %s', (y, m, d, due) => expect(feedbackDueOf(y, m, d, cal)).toBe(due));
});

const UNITS = rawTable(
  'units',
  ['单位', '简称'],
  [
    ['教务处', '教务'],
    ['人事处', ''],
    ['财务处', ''],
    ['科研处', ''],
  ],
  { file: '单位名录.csv' },
);
const ITEMS = rawTable(
  'items',
  ['编号', '事项', '承办单位', '立项日期', '办结时限', '状态', '办结日期', '延期至', '延期批准'],
  [
    ['F-1', '修订本科教学管理规定', '教务处、人事处', '2026-09-01', '2026-12-31', '', '', '', ''],
    ['F-2', '完成职称评审', '人事处', '2026-09-01', '2026-11-30', '', '', '', ''],
    ['F-3', '完成预算编制', '财务处', '2026-09-01', '2026-12-15', '', '', '', ''],
    ['F-4', '建设科研平台', '科研处', '2026-11-26', '2027-06-30', '', '', '', ''],
    ['F-5', '完成决算', '财务处', '2026-09-01', '2026-11-10', '已办结', '2026-11-05', '', ''],
    ['F-6', '修订人事规定', '人事处', '2026-09-01', '2026-12-10', '', '', '2027-01-31', '党政办公室'],
  ],
  { file: '督办台账.csv' },
);

function run(feedback: string[][], reviews: string[][] = [], asOf = '2026-11-27') {
  const tables = [
    UNITS,
    ITEMS,
    rawTable('feedback', ['编号', '反馈日期', '填报单位', '本期进展', '办理状态', '办结日期', '申请延期至', '延期理由'], feedback, { file: '进展反馈表/反馈.xlsx' }),
    rawTable('reviews', ['编号', '审核结果', '审核日期', '审核事项', '审核人', '审核意见'], reviews, { file: '审核记录.csv' }),
  ];
  const v = validateTables(tables, asOf);
  const a = analyze(v.records, asOf, { dueSoonWorkdays: 3, feedbackDay: 25 }, v.issues);
  const item = (id: string) => a.items.find((i) => i.id === id)!;
  return { a, item, codes: a.issues.map((i) => [i.code, i.file, i.row]) };
}

describe('feedback statuses', () => {
  it('received from the lead unit this month; missing after the due day; pending for items assigned after it', () => {
    const { item, a } = run([
      ['F-1', '2026-11-20', '教务处', '已完成初稿', '办理中', '', '', ''],
      ['F-2', '2026-11-22', '人事处', '', '办理中', '', '', ''],
      ['F-2', '2026-10-20', '人事处', '上月进展', '办理中', '', '', ''],
      ['F-3', '2026-11-21', '人事处', '配合单位的进展', '办理中', '', '', ''], // not the lead unit (W_FEEDBACK_UNIT)
    ]);
    expect(item('F-1')).toMatchObject({ feedbackDue: '2026-11-25', feedbackStatus: 'received', feedback: { on: '2026-11-20', unit: '教务处', progress: '已完成初稿', state: '办理中' } });
    expect(item('F-2').feedback!.on).toBe('2026-11-22');
    expect(item('F-3')).toMatchObject({ feedbackStatus: 'missing', feedbackDue: '2026-11-25' });
    expect(item('F-4')).toMatchObject({ feedbackStatus: 'pending', feedbackDue: '2026-12-25' });
    expect(item('F-5')).toMatchObject({ feedbackStatus: null, feedbackDue: null });
    expect(a.units.find((u) => u.unit === '财务处')!.feedbackMissing).toBe(1);
    expect(a.units.find((u) => u.unit === '教务处')!.feedbackMissing).toBe(0);
    expect(a.issues.find((i) => i.code === 'W_FEEDBACK_UNIT')).toMatchObject({ file: '进展反馈表/反馈.xlsx', row: 5, value: '人事处' });
  });

  it('before the due day nothing is missing yet; rows dated after T do not count', () => {
    const { item } = run([['F-3', '2026-11-30', '财务处', '', '办理中', '', '', '']], [], '2026-11-20');
    expect(item('F-3')).toMatchObject({ feedbackStatus: 'pending', feedback: null });
  });
});

describe('requests and decisions', () => {
  it('通过 on 申请办结 completes the item on the date asked for; 退回 keeps it open', () => {
    const approved = run([['F-2', '2026-11-20', '人事处', '评审已结束', '申请办结', '2026-11-19', '', '']], [['F-2', '通过', '2026-11-24', '', '党政办公室', '同意结项']]);
    expect(approved.item('F-2')).toMatchObject({ status: 'done_on_time', completedOn: '2026-11-19' });
    expect(approved.item('F-2').request).toMatchObject({ kind: '办结', on: '2026-11-20', date: '2026-11-19', decision: 'approved', decidedOn: '2026-11-24', by: '党政办公室', opinion: '同意结项' });
    const returned = run([['F-2', '2026-11-20', '人事处', '评审已结束', '申请办结', '2026-11-19', '', '']], [['F-2', '退回', '2026-11-24', '办结', '党政办公室', '材料不全']]);
    expect(returned.item('F-2')).toMatchObject({ status: 'due_soon', completedOn: null });
    expect(returned.item('F-2').request).toMatchObject({ decision: 'returned' });
    const pending = run([['F-2', '2026-11-20', '人事处', '', '申请办结', '2026-11-19', '', '']], [['F-2', '', '', '', '', '']]);
    expect(pending.item('F-2').request).toMatchObject({ decision: 'pending', decidedOn: null, by: null });
  });

  it('通过 on 申请延期 moves the deadline, with the seed 004 checks of the request shown', () => {
    const r = run([['F-2', '2026-11-26', '人事处', '', '申请延期', '', '2027-03-31', '评审专家未到齐']], [['F-2', '通过', '', '延期', '分管校领导', '']]);
    expect(r.item('F-2')).toMatchObject({ extendedTo: '2027-03-31', effectiveDeadline: '2027-03-31', status: 'on_track' });
    expect(r.item('F-2').request).toMatchObject({ kind: '延期', date: '2027-03-31', decision: 'approved', decidedOn: '2026-11-27', by: '分管校领导', text: '评审专家未到齐' });
    // applied 2 working days before the deadline
    expect(r.item('F-2').request!.checks.join('')).toContain('不足5个工作日');
    const long = run([['F-3', '2026-11-02', '财务处', '', '申请延期', '', '2027-06-30', '']]);
    expect(long.item('F-3').request!.checks.join('')).toContain('延期超过3个月');
    const second = run([['F-6', '2026-11-02', '人事处', '', '申请延期', '', '2027-02-28', '']]);
    expect(second.item('F-6').request!.checks.join('')).toContain('只能延期一次');
  });

  it('a completion written in the ledger wins over a decision', () => {
    const r = run([['F-5', '2026-11-20', '财务处', '', '申请办结', '2026-11-18', '', '']], [['F-5', '通过', '2026-11-21', '', '', '']]);
    expect(r.item('F-5').completedOn).toBe('2026-11-05');
  });

  it('names rows that cannot count: a request without its date, an unknown 编号, a bad 审核结果', () => {
    const r = run(
      [
        ['F-1', '2026-11-20', '教务处', '', '申请办结', '', '', ''],
        ['F-1', '2026-11-20', '教务处', '', '申请延期', '', '等上级批复', ''],
        ['F-9', '2026-11-20', '教务处', '', '办理中', '', '', ''],
      ],
      [['F-1', '也许', '', '', '', '']],
    );
    expect(r.codes).toContainEqual(['E_REQUIRED', '进展反馈表/反馈.xlsx', 2]);
    expect(r.codes).toContainEqual(['E_DEADLINE', '进展反馈表/反馈.xlsx', 3]);
    expect(r.codes).toContainEqual(['E_REFERENCE', '进展反馈表/反馈.xlsx', 4]);
    expect(r.codes).toContainEqual(['E_ENUM', '审核记录.csv', 2]);
    expect(r.item('F-1').request).toBeNull();
  });
});

describe('rows that are no feedback (yet) are named, never lost', () => {
  it('a row of the workbook left as it came is skipped with an info; rows dated after T wait, with an info', () => {
    const feedback = [
      ['F-1', '', '教务处', '', '', '', '', ''], // only the pre-filled columns
      ['F-2', '', '人事处', '', '办理中', '', '', ''], // 办理中 chosen, nothing written
      ['F-3', '2026-11-30', '财务处', '下周的进展', '办理中', '', '', ''], // after T
      ['F-6', '2026-11-20', '人事处', '', '', '', '', ''], // a date alone is a feedback
    ];
    const r = run(feedback, [['F-2', '通过', '2026-12-01', '办结', '', '']]);
    const infos = r.a.issues.filter((i) => i.code === 'I_SKIPPED_ROW').map((i) => [i.file, i.row]);
    expect(infos).toEqual([
      ['审核记录.csv', 2],
      ['进展反馈表/反馈.xlsx', 2],
      ['进展反馈表/反馈.xlsx', 3],
      ['进展反馈表/反馈.xlsx', 4],
    ]);
    expect(r.a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.item('F-1').feedback).toBeNull();
    expect(r.item('F-3').feedback).toBeNull();
    expect(r.item('F-6').feedback).toMatchObject({ on: '2026-11-20', progress: '' });
    // Nothing left for the row accounting to call lost (E_ROW_LOST).
    const tables = [
      UNITS,
      ITEMS,
      rawTable('feedback', ['编号', '反馈日期', '填报单位', '本期进展', '办理状态', '办结日期', '申请延期至', '延期理由'], feedback, { file: '进展反馈表/反馈.xlsx' }),
      rawTable('reviews', ['编号', '审核结果', '审核日期', '审核事项', '审核人', '审核意见'], [['F-2', '通过', '2026-12-01', '办结', '', '']], { file: '审核记录.csv' }),
    ];
    const v = validateTables(tables, '2026-11-27');
    expect(unaccountedRows(tables, v.records, v.issues)).toEqual([]);
  });
});
