/**
 * Formal documents as print-ready PDF in the GB/T 9704-2012 layout: 催办通知 (one per overdue
 * item, plus a duplex batch and the CSV of reminders issued), 督办通知, 登记表 and 到期提醒.
 * `loadPdfAssets` reads fonts and wording once; `renderFormalDocuments` is pure.
 */
import { createHash } from 'node:crypto';
import type { Analysis, AnalyzedItem } from '../../model/analysis.ts';
import type { DocContext } from './documents/context.ts';
import type { OutputFile } from '../../model/output.ts';
import type { OfficeConfig } from '../../config/office-config.ts';
import type { PdfAssets } from './assets.ts';
import { renderPdf } from './engine/printer.ts';
import { NameRegistry } from './filenames.ts';
import { docContext } from './documents/context.ts';
import { planReminders, reminderBatchPdf, reminderPdf, type ReminderPlan } from './documents/reminder-letter.ts';
import { reminderCsv } from './documents/reminder-csv.ts';
import { assignmentDocument, assignmentTitle, planAssignments, type AssignmentPlan } from './documents/assignment-notice.ts';
import { registerCsv } from './documents/register-csv.ts';
import { registrationPdf } from './documents/registration-form.ts';
import { PARALLEL_FROM, drawFormFilesInWorkers } from './form-pool.ts';
import { dueReminderDocument, planDueReminders, type DuePlan } from './documents/due-reminder.ts';
import { definitionDocx, docxKit, docxPath, imprintDocx } from '../docx/index.ts';
import { formDocx, letterDocx } from '../docx/documents.ts';

export { loadPdfAssets, type PdfAssets } from './assets.ts';
export { planReminders, type ReminderPlan } from './documents/reminder-letter.ts';

/** The name spec §2.12 gives the list of documents to register. */
export const REGISTER_CSV = '本次发文登记.csv';

export const FOLDERS = {
  reminders: 'internal/催办通知',
  assignments: 'internal/督办通知',
  forms: 'internal/登记表',
  due: 'internal/到期提醒',
} as const;

/** Each formal document of a run with the path it is written to (relative to out/). */
export interface FormalFiles {
  reminders: { plan: ReminderPlan; path: string }[];
  /** The duplex batch and the dated CSV of reminders issued; null when no letter is due. */
  reminderBatch: string | null;
  reminderCsv: string | null;
  assignments: { plan: AssignmentPlan; path: string }[];
  /** 本次发文登记.csv, when a notice is not registered yet. */
  registerCsv: string | null;
  /** Every item's 登记表, in id order. */
  forms: { item: AnalyzedItem; path: string }[];
  dues: { plan: DuePlan; path: string }[];
}

/**
 * What renderFormalDocuments writes and where, without drawing anything: the one place the file
 * names are given out, so pages that link to the documents (the office's desk, the archive) name
 * exactly the files of the run. `tracked` as for renderFormalDocuments.
 */
export function planFormalFiles(analysis: Analysis, ctx: DocContext, tracked: readonly AnalyzedItem[] = []): FormalFiles {
  const names = new NameRegistry();
  const say = ctx.say;
  const followed: Analysis = tracked.length ? { ...analysis, items: [...analysis.items, ...tracked] } : analysis;
  const reminders = planReminders(followed).map((plan) => ({ plan, path: names.take(FOLDERS.reminders, say('file.reminder', { unit: plan.unit, id: plan.item.id, n: plan.n }), 'pdf') }));
  const letters = reminders.length > 0;
  // Dated, so the records of successive runs can be saved side by side in data/ (催办记录-2026-11-25.csv).
  const reminderBatch = letters ? names.take(FOLDERS.reminders, say('file.reminderBatch'), 'pdf') : null;
  const reminderCsv = letters ? names.take(FOLDERS.reminders, say('file.reminderCsv', { date: ctx.asOf }), 'csv') : null;
  const assignments = planAssignments(ctx, analysis).map((plan) => ({ plan, path: names.take(FOLDERS.assignments, say('file.assignment', { unit: plan.unit, docNo: plan.docNo }), 'pdf') }));
  const registerCsv = assignments.some((a) => !a.plan.registered) ? `${FOLDERS.assignments}/${REGISTER_CSV}` : null;
  const forms = [...analysis.items]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((item) => ({ item, path: names.take(FOLDERS.forms, say('file.form', { unit: item.leadUnit ?? '', id: item.id }), 'pdf') }));
  const dues = planDueReminders(followed).map((plan) => ({ plan, path: names.take(FOLDERS.due, say('file.due', { unit: plan.unit }), 'pdf') }));
  return { reminders, reminderBatch, reminderCsv, assignments, registerCsv, forms, dues };
}

/**
 * Every formal document of the run, paths relative to out/. Same data and as-of date → same bytes.
 * `tracked` are campaign rows followed like 督办 items (自查/整改 with a deadline): they get 催办通知
 * and 到期提醒, but no 登记表 and no line in the reminder CSV, whose ids must be 督办事项 ids.
 */
export async function renderFormalDocuments(
  analysis: Analysis,
  config: OfficeConfig,
  assets: PdfAssets,
  tracked: readonly AnalyzedItem[] = [],
  onProgress: (done: number, total: number) => void = () => {},
  /** `docx`: each document's DOCX beside its PDF too (render/docx/); the batch stays PDF only. */
  options: { docx?: boolean } = {},
): Promise<OutputFile[]> {
  const ctx = docContext(analysis, config, assets.kit, assets.say);
  const planned = planFormalFiles(analysis, ctx, tracked);
  let done = 0;
  let total = 0;
  const pdf = async (dd: Parameters<typeof renderPdf>[1]) => {
    const bytes = await renderPdf(assets.engine, dd);
    onProgress(++done, total);
    return bytes;
  };
  const files: OutputFile[] = [];

  const campaignIds = new Set(tracked.map((t) => t.id));
  const reminders = planned.reminders.map((r) => r.plan);
  const assignments = planned.assignments.map((a) => a.plan);
  const dues = planned.dues;
  total = reminders.length + (reminders.length > 0 ? 1 : 0) + assignments.length + analysis.items.length + dues.length;
  // Letters and 登记表 depend on their plan or item and the run's settings only: in a watch
  // session the unchanged ones come back from the memo without being drawn again.
  const memo = assets.engine.memo;
  const settings = memo ? JSON.stringify([ctx.asOf, config]) : '';
  const keyOf = (value: unknown) => (memo ? createHash('sha256').update(settings).update(JSON.stringify(value)).digest('base64') : '');
  const drawn = (value: unknown, draw: () => Uint8Array): Uint8Array => {
    const key = keyOf(value);
    let bytes = memo?.get(key);
    if (!bytes) {
      bytes = draw();
      memo?.set(key, bytes);
    }
    onProgress(++done, total);
    return bytes;
  };
  const fonts = assets.sheetFonts;
  // The DOCX beside each PDF (render/docx/), from the same description; memoised like the PDFs.
  const kit = docxKit(assets);
  const withDocx = options.docx === true;
  const docx = async (path: string, value: unknown, write: () => Promise<Uint8Array>): Promise<void> => {
    if (!withDocx) return;
    const key = keyOf(['docx', value]);
    let bytes = memo?.get(key);
    if (!bytes) {
      bytes = await write();
      memo?.set(key, bytes);
    }
    files.push({ path: docxPath(path), bytes });
  };

  // 登记表 first, on worker threads when there are many, while this thread draws the rest.
  const items = planned.forms.map((f) => f.item);
  const labels = items.map((item) => ctx.label(item));
  const formKeys = items.map((item, i) => keyOf(['form', item, labels[i]]));
  const known = formKeys.map((key) => memo?.get(key));
  const missing = items.filter((_, i) => !known[i]);
  const parallel =
    missing.length >= PARALLEL_FROM
      ? drawFormFilesInWorkers(
          { templatesDir: assets.templatesDir, config, asOf: ctx.asOf, items: missing, labels: labels.filter((_, i) => !known[i]), docx: withDocx },
          (n) => onProgress((done += n), total),
        )
      : Promise.resolve(null);

  for (const { plan, path } of planned.reminders) {
    files.push({ path, bytes: drawn(['letter', plan], () => reminderPdf(ctx, fonts, plan)) });
    await docx(path, ['letter', plan], () => letterDocx(ctx, plan, kit));
  }
  if (planned.reminderBatch !== null && planned.reminderCsv !== null) {
    files.push({ path: planned.reminderBatch, bytes: drawn(['batch', reminders], () => reminderBatchPdf(ctx, fonts, reminders)) });
    files.push({ path: planned.reminderCsv, bytes: reminderCsv(ctx, reminders.filter((p) => !campaignIds.has(p.item.id))) });
  }

  for (const { plan, path } of planned.assignments) {
    const dd = assignmentDocument(ctx, plan);
    files.push({ path, bytes: await pdf(dd) });
    await docx(path, ['assignment', plan], () => imprintDocx(() => assignmentDocument(ctx, plan), dd, assets.engine, kit));
  }
  const unregistered = assignments.filter((p) => !p.registered);
  if (planned.registerCsv !== null) {
    files.push({ path: planned.registerCsv, bytes: registerCsv(ctx, unregistered.map((p) => ({ ...p, title: assignmentTitle(ctx, p) }))) });
  }

  const fromWorkers = await parallel;
  let w = 0;
  items.forEach((item, i) => {
    const path = planned.forms[i]!.path;
    const ready = known[i] ?? fromWorkers?.pdf[w++];
    if (ready) {
      if (!known[i]) memo?.set(formKeys[i] ?? '', ready);
      else onProgress(++done, total);
      files.push({ path, bytes: ready });
    } else {
      files.push({ path, bytes: drawn(['form', item, labels[i]], () => registrationPdf(ctx, fonts, item, labels[i])) });
    }
  });
  let slot = 0;
  for (const [i, { item, path }] of planned.forms.entries()) {
    const label = labels[i] ?? item.id;
    const drawnThere = !known[i] && fromWorkers ? fromWorkers.docx[slot++] : undefined;
    await docx(path, ['form', item, label], async () => drawnThere ?? formDocx(ctx, item, label, kit));
  }

  for (const { plan, path } of dues) {
    files.push({ path, bytes: await pdf(dueReminderDocument(ctx, plan)) });
    await docx(path, ['due', plan], () => definitionDocx(dueReminderDocument(ctx, plan), kit));
  }
  return files;
}
