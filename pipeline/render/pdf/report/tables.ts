/**
 * The report's ruled tables, built with the shared form-table so they sit on the GB/T 9704 type
 * area like every other formal document. Long lists are cut: the PDF is read by leaders, the full
 * lists are in the XLSX that goes with it.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { AnalyzedItem } from '../../../model/analysis.ts';
import { chineseDate } from '../../../model/dates.ts';
import type { CoUnitRow, TallyRow } from '../../../aggregate/report-tally.ts';
import { deadlineWord, rateWord, yesNo } from '../../words.ts';
import { formTable, type FormCell } from '../layout/form-table.ts';
import { LINE_PITCH, SIZE, textBlock, type TextKit } from '../layout/gbt9704-layout.ts';

/** Rows of an item list shown in the PDF; the rest is referred to the XLSX. */
export const PDF_LIST_LIMIT = 100;
const SIZE_TABLE = SIZE.五号;

const head = (text: string): FormCell => ({ text, role: 'heading1', alignment: 'center' });
const num = (n: number | null): FormCell => ({ text: n === null ? '' : String(n), alignment: 'center' });

function table(kit: TextKit, rows: FormCell[][], columns: number[]): Content {
  const t = formTable(kit, rows, { columns, size: SIZE_TABLE, headerRows: 1 });
  return { ...t, margin: [0, LINE_PITCH / 4, 0, LINE_PITCH / 4] };
}

export function tallyTable(kit: TextKit, first: string, rows: readonly TallyRow[], total: TallyRow): Content {
  const line = (r: TallyRow, bold = false): FormCell[] => [
    { text: r.name, ...(bold ? { role: 'heading1' as const } : {}) },
    num(r.counts.total),
    num(r.counts.done),
    num(r.counts.doneOnTime),
    num(r.counts.overdue),
    num(r.inProgress),
    num(r.counts.closedUnfinished),
    { text: rateWord(r.counts.onTimeRate), alignment: 'center' },
  ];
  return table(
    kit,
    [[first, '交办', '已办结', '按期办结', '逾期未办结', '办理中', '无法办结', '按期办结率'].map(head), ...rows.map((r) => line(r)), line(total, true)],
    [5, 2, 2, 2.4, 2.4, 2, 2.4, 2.8],
  );
}

export function coUnitTable(kit: TextKit, rows: readonly CoUnitRow[]): Content {
  return table(
    kit,
    [
      ['配合单位', '配合事项', '已办结', '按期办结', '逾期未办结', '办理中'].map(head),
      ...rows.map((r) => [{ text: r.unit }, num(r.counts.total), num(r.counts.done), num(r.counts.doneOnTime), num(r.counts.overdue), num(r.inProgress)]),
    ],
    [6, 2.4, 2.2, 2.4, 2.6, 2.2],
  );
}

/** `label`: how the report names an item (ReportData.label), as its 催办通知 does. */
export function overdueTable(kit: TextKit, items: readonly AnalyzedItem[], label: (item: AnalyzedItem) => string): Content[] {
  const shown = items.slice(0, PDF_LIST_LIMIT);
  return [
    table(
      kit,
      [
        ['序号', '事项', '承办单位', '办结时限', '逾期工作日', '催办次数', '督办3次以上'].map(head),
        ...shown.map((i, k) => [
          num(k + 1),
          { text: `${i.title}（${label(i)}）` },
          { text: i.leadUnit ?? '' },
          { text: deadlineWord(i), alignment: 'center' as const },
          num(i.overdueWorkdays),
          num(i.reminders),
          { text: yesNo(i.escalate), alignment: 'center' as const },
        ]),
      ],
      [1.4, 7, 3.4, 3.4, 1.9, 1.7, 1.9],
    ),
    ...moreNote(kit, items.length, '逾期未办结事项'),
  ];
}

export function recheckTable(kit: TextKit, items: readonly AnalyzedItem[], label: (item: AnalyzedItem) => string): Content[] {
  const shown = items.slice(0, PDF_LIST_LIMIT);
  return [
    table(
      kit,
      [
        ['序号', '编号', '事项', '承办单位', '办结日期'].map(head),
        ...shown.map((i, k) => [
          num(k + 1),
          { text: label(i) },
          { text: i.title },
          { text: i.leadUnit ?? '' },
          { text: i.completedOn ? chineseDate(i.completedOn) : '', alignment: 'center' as const },
        ]),
      ],
      [1.4, 3.6, 8, 3.6, 3.2],
    ),
    ...moreNote(kit, items.length, '抽查事项'),
  ];
}

/** A small-print note under a table (小四, no indent). */
export function tableNote(kit: TextKit, text: string): Content {
  return textBlock(kit, text, { size: SIZE.小四, pitch: SIZE.小四 * 1.6, charSpacing: 0 });
}

function moreNote(kit: TextKit, count: number, what: string): Content[] {
  if (count <= PDF_LIST_LIMIT) return [];
  return [tableNote(kit, `注：共${count}项${what}，此处列出前${PDF_LIST_LIMIT}项，完整清单见《督查督办事项办理情况表》。`)];
}
