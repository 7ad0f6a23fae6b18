/**
 * 立卷归档 (seed 003 §三(七)): out/archive/<year>/, one folder (卷) per item closed that year, with
 * its documents in the order of the file — 督办通知, every 催办通知, the 进展反馈 / 审核记录 / 催办记录
 * rows, the 登记表 as closed — and a 卷内目录 listing them; a 归档目录 of the year lists the folders.
 * Pure: the documents come in already drawn (cli/archive.ts draws them as of their dates) and the
 * files come back as values. The same data give the same bytes.
 */
import { STATUS_WORDS, type AnalyzedItem } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OutputFile } from '../model/output.ts';
import type { FeedbackRecord, ReminderRecord, ReviewRecord } from '../model/records.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { renderWorkbook, type WorkbookMeta } from './xlsx/report-workbook.ts';
import { block, dateCell, type Column, type SheetSpec } from './xlsx/sheet-writer.ts';
import { metadataTimestamp } from './pdf/letters/context.ts';
import { NameRegistry, safeName } from './pdf/filenames.ts';
import { pdfPageCount } from './pdf/layout/page-count.ts';

/** The write scope of `duban archive --year`: a build never touches it. */
export function archiveScope(year: number): string {
  return `archive/${year}/`;
}

export const CATALOGUE_NAME = '卷内目录.xlsx';
export const YEAR_CATALOGUE_NAME = '归档目录.xlsx';

/** A drawn document of the folder, in the order it is filed. */
export interface ArchiveDocument {
  kind: 'notice' | 'reminder' | 'form';
  bytes: Uint8Array;
  /** 文件名称 as the document is titled. */
  title: string;
  /** The short name in the folder: 督办通知-校督办〔2026〕41号, 催办通知-第2次-2026-11-25, 登记表. */
  stem: string;
  docNo: string;
  date: IsoDate;
  note: string;
}

export interface ArchiveFolderInput {
  item: AnalyzedItem;
  /** How documents name the item (序号5, XB2026-003). */
  label: string;
  /** The day the item was closed: its 办结日期, or the day the office approved the completion. */
  closedOn: IsoDate;
  documents: readonly ArchiveDocument[];
  feedback: readonly FeedbackRecord[];
  reviews: readonly ReviewRecord[];
  reminders: readonly ReminderRecord[];
  /** What the folder lacks and why (no registered 督办通知 …), shown under the 卷内目录. */
  notes: readonly string[];
}

export interface ArchivedFolder {
  item: AnalyzedItem;
  label: string;
  closedOn: IsoDate;
  folder: string;
  files: number;
  pages: number;
}

export type ArchiveConfig = Pick<OfficeConfig, 'organization' | 'officeName' | 'fixedTimestamp'>;

interface Entry {
  name: string;
  title: string;
  docNo: string;
  date: IsoDate | null;
  pages: number | null;
  note: string;
}

const ORDER: Record<ArchiveDocument['kind'] | 'records', number> = { notice: 0, reminder: 1, records: 2, form: 3 };
const RECORDS_TITLE = '进展反馈与审核记录';

function byPlace<T extends { file: string; row: number }>(a: T, b: T): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.row - b.row;
}

const source = (r: { file: string; row: number }) => `${r.file} 第${r.row}行`;

/** One folder: the numbered documents, the records workbook and the 卷内目录. */
export async function renderArchiveFolder(root: string, names: NameRegistry, input: ArchiveFolderInput, config: ArchiveConfig): Promise<{ files: OutputFile[]; folder: ArchivedFolder }> {
  const folder = names.take(root, input.item.id, '');
  const meta: WorkbookMeta = { when: metadataTimestamp(input.closedOn, config.fixedTimestamp), author: config.officeName };
  const feedback = [...input.feedback].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : byPlace(a, b)));
  const reviews = [...input.reviews].sort((a, b) => ((a.on ?? '') < (b.on ?? '') ? -1 : (a.on ?? '') > (b.on ?? '') ? 1 : byPlace(a, b)));
  const reminders = [...input.reminders].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byPlace(a, b)));
  const records = await renderWorkbook(recordSheets(input, feedback, reviews, reminders, config.organization), meta);
  const lastRecord =
    [...feedback.map((f) => f.on), ...reviews.map((r) => r.on ?? ''), ...reminders.map((r) => r.date)]
      .filter((d) => d !== '')
      .sort()
      .at(-1) ?? null;

  const parts = [
    ...input.documents.map((d) => ({
      order: ORDER[d.kind],
      date: d.date,
      stem: d.stem,
      ext: 'pdf',
      bytes: d.bytes,
      entry: { title: d.title, docNo: d.docNo, date: d.date as IsoDate | null, pages: pdfPageCount(d.bytes), note: d.note },
    })),
    {
      order: ORDER.records,
      date: lastRecord ?? input.closedOn,
      stem: RECORDS_TITLE,
      ext: 'xlsx',
      bytes: records,
      entry: { title: RECORDS_TITLE, docNo: '', date: lastRecord, pages: null, note: `电子表格：进展反馈${feedback.length}条、审核记录${reviews.length}条、催办记录${reminders.length}条` },
    },
  ].sort((a, b) => a.order - b.order || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const inFolder = new NameRegistry();
  const width = Math.max(2, String(parts.length).length);
  const files: OutputFile[] = [];
  const entries: Entry[] = parts.map((p, k) => {
    const path = inFolder.take(folder, `${String(k + 1).padStart(width, '0')}-${p.stem}`, p.ext);
    files.push({ path, bytes: p.bytes });
    const name = path.slice(folder.length + 1);
    return { ...p.entry, name, note: [p.entry.note, `文件：${name}`].filter((t) => t !== '').join('；') };
  });
  files.unshift({ path: `${folder}/${CATALOGUE_NAME}`, bytes: await renderWorkbook([catalogueSheet(input, entries, config.organization)], meta) });
  const pages = entries.reduce((n, e) => n + (e.pages ?? 0), 0);
  return { files, folder: { item: input.item, label: input.label, closedOn: input.closedOn, folder, files: entries.length, pages } };
}

function catalogueSheet(input: ArchiveFolderInput, entries: readonly Entry[], organization: string): SheetSpec {
  const columns: Column<Entry>[] = [
    { header: '序号', value: (_e, k) => k + 1, kind: 'center' },
    { header: '文件名称', value: (e) => e.title, kind: 'wrap', minWidth: 24, maxWidth: 40 },
    { header: '文号', value: (e) => e.docNo, kind: 'center', minWidth: 14 },
    { header: '日期', value: (e) => dateCell(e.date), kind: 'date', minWidth: 12 },
    { header: '页数', value: (e) => e.pages, kind: 'center' },
    { header: '备注', value: (e) => e.note, kind: 'wrap', minWidth: 24, maxWidth: 48 },
  ];
  const item = input.item;
  return {
    name: '卷内目录',
    title: `${organization}督查督办事项卷内目录`,
    subtitle: `事项：${input.label} ${item.title}　牵头单位：${item.leadUnit ?? ''}　办结日期：${input.closedOn}　${STATUS_WORDS[item.status]}`,
    blocks: [block({ columns, rows: entries })],
    notes: input.notes.map((n) => `注：${n}`),
    table: true,
  };
}

function recordSheets(input: ArchiveFolderInput, feedback: readonly FeedbackRecord[], reviews: readonly ReviewRecord[], reminders: readonly ReminderRecord[], organization: string): SheetSpec[] {
  const subtitle = `事项：${input.label} ${input.item.title}　牵头单位：${input.item.leadUnit ?? ''}`;
  const feedbackColumns: Column<FeedbackRecord>[] = [
    { header: '序号', value: (_r, k) => k + 1, kind: 'center' },
    { header: '反馈日期', value: (r) => dateCell(r.on), kind: 'date' },
    { header: '填报单位', value: (r) => r.unit ?? '', kind: 'wrap', minWidth: 12, maxWidth: 20 },
    { header: '办理状态', value: (r) => r.state, kind: 'center', minWidth: 10 },
    { header: '本期进展', value: (r) => r.progress, kind: 'wrap', minWidth: 30, maxWidth: 48 },
    { header: '办结日期', value: (r) => dateCell(r.completedOn), kind: 'date' },
    { header: '申请延期至', value: (r) => r.extensionText, kind: 'wrap', minWidth: 12 },
    { header: '延期理由', value: (r) => r.reason, kind: 'wrap', minWidth: 16, maxWidth: 36 },
    { header: '填报人', value: (r) => r.by, kind: 'center' },
    { header: '联系电话', value: (r) => r.phone, kind: 'center' },
    { header: '来源', value: source, kind: 'wrap', minWidth: 16, maxWidth: 36 },
  ];
  const reviewColumns: Column<ReviewRecord>[] = [
    { header: '序号', value: (_r, k) => k + 1, kind: 'center' },
    { header: '审核日期', value: (r) => dateCell(r.on), kind: 'date' },
    { header: '审核事项', value: (r) => r.topic ?? '', kind: 'center' },
    { header: '审核结果', value: (r) => r.result ?? '待审核', kind: 'center' },
    { header: '审核人', value: (r) => r.by, kind: 'wrap', minWidth: 12 },
    { header: '审核意见', value: (r) => r.opinion, kind: 'wrap', minWidth: 30, maxWidth: 48 },
    { header: '来源', value: source, kind: 'wrap', minWidth: 16, maxWidth: 36 },
  ];
  const reminderColumns: Column<ReminderRecord>[] = [
    { header: '序号', value: (_r, k) => k + 1, kind: 'center' },
    { header: '催办日期', value: (r) => dateCell(r.date), kind: 'date' },
    { header: '催办方式', value: (r) => r.method, kind: 'center' },
    { header: '催办人', value: (r) => r.by, kind: 'center' },
    { header: '签收人', value: (r) => r.signedBy, kind: 'center' },
    { header: '备注', value: (r) => r.note, kind: 'wrap', minWidth: 24, maxWidth: 48 },
    { header: '来源', value: source, kind: 'wrap', minWidth: 16, maxWidth: 36 },
  ];
  return [
    { name: '进展反馈', title: `${organization}督查督办事项进展反馈记录`, subtitle, blocks: [block({ columns: feedbackColumns, rows: feedback, empty: '无进展反馈' })], table: true },
    { name: '审核记录', title: `${organization}督查督办事项审核记录`, subtitle, blocks: [block({ columns: reviewColumns, rows: reviews, empty: '无审核记录' })], table: true },
    { name: '催办记录', title: `${organization}督查督办事项催办记录`, subtitle, blocks: [block({ columns: reminderColumns, rows: reminders, empty: '无催办记录' })], table: true },
  ];
}

/** 归档目录: the year's folders, in the order they were closed. */
export async function renderYearCatalogue(root: string, year: number, folders: readonly ArchivedFolder[], config: ArchiveConfig): Promise<OutputFile> {
  const last =
    folders
      .map((f) => f.closedOn)
      .sort()
      .at(-1) ?? `${year}-01-01`;
  const columns: Column<ArchivedFolder>[] = [
    { header: '序号', value: (_f, k) => k + 1, kind: 'center' },
    { header: '编号', value: (f) => f.label, kind: 'wrap', minWidth: 12, maxWidth: 24 },
    { header: '事项', value: (f) => f.item.title, kind: 'wrap', minWidth: 30, maxWidth: 48 },
    { header: '牵头单位', value: (f) => f.item.leadUnit ?? '', kind: 'wrap', minWidth: 12, maxWidth: 20 },
    { header: '办结日期', value: (f) => dateCell(f.closedOn), kind: 'date' },
    { header: '办理结果', value: (f) => STATUS_WORDS[f.item.status], kind: 'center', minWidth: 10 },
    { header: '文件数', value: (f) => f.files, kind: 'center' },
    { header: '页数', value: (f) => f.pages, kind: 'center' },
    { header: '文件夹', value: (f) => f.folder.slice(root.length + 1), kind: 'wrap', minWidth: 14, maxWidth: 30 },
  ];
  const sheet: SheetSpec = {
    name: '归档目录',
    title: `${config.organization}${year}年督查督办事项归档目录`,
    subtitle: `${year}年办结（含无法办结）事项${folders.length}项`,
    blocks: [block({ columns, rows: folders, empty: `${year}年无办结事项` })],
    notes: ['注：每个文件夹为一卷，卷内文件按交办、催办、反馈与审核、办结登记的顺序编号，卷内目录列出全部文件。'],
    table: true,
  };
  return { path: `${root}/${YEAR_CATALOGUE_NAME}`, bytes: await renderWorkbook([sheet], { when: metadataTimestamp(last, config.fixedTimestamp), author: config.officeName }) };
}

/** The folder's short document names, kept here so the archive names its files in one place. */
export const ARCHIVE_STEMS = {
  notice: (docNo: string) => `督办通知-${safeName(docNo)}`,
  reminder: (n: number, date: IsoDate) => `催办通知-第${n}次-${date}`,
  form: () => '登记表',
} as const;
