/**
 * 汇总 (by source, by lead unit, co-units apart) and 单位考核 (seed 004 art. 25: 督办工作完成情况
 * 列入二级单位年度考核). Rates are numbers with a percent format, so the office can sort and chart.
 */
import type { ReportData } from '../../aggregate/report-data.ts';
import type { AssessmentRow, CoUnitRow, TallyRow } from '../../aggregate/report-tally.ts';
import { rateClause } from '../words.ts';
import { block, type CellValue, type Column, type SheetSpec } from './sheet-writer.ts';
import type { FeedbackTally } from '../../aggregate/feedback-tally.ts';
import { STYLES } from './report-styles.ts';

const rate = (r: number | null): CellValue => r ?? '—';

/** Every rate says which period it is over: this period's, and the year's to date beside it. */
function periodRate(data: ReportData): string {
  return `本期按期办结率（${data.period.label}）`;
}

function tallyColumns(first: string, rateHeader: string): Column<TallyRow>[] {
  return [
    { header: first, value: (r) => r.name, kind: 'wrap', minWidth: 14, maxWidth: 28 },
    { header: '交办事项', value: (r) => r.counts.total, kind: 'number', minWidth: 8 },
    { header: '已办结', value: (r) => r.counts.done, kind: 'number', minWidth: 8 },
    { header: '按期办结', value: (r) => r.counts.doneOnTime, kind: 'number', minWidth: 8 },
    { header: '逾期未办结', value: (r) => r.counts.overdue, kind: 'number', minWidth: 8 },
    { header: '办理中', value: (r) => r.inProgress, kind: 'number', minWidth: 8 },
    { header: '无法办结', value: (r) => r.counts.closedUnfinished, kind: 'number', minWidth: 8 },
    { header: rateHeader, value: (r) => rate(r.counts.onTimeRate), kind: 'percent', minWidth: 10 },
  ];
}

const coColumns: Column<CoUnitRow>[] = [
  { header: '配合单位', value: (r) => r.unit, kind: 'wrap', minWidth: 14, maxWidth: 28 },
  { header: '配合事项', value: (r) => r.counts.total, kind: 'number' },
  { header: '已办结', value: (r) => r.counts.done, kind: 'number' },
  { header: '按期办结', value: (r) => r.counts.doneOnTime, kind: 'number' },
  { header: '逾期未办结', value: (r) => r.counts.overdue, kind: 'number' },
  { header: '办理中', value: (r) => r.inProgress, kind: 'number' },
  { header: '无法办结', value: (r) => r.counts.closedUnfinished, kind: 'number' },
];

export function summarySheet(data: ReportData): SheetSpec {
  const t = data.totals;
  const total: TallyRow = { name: '合计', counts: t, inProgress: data.inProgress };
  return {
    name: '汇总',
    title: `${data.organization}督查督办工作汇总（${data.period.label}）`,
    subtitle:
      `统计截至：${data.cutoff}　督办事项${t.total}项（上期结转${data.carriedOver}项，本期新交办${data.assignedInPeriod}项），` +
      `本期办结${data.closedInPeriod}项，${rateClause(t.onTimeRate, '本期')}`,
    blocks: [
      block({ heading: '一、按事项来源', columns: tallyColumns('事项来源', periodRate(data)), rows: [...data.bySource, total] }),
      block({ heading: '二、按承办单位（牵头单位）', columns: tallyColumns('承办单位', periodRate(data)), rows: [...data.byUnit, total] }),
      block({ heading: '三、配合单位参与情况（不计入按期办结率）', columns: coColumns, rows: data.coUnits, empty: '本期无配合单位' }),
      ...(data.feedback === null ? [] : [block({ heading: '四、进展反馈与审核', columns: feedbackColumns, rows: feedbackRows(data.feedback) })]),
    ],
    notes: ['注：按期办结率 = 按期办结事项 ÷（已办结事项 + 逾期未办结事项）；尚未到期、长期推进、未定时限和无法办结的事项不计入。', '实行牵头单位负责制，事项只计入牵头单位；配合单位参与情况单列。'],
  };
}

interface FeedbackLine {
  name: string;
  value: CellValue;
  percent?: boolean;
}

const feedbackColumns: Column<FeedbackLine>[] = [
  { header: '项目', value: (r) => r.name, kind: 'wrap', minWidth: 20, maxWidth: 30 },
  { header: '本期', value: (r) => r.value, kind: 'number', minWidth: 10, style: (r) => (r.percent ? STYLES.cell.percent : undefined) },
];

/** Counts only: what the units wrote stays in the 待审核 list and the feedback rows. */
function feedbackRows(f: FeedbackTally): FeedbackLine[] {
  const q = f.requests;
  return [
    { name: '应反馈（事项×月）', value: f.totals.owed },
    { name: '按时反馈', value: f.totals.onTime },
    { name: '按时反馈率', value: rate(f.totals.rate), percent: true },
    { name: '收到办结申请', value: q.completion },
    { name: '收到延期申请', value: q.extension },
    { name: '审核通过', value: q.approved },
    { name: '审核退回', value: q.returned },
    { name: '尚待审核', value: f.pending },
  ];
}

/** 按时反馈率 beside 按期办结率 in 单位考核, when the office runs the feedback loop. */
function feedbackAssessmentColumns(f: FeedbackTally | null): Column<AssessmentRow>[] {
  if (f === null) return [];
  const of = (r: AssessmentRow) => f.byUnit.get(r.unit);
  return [
    { header: '应反馈', value: (r) => of(r)?.owed ?? 0, kind: 'number' },
    { header: '按时反馈', value: (r) => of(r)?.onTime ?? 0, kind: 'number' },
    { header: '按时反馈率', value: (r) => rate(of(r)?.rate ?? null), kind: 'percent', minWidth: 10 },
  ];
}

export function assessmentSheet(data: ReportData): SheetSpec {
  const ytd = data.yearToDate;
  const columns: Column<AssessmentRow>[] = [
    { header: '序号', value: (_r, k) => k + 1, kind: 'center' },
    { header: '单位', value: (r) => r.unit, kind: 'wrap', minWidth: 14, maxWidth: 28 },
    { header: '牵头事项', value: (r) => r.items, kind: 'number' },
    { header: '已办结', value: (r) => r.done, kind: 'number' },
    { header: '按期办结', value: (r) => r.doneOnTime, kind: 'number' },
    { header: '逾期办结', value: (r) => r.doneLate, kind: 'number' },
    { header: '逾期未办结', value: (r) => r.overdue, kind: 'number' },
    { header: periodRate(data), value: (r) => rate(r.onTimeRate), kind: 'percent', minWidth: 10 },
    ...(ytd === null ? [] : [{ header: `本年累计按期办结率（${ytd.label}）`, value: (r: AssessmentRow) => rate(ytd.onTimeRate.get(r.unit) ?? null), kind: 'percent' as const, minWidth: 10 }]),
    ...feedbackAssessmentColumns(data.feedback),
    { header: '逾期工作日合计', value: (r) => r.overdueWorkdays, kind: 'number', minWidth: 10 },
    { header: '催办次数', value: (r) => r.reminders, kind: 'number' },
    { header: '督办3次以上事项', value: (r) => r.escalations, kind: 'number', minWidth: 10 },
    { header: '配合事项', value: (r) => r.coItems, kind: 'number' },
    { header: '回访复查抽查', value: (r) => r.rechecked, kind: 'number', minWidth: 10 },
  ];
  return {
    name: '单位考核',
    title: `${data.organization}督办工作单位考核情况表（${data.period.label}）`,
    subtitle: `统计截至：${data.cutoff}`,
    blocks: [block({ columns, rows: data.assessment, empty: '本期无承办单位' })],
    notes: [
      `注：除${ytd === null ? '' : '本年累计按期办结率外，'}各项数字均为本期（${data.period.label}）的情况。督办工作完成情况列入二级单位年度考核内容；回访复查结果由督查督办工作办公室填报后一并计入。`,
    ],
    table: true,
  };
}
