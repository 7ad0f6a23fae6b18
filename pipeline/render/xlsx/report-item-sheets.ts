/**
 * The item-level sheets: 办理情况表 (seed 003 附件3, its columns first and exactly as the form has
 * them, duban's after), 逾期事项 and 回访复查 (seed 004 art. 17).
 */
import type { AnalyzedItem } from '../../model/analysis.ts';
import { addDays } from '../../model/dates.ts';
import type { OfficeConfig } from '../../config/office-config.ts';
import type { ReportData } from '../../aggregate/report-data.ts';
import {
  deadlineWord, implementedWord, monthDay, progressWord, rateWord, statusWord, unitsWord, yesNo,
} from '../../aggregate/report-words.ts';
import { STYLES } from './report-styles.ts';
import { block, type Column, type SheetSpec } from './sheet-writer.ts';

type Item = AnalyzedItem;

const seqCol: Column<Item> = { header: '序号', value: (_i, k) => k + 1, kind: 'center', minWidth: 6 };
const statusCol: Column<Item> = {
  header: '状态', value: (i) => statusWord(i), style: (i) => STYLES.light[i.light], kind: 'center', minWidth: 10,
};

export type SheetConfig = Pick<OfficeConfig, 'reportSubmitDays'>;

/** 序号, 编号, 事项 and the units: the leading columns of every item list. */
const identityColumns: Column<Item>[] = [
    seqCol,
    { header: '编号', value: (i) => i.id, minWidth: 10, maxWidth: 20 },
    { header: '事项', value: (i) => i.title, kind: 'wrap', minWidth: 20, maxWidth: 40 },
    { header: '承办单位', value: (i) => i.leadUnit ?? '', kind: 'wrap', maxWidth: 20 },
    { header: '配合单位', value: (i) => i.coUnits.join('、'), kind: 'wrap', maxWidth: 20 },
];

export function statusSheet(data: ReportData, config: Partial<SheetConfig>): SheetSpec {
  const columns: Column<Item>[] = [
    seqCol,
    { header: '布置时间', value: (i) => i.assignedOn ?? '', kind: 'center', minWidth: 12 },
    { header: '承办部门', value: unitsWord, kind: 'wrap', maxWidth: 24 },
    { header: '内容', value: (i) => i.text || i.title, kind: 'wrap', minWidth: 20, maxWidth: 50 },
    { header: '是否落实', value: implementedWord, kind: 'center', minWidth: 8 },
    { header: '落实情况', value: progressWord, kind: 'wrap', minWidth: 16, maxWidth: 40 },
    { header: '办结时限', value: deadlineWord, kind: 'center', minWidth: 12, maxWidth: 22 },
    statusCol,
    { header: '逾期工作日', value: (i) => (i.status === 'overdue' || i.status === 'done_late' ? i.overdueWorkdays : null), kind: 'number', minWidth: 8 },
    { header: '催办次数', value: (i) => i.reminders, kind: 'number', minWidth: 8 },
  ];
  return {
    name: '办理情况表',
    title: `${data.organization}督查督办事项办理情况表`,
    subtitle: `督办时间：${data.period.label}`,
    blocks: [block({ columns, rows: data.items, empty: '本期无督办事项' })],
    notes: statusNotes(data, config.reportSubmitDays ?? null),
    table: true,
  };
}

/** The form's two note lines (seed 003 附件3), then how to read the colours. */
function statusNotes(data: ReportData, submitDays: number | null): string[] {
  const submit = submitDays === null ? '' : `，${monthDay(addDays(data.cutoff, submitDays))}前通过 OA 流程上交`;
  return [
    `1. 本次督办工作统计截止时间为${monthDay(data.cutoff)}${submit}。`,
    '2. 督办事项涉及多个单位的，由承办部门负责汇总、填报落实情况。',
    '3. 状态颜色：红色为逾期未办结，黄色为即将到期，绿色为正常推进或长期推进，蓝色为已办结，灰色为未定时限或无法办结。',
    `4. 本期督办事项${data.totals.total}项，按期办结率${rateWord(data.totals.onTimeRate)}；逾期工作日按法定节假日和调休安排计算。`,
  ];
}

export function overdueSheet(data: ReportData): SheetSpec {
  const columns: Column<Item>[] = [
    ...identityColumns,
    { header: '布置时间', value: (i) => i.assignedOn ?? '', kind: 'center', minWidth: 12 },
    { header: '办结时限', value: deadlineWord, kind: 'center', minWidth: 12, maxWidth: 22 },
    { header: '逾期工作日', value: (i) => i.overdueWorkdays, kind: 'number', minWidth: 8 },
    { header: '逾期天数', value: (i) => i.overdueDays, kind: 'number', minWidth: 8 },
    { header: '催办次数', value: (i) => i.reminders, kind: 'number', minWidth: 8 },
    { header: '最近催办', value: (i) => i.lastReminderOn ?? '', kind: 'center', minWidth: 12 },
    { header: '督办3次以上', value: (i) => yesNo(i.escalate), style: (i) => (i.escalate ? STYLES.light.red : undefined), kind: 'center', minWidth: 8 },
  ];
  return {
    name: '逾期事项',
    title: `${data.organization}逾期未办结督办事项清单`,
    subtitle: `督办时间：${data.period.label}　统计截止：${data.cutoff}　按逾期工作日由多到少排列`,
    blocks: [block({ columns, rows: data.overdue, empty: '本期无逾期未办结事项' })],
    notes: ['注：督办3次以上的事项，依规从重或者加重问责。'],
    table: true,
  };
}

export function recheckSheet(data: ReportData): SheetSpec {
  const { recheck } = data;
  const columns: Column<Item>[] = [
    ...identityColumns,
    { header: '办结时限', value: deadlineWord, kind: 'center', minWidth: 12, maxWidth: 22 },
    { header: '办结日期', value: (i) => i.completedOn ?? '', kind: 'center', minWidth: 12 },
    statusCol,
    // Left blank for the office: the re-check is done by people, on site or by phone.
    { header: '复查方式', value: () => null, kind: 'center', minWidth: 10 },
    { header: '复查结果', value: () => null, kind: 'wrap', minWidth: 16 },
    { header: '复查人', value: () => null, kind: 'center', minWidth: 8 },
    { header: '复查日期', value: () => null, kind: 'center', minWidth: 12 },
  ];
  return {
    name: '回访复查',
    title: `${data.organization}督办事项回访复查抽查表`,
    subtitle:
      `督办时间：${data.period.label}　本期办结${recheck.population}项，` +
      `按${rateWord(recheck.rate)}且不少于${recheck.min}项随机抽取${recheck.items.length}项`,
    blocks: [block({ columns, rows: recheck.items, empty: '本期无办结事项，无需抽查' })],
    notes: [
      `注：抽样以统计期间「${data.period.id}」为种子，重新生成报告抽取结果不变。复查结果列入单位年度考核。`,
    ],
    table: true,
  };
}
