/**
 * Formal documents as print-ready PDF in the GB/T 9704-2012 layout: 催办通知 (one per overdue
 * item, plus a duplex batch and the CSV of reminders issued), 督办通知, 登记表 and 到期提醒.
 * `loadPdfAssets` reads fonts and wording once; `renderFormalDocuments` is pure.
 */
import type { Analysis, AnalyzedItem } from '../../model/analysis.ts';
import type { DocContext } from './letters/context.ts';
import type { OutputFile } from '../../model/output.ts';
import type { OfficeConfig } from '../../config/office-config.ts';
import type { PdfAssets } from './assets.ts';
import { NameRegistry } from './filenames.ts';
import { docContext } from './letters/context.ts';
import { planReminders, reminderBatchPdf, reminderPdf, type ReminderPlan } from './letters/reminder-letter.ts';
import { reminderCsv } from './letters/reminder-csv.ts';
import { assignmentBands, assignmentPdf, assignmentTitle, planAssignments, type AssignmentPlan } from './letters/assignment-notice.ts';
import { registerCsv } from './letters/register-csv.ts';
import { registrationPdf } from './letters/registration-form.ts';
import { PARALLEL_FROM, drawFormFilesInWorkers } from './form-pool.ts';
import { dueReminderBands, dueReminderPdf, planDueReminders, type DuePlan } from './letters/due-reminder.ts';
import { docxKit, docxPath } from '../docx/index.ts';
import { renderPlans, type OutputPlan, type RenderUnit } from '../output-plan.ts';
import { assignmentDocx, dueReminderDocx, formDocx, letterDocx } from '../docx/documents.ts';

export { loadPdfAssets, type PdfAssets } from './assets.ts';
export { planReminders, type ReminderPlan } from './letters/reminder-letter.ts';

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

/** What the formal documents of a run are drawn with: fonts are loaded by the first document drawn. */
export interface FormalInput {
  analysis: Analysis;
  config: OfficeConfig;
  assets: () => PdfAssets;
  /** Wording for file names (the same as assets().say, without loading fonts). */
  say: PdfAssets['say'];
  tracked?: readonly AnalyzedItem[];
  /** Each document's DOCX beside its PDF too (render/docx/); the batch stays PDF only. */
  docx?: boolean;
}

/**
 * The formal documents as four outputs, each a list of units (output-plan.ts): a letter, a
 * notice, a form, a reminder each, plus the batch and the CSV lists. A unit's key is its plan or
 * item, how the run names its items, and its path: two documents whose names sanitise alike are
 * told apart by the order of the run (登记表-教务处-B_20.pdf and …-B_20-2.pdf for B/20 and B_20),
 * so a document's path can change while its data does not. The build's settings are added by the
 * caller.
 */
export function formalPlans(input: FormalInput): { reminders: OutputPlan; assignments: OutputPlan; forms: OutputPlan; dues: OutputPlan } {
  const { analysis, config, tracked = [] } = input;
  const assets = input.assets;
  const ctx = docContext(analysis, config, () => assets().kit, input.say);
  const planned = planFormalFiles(analysis, ctx, tracked);
  const fonts = () => assets().pageFonts;
  const kit = () => docxKit(assets());
  const withDocx = input.docx === true;
  const docx = async (path: string, write: () => Promise<Uint8Array>): Promise<OutputFile[]> => (withDocx ? [{ path: docxPath(path), bytes: await write() }] : []);
  const labels = (items: readonly AnalyzedItem[]) => items.map((i) => ctx.label(i));

  const campaignIds = new Set(tracked.map((t) => t.id));
  const reminderPlans = planned.reminders.map((r) => r.plan);
  const reminders: RenderUnit[] = planned.reminders.map(({ plan, path }) => ({
    key: ['letter', plan, ctx.label(plan.item), path],
    render: async () => [{ path, bytes: reminderPdf(ctx, fonts(), plan) }, ...(await docx(path, () => letterDocx(ctx, plan, kit())))],
  }));
  if (planned.reminderBatch !== null && planned.reminderCsv !== null) {
    const batch = planned.reminderBatch;
    const csv = planned.reminderCsv;
    reminders.push({ key: ['batch', reminderPlans, labels(reminderPlans.map((p) => p.item)), batch], render: () => [{ path: batch, bytes: reminderBatchPdf(ctx, fonts(), reminderPlans) }] });
    reminders.push({
      key: null,
      render: () => [
        {
          path: csv,
          bytes: reminderCsv(
            ctx,
            reminderPlans.filter((p) => !campaignIds.has(p.item.id)),
          ),
        },
      ],
    });
  }

  const assignments: RenderUnit[] = planned.assignments.map(({ plan, path }) => ({
    key: ['assignment', plan, labels(plan.items), path],
    render: async () => {
      // One layout for both: the DOCX puts its 版记 where the PDF's pages put it.
      const bands = assignmentBands(ctx, plan);
      return [{ path, bytes: assignmentPdf(ctx, fonts(), plan, bands) }, ...(await docx(path, () => assignmentDocx(ctx, plan, kit(), bands)))];
    },
  }));
  const registerPath = planned.registerCsv;
  if (registerPath !== null) {
    const unregistered = planned.assignments.map((a) => a.plan).filter((p) => !p.registered);
    assignments.push({
      key: null,
      render: () => [
        {
          path: registerPath,
          bytes: registerCsv(
            ctx,
            unregistered.map((p) => ({ ...p, title: assignmentTitle(ctx, p) })),
          ),
        },
      ],
    });
  }

  const formLabels = planned.forms.map((f) => ctx.label(f.item));
  const forms: OutputPlan = {
    units: planned.forms.map(({ item, path }, i) => ({
      key: ['form', item, formLabels[i], path],
      render: async () => [{ path, bytes: registrationPdf(ctx, fonts(), item, formLabels[i]) }, ...(await docx(path, () => formDocx(ctx, item, formLabels[i] ?? item.id, kit())))],
    })),
    // Many forms go to worker threads (form-pool.ts), which draw the same bytes.
    renderMany: async (indices, onDrawn) => {
      const drawn =
        indices.length >= PARALLEL_FROM
          ? await drawFormFilesInWorkers(
              { templatesDir: assets().templatesDir, config, asOf: ctx.asOf, items: indices.map((i) => planned.forms[i]!.item), labels: indices.map((i) => formLabels[i]!), docx: withDocx },
              onDrawn,
            )
          : null;
      if (drawn === null) {
        const out: OutputFile[][] = [];
        for (const i of indices) {
          out.push(await forms.units[i]!.render());
          onDrawn(1);
        }
        return out;
      }
      return indices.map((i, k) => {
        const path = planned.forms[i]!.path;
        return [{ path, bytes: drawn.pdf[k]! }, ...(withDocx ? [{ path: docxPath(path), bytes: drawn.docx[k]! }] : [])];
      });
    },
  };

  const dues: RenderUnit[] = planned.dues.map(({ plan, path }) => ({
    key: ['due', plan, labels(plan.items), path],
    render: async () => {
      const bands = dueReminderBands(ctx, plan);
      return [{ path, bytes: dueReminderPdf(ctx, fonts(), plan, bands) }, ...(await docx(path, () => dueReminderDocx(ctx, plan, kit(), bands)))];
    },
  }));
  return { reminders: { units: reminders }, assignments: { units: assignments }, forms, dues: { units: dues } };
}

/**
 * Every formal document of the run, paths relative to out/, drawn at once (no memo). Same data and
 * as-of date → same bytes. `tracked` are campaign rows followed like 督办 items (自查/整改 with a
 * deadline): they get 催办通知 and 到期提醒, but no 登记表 and no line in the reminder CSV, whose
 * ids must be 督办事项 ids.
 */
export async function renderFormalDocuments(
  analysis: Analysis,
  config: OfficeConfig,
  assets: PdfAssets,
  tracked: readonly AnalyzedItem[] = [],
  options: { docx?: boolean } = {},
): Promise<OutputFile[]> {
  const p = formalPlans({ analysis, config, assets: () => assets, say: assets.say, tracked, docx: options.docx });
  return renderPlans([p.reminders, p.assignments, p.forms, p.dues]);
}
