/**
 * The item-level sheets: 办理情况表 (seed 003 附件3, its columns first and exactly as the form has
 * them, duban's after), 逾期事项 and 回访复查 (seed 004 art. 17).
 */
import type { AnalyzedItem } from '../../model/analysis.ts';
import { addDays } from '../../model/dates.ts';
import { itemLabel } from '../../model/item-labels.ts';
import type { OfficeConfig } from '../../config/office-config.ts';
import type { ReportData } from '../../aggregate/report-data.ts';
import { implementedWord, progressWord, rateClause, recheckSentence, statusWord, unitsWord, yesNo, periodDeictic } from '../words.ts';
import { STYLES } from './report-styles.ts';
import { block, dateCell, type CellValue, type Column, type SheetSpec } from './sheet-writer.ts';
import { sectionGroups } from './section-groups.ts';

type Item = AnalyzedItem;

const seqCol: Column<Item> = { header: '序号', value: (_i, k) => k + 1, kind: 'center', minWidth: 6 };
const statusCol: Column<Item> = {
  header: '状态',
  value: (i) => statusWord(i),
  style: (i) => STYLES.light[i.light],
  kind: 'center',
  minWidth: 10,
};

export type SheetConfig = Pick<OfficeConfig, 'reportSubmitDays'>;

/** 办结时限 as a date (2026-11-20, 2026-11-20（已延期）), or 长期 / 未定. */
export function deadlineCell(item: Item): CellValue {
  if (item.effectiveDeadline !== null) return dateCell(item.effectiveDeadline, item.extendedTo !== null ? '（已延期）' : undefined);
  return item.ongoing ? '长期' : '未定';
}

const assignedCol: Column<Item> = { header: '布置时间', value: (i) => dateCell(i.assignedOn), kind: 'date', minWidth: 12 };
const deadlineCol: Column<Item> = { header: '办结时限', value: deadlineCell, kind: 'date', minWidth: 12, maxWidth: 22 };

/** 编号 as the 催办通知 and 登记表 print it (model/item-labels.ts), so a row can be matched to its letter. */
function idCol(data: ReportData): Column<Item> {
  return { header: '编号', value: (i) => itemLabel(i, data.labelsWithFile), minWidth: 10, maxWidth: 24 };
}

/** 序号, 编号, 事项 and the units: the leading columns of every item list. */
function identityColumns(data: ReportData): Column<Item>[] {
  return [
    seqCol,
    idCol(data),
    { header: '事项', value: (i) => i.title, kind: 'wrap', minWidth: 20, maxWidth: 40 },
    { header: '承办单位', value: (i) => i.leadUnit ?? '', kind: 'wrap', maxWidth: 20 },
    { header: '配合单位', value: (i) => i.coUnits.join('、'), kind: 'wrap', maxWidth: 20 },
  ];
}

export function statusSheet(data: ReportData, config: Partial<SheetConfig>): SheetSpec {
  const columns: Column<Item>[] = [
    seqCol,
    assignedCol,
    { header: '承办部门', value: unitsWord, kind: 'wrap', maxWidth: 24 },
    { header: '内容', value: (i) => i.text || i.title, kind: 'wrap', minWidth: 20, maxWidth: 50 },
    { header: '是否落实', value: implementedWord, kind: 'center', minWidth: 8 },
    { header: '落实情况', value: progressWord, kind: 'wrap', minWidth: 16, maxWidth: 40 },
    // duban's columns after the form's own.
    idCol(data),
    deadlineCol,
    statusCol,
    {
      header: '逾期工作日',
      value: (i) => (i.status === 'overdue' ? i.overdueWorkdays : i.status === 'done_late' ? i.lateWorkdays : null),
      kind: 'number',
      minWidth: 8,
    },
    { header: '催办次数', value: (i) => i.reminders, kind: 'number', minWidth: 8 },
  ];
  // Task tables with section rows (一、…): the items under their section headings.
  const groups = sectionGroups(data.items);
  return {
    name: '办理情况表',
    title: `${data.organization}督查督办事项办理情况表`,
    subtitle: `督办时间：${data.period.label}`,
    blocks:
      groups === null ? [block({ columns, rows: data.items, empty: '本期无督办事项' })] : groups.map((g) => block({ ...(g.section === null ? {} : { heading: g.section }), columns, rows: g.items })),
    notes: statusNotes(data, config.reportSubmitDays ?? null),
    table: groups === null,
  };
}

/** The form's two note lines (seed 003 附件3), then how to read the colours. */
function statusNotes(data: ReportData, submitDays: number | null): string[] {
  const submit = submitDays === null ? '' : `，${addDays(data.cutoff, submitDays)}前通过 OA 流程上交`;
  return [
    `1. 本次督办工作统计截至${data.cutoff}${submit}。`,
    '2. 督办事项涉及多个单位的，由承办部门负责汇总、填报落实情况。',
    '3. 状态颜色：红色为逾期未办结，黄色为即将到期，绿色为正常推进或长期推进，蓝色为已办结，灰色为未定时限或无法办结。',
    `4. 本期（${data.period.label}）督办事项${data.totals.total}项，${rateClause(data.totals.onTimeRate)}；逾期工作日按法定节假日和调休安排计算，逾期办结的事项为其办结时晚了几个工作日。`,
    '5. 编号与催办通知、登记表上的编号一致；台账没有「编号」列的，为台账中的序号。',
  ];
}

export function overdueSheet(data: ReportData): SheetSpec {
  const columns: Column<Item>[] = [
    ...identityColumns(data),
    assignedCol,
    deadlineCol,
    { header: '逾期工作日', value: (i) => i.overdueWorkdays, kind: 'number', minWidth: 8 },
    { header: '逾期天数', value: (i) => i.overdueDays, kind: 'number', minWidth: 8 },
    { header: '催办次数', value: (i) => i.reminders, kind: 'number', minWidth: 8 },
    { header: '最近催办', value: (i) => dateCell(i.lastReminderOn), kind: 'date', minWidth: 12 },
    { header: '督办3次以上', value: (i) => yesNo(i.escalate), style: (i) => (i.escalate ? STYLES.light.red : undefined), kind: 'center', minWidth: 8 },
  ];
  return {
    name: '逾期事项',
    title: `${data.organization}逾期未办结督办事项清单`,
    subtitle: `督办时间：${data.period.label}　统计截至：${data.cutoff}　按逾期工作日由多到少排列`,
    blocks: [block({ columns, rows: data.overdue, empty: '本期无逾期未办结事项' })],
    notes: ['注：督办3次以上的事项，依规从重或者加重问责。'],
    table: true,
  };
}

export function recheckSheet(data: ReportData): SheetSpec {
  const { recheck } = data;
  const columns: Column<Item>[] = [
    ...identityColumns(data),
    deadlineCol,
    { header: '办结日期', value: (i) => dateCell(i.completedOn), kind: 'date', minWidth: 12 },
    statusCol,
    // Left blank for the office: the re-check is done by people, on site or by phone.
    { header: '复查方式', value: () => null, kind: 'center', minWidth: 10 },
    { header: '复查结果', value: () => null, kind: 'wrap', minWidth: 16 },
    { header: '复查人', value: () => null, kind: 'center', minWidth: 8 },
    { header: '复查日期', value: () => null, kind: 'date', minWidth: 12 },
  ];
  const drawn = recheck.items.length < recheck.population;
  return {
    name: '回访复查',
    title: `${data.organization}督办事项回访复查抽查表`,
    subtitle: `督办时间：${data.period.label}　${recheckSentence(recheck, periodDeictic(data.period.kind))}`,
    blocks: [block({ columns, rows: recheck.items, empty: '本期无办结事项，无需抽查' })],
    notes: [drawn ? '注：抽取结果是固定的，重新生成本期报告时抽到的事项不变，可复核。复查结果列入单位年度考核。' : '注：复查结果列入单位年度考核。'],
    table: true,
  };
}
