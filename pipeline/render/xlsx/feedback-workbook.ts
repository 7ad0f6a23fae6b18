/**
 * 进展反馈表: the workbook a unit fills in and sends back (spec §2.10; seed 003 §三(三), seed 004
 * art. 23). Its header is a 进展反馈 header, so a returned copy dropped anywhere in the data folder
 * is read back whatever its name; the reference columns (编号, 事项, 办结时限, 下一节点, 职责, 填报单位)
 * are pre-filled and locked, the columns of §2.10 are left to fill in, with a drop-down for 办理状态,
 * date cells and length limits. Above the header: a title, the 填报单位 as a `键：值` title line
 * (read back as the file's unit, spec §1) and a short instruction block without any other colon, so
 * no instruction is ever taken for a file value.
 *
 * Written with exceljs' non-streaming Workbook: its streaming writer (4.4) writes <sheetProtection>
 * after <dataValidations>, against the order of the sheet schema (Excel then offers to repair the
 * file), and leaves out <printOptions> (the horizontal centring). Protection has no password, so
 * nothing random enters the file, and the zip entries carry one fixed time (zip-times.ts): the same
 * data gives the same bytes.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs.ts';
import type { Alignment, Borders, Fill, Style } from 'exceljs';
import type { AnalyzedItem } from '../../model/analysis.ts';
import { chineseDate, type IsoDate } from '../../model/dates.ts';
import type { FeedbackForm, FeedbackFormRow } from '../../aggregate/feedback-plans.ts';
import { FEEDBACK_STATES } from '../../model/records.ts';
import { cellText, displayWidth } from './cell-text.ts';
import { DATE_FORMAT } from './report-styles.ts';
import { fixZipTimes } from './zip-times.ts';
import { deflateStored } from './deflate-stored.ts';

export interface FeedbackWorkbookContext {
  organization: string;
  officeName: string;
  contactPerson: string;
  contactPhone: string;
  asOf: IsoDate;
  /** Document properties and zip entry times. */
  when: Date;
}

/** Longest text accepted in the fill-in cells (the PDF prints 2,000 characters of a paragraph). */
export const FEEDBACK_LIMITS = { progress: 2000, reason: 500, extension: 30, person: 20, phone: 30 } as const;

type Kind = 'id' | 'text' | 'wrap' | 'date' | 'state';

interface Col {
  header: string;
  width: number;
  kind: Kind;
  /** Pre-filled (locked) from the row; fill-in columns have none. */
  value?: (r: FeedbackFormRow, unit: string) => string;
  validation?: ExcelJS.DataValidation;
}

const FONT = '宋体';
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const GREY: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

const lengthRule = (max: number, what: string): ExcelJS.DataValidation => ({
  type: 'textLength',
  operator: 'lessThanOrEqual',
  allowBlank: true,
  formulae: [max],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '内容过长',
  error: `${what}请不超过${max}字。`,
});

const dateRule = (what: string): ExcelJS.DataValidation => ({
  type: 'date',
  operator: 'between',
  allowBlank: true,
  formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '日期格式不对',
  error: `${what}请填写日期，例如 2026-11-18。`,
  showInputMessage: true,
  promptTitle: what,
  prompt: '请填写日期，例如 2026-11-18',
});

/** The deadline as the unit knows it: the date, naming an extension; or the ledger's words. */
function deadlineText(item: AnalyzedItem): string {
  if (item.effectiveDeadline !== null) return item.extendedTo !== null ? `${item.effectiveDeadline}（已延期）` : item.effectiveDeadline;
  if (item.ongoing) return item.deadlineText || '长期推进';
  return item.deadlineText || '未定时限';
}

function columns(form: FeedbackForm): Col[] {
  return [
    { header: '编号', width: Math.min(30, Math.max(12, ...form.rows.map((r) => displayWidth(r.item.id) + 2))), kind: 'id', value: (r) => r.item.id },
    { header: '事项', width: 36, kind: 'wrap', value: (r) => r.item.title },
    { header: '办结时限', width: 14, kind: 'text', value: (r) => deadlineText(r.item) },
    ...(form.milestones
      ? [{ header: '下一节点', width: 22, kind: 'wrap' as const, value: (r: FeedbackFormRow) => (r.milestone ? `${r.milestone.text}（${r.milestone.deadline ?? r.milestone.deadlineText}）` : '') }]
      : []),
    { header: '职责', width: 14, kind: 'wrap', value: (r) => (r.role === 'lead' ? '牵头' : `配合（牵头单位${r.item.leadUnit ?? ''}）`) },
    { header: '填报单位', width: 14, kind: 'wrap', value: (_r, unit) => unit },
    { header: '反馈日期', width: 12, kind: 'date', validation: dateRule('反馈日期') },
    { header: '本期进展', width: 40, kind: 'wrap', validation: lengthRule(FEEDBACK_LIMITS.progress, '本期进展') },
    {
      header: '办理状态',
      width: 12,
      kind: 'state',
      validation: {
        type: 'list',
        allowBlank: true,
        formulae: [`"${FEEDBACK_STATES.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '办理状态',
        error: `请从下拉列表中选择：${FEEDBACK_STATES.join('、')}。`,
        showInputMessage: true,
        promptTitle: '办理状态',
        prompt: FEEDBACK_STATES.join('、'),
      },
    },
    { header: '办结日期', width: 12, kind: 'date', validation: dateRule('办结日期') },
    { header: '申请延期至', width: 14, kind: 'text', validation: lengthRule(FEEDBACK_LIMITS.extension, '申请延期至') },
    { header: '延期理由', width: 24, kind: 'wrap', validation: lengthRule(FEEDBACK_LIMITS.reason, '延期理由') },
    { header: '填报人', width: 10, kind: 'text', validation: lengthRule(FEEDBACK_LIMITS.person, '填报人') },
    { header: '联系电话', width: 14, kind: 'text', validation: lengthRule(FEEDBACK_LIMITS.phone, '联系电话') },
  ];
}

const styles = new Map<string, Partial<Style>>();

/** One style object per kind and lock, shared by the cells (exceljs then registers it once). */
function cellStyle(kind: Kind, locked: boolean): Partial<Style> {
  const key = `${kind}/${locked}`;
  let st = styles.get(key);
  if (!st) styles.set(key, (st = makeStyle(kind, locked)));
  return st;
}

function makeStyle(kind: Kind, locked: boolean): Partial<Style> {
  const alignment: Partial<Alignment> =
    kind === 'wrap'
      ? { horizontal: 'left', vertical: 'top', wrapText: true }
      : kind === 'text' || kind === 'id'
        ? { horizontal: 'left', vertical: 'middle', wrapText: true }
        : { horizontal: 'center', vertical: 'middle' };
  return {
    font: { name: FONT, size: 10 },
    alignment,
    border: BORDER,
    ...(locked ? { fill: GREY } : {}),
    ...(kind === 'date' ? { numFmt: DATE_FORMAT } : { numFmt: '@' }),
    protection: { locked },
  };
}

/** The instruction block: sentences without a colon (a `键：值` line above the header is a file value). */
export function instructionLines(form: FeedbackForm, ctx: FeedbackWorkbookContext): string[] {
  const when = form.due === null ? '请按月' : form.due < ctx.asOf ? `本月反馈已于${chineseDate(form.due)}截止，请尽快` : `请于${chineseDate(form.due)}前`;
  const lines = [
    `1. ${when}填写本表报送${ctx.officeName}（文件名不限，也可另存为CSV报送）。灰色列为预填内容，已锁定，请勿改动表头和编号；每个事项填写一行，填写反馈日期和本期进展。`,
    '2. 办理状态从下拉列表中选择办理中、申请办结或申请延期。申请办结的请填写办结日期；申请延期的请填写申请延期至和延期理由（每个事项只能延期一次，最迟在办结时限前5个工作日提出，延期超过3个月的须经分管校领导同意）。',
  ];
  if (form.rows.some((r) => r.role === 'co')) {
    lines.push('3. 职责为配合的事项由牵头单位汇总后统一反馈，请将办理情况及时报送牵头单位，这些行可不填写。');
  }
  const contact = [ctx.contactPerson && `联系人 ${ctx.contactPerson}`, ctx.contactPhone && `电话 ${ctx.contactPhone}`].filter(Boolean).join('，');
  if (contact) lines.push(`${lines.length + 1}. ${contact}。`);
  return lines.map((l) => l.replace(/[:：]/gu, ' '));
}

/** A1-style column letters: 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Title line with the unit: read back as the file's 填报单位 (spec §1). */
export function unitLine(unit: string): string {
  return `填报单位：${unit}`;
}

export async function renderFeedbackWorkbook(form: FeedbackForm, ctx: FeedbackWorkbookContext): Promise<Uint8Array> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = ctx.officeName;
  wb.lastModifiedBy = ctx.officeName;
  wb.created = ctx.when;
  wb.modified = ctx.when;
  const cols = columns(form);
  const lines = instructionLines(form, ctx);
  const headerRow = 3 + lines.length;
  const ws = wb.addWorksheet('进展反馈', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = cols.map((c) => ({ width: c.width }));
  const last = cols.length;
  const month = `${Number(ctx.asOf.slice(0, 4))}年${Number(ctx.asOf.slice(5, 7))}月`;

  const merged = (row: number, text: string, style: Partial<Style>, height: number) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = cellText(text);
    cell.style = style;
    ws.getRow(row).height = height;
  };
  merged(1, `${ctx.organization}督查督办事项进展反馈表（${month}）`, { font: { name: '黑体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }, 30);
  merged(2, unitLine(form.unit), { font: { name: '黑体', size: 12 }, alignment: { horizontal: 'left', vertical: 'middle' } }, 22);
  const totalWidth = cols.reduce((n, c) => n + c.width, 0);
  lines.forEach((line, k) => {
    const rowsNeeded = Math.max(1, Math.ceil(displayWidth(line) / Math.max(20, totalWidth - 4)));
    merged(3 + k, line, { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } }, 15 * rowsNeeded + 3);
  });

  const header = ws.getRow(headerRow);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { name: '黑体', size: 10, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: BORDER,
      fill: c.value ? HEADER_FILL : { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
    };
  });
  header.height = 28;

  form.rows.forEach((r, k) => {
    const row = ws.getRow(headerRow + 1 + k);
    let lines = 2;
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const locked = c.value !== undefined;
      cell.style = cellStyle(c.kind, locked);
      if (c.value) {
        const text = cellText(c.value(r, form.unit));
        cell.value = text;
        if (c.kind === 'wrap') lines = Math.max(lines, Math.ceil(displayWidth(text) / Math.max(4, c.width - 1)));
      }
    });
    row.height = Math.min(409, 14 * Math.min(lines, 12) + 6);
  });
  // One validation per fill-in column over its rows, not one per cell: exceljs merges per-cell
  // validations into ranges by sorting addresses as text (F10 before F8), which is slow (every
  // cell compared with its neighbours) and writes overlapping ranges (F8:F142 and F10:F142).
  // `Worksheet.dataValidations` is exceljs' own model (untyped in its .d.ts); a range key is
  // written as one <dataValidation sqref="F8:F142">, which exceljs reads back cell by cell.
  if (form.rows.length > 0) {
    const first = headerRow + 1;
    const lastRow = headerRow + form.rows.length;
    const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    cols.forEach((c, i) => {
      if (!c.validation) return;
      const col = columnLetter(i + 1);
      validations.add(`${col}${first}:${col}${lastRow}`, c.validation);
    });
  }

  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  // exceljs zips through JSZip, which deflates in JavaScript (pako): half of a workbook's time.
  // It stores the parts instead and Node's zlib deflates them (deflate-stored.ts).
  const stored = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  return fixZipTimes(deflateStored(stored), ctx.when);
}
