/**
 * The office's desk (out/internal/index.html): what needs doing today, from the build's analysis
 * and the files the build writes. Internal, so it shows what the editions never do (units' text,
 * requests, reminders, file names and rows); every value is still ledger text, printed by the
 * template through Handlebars' escaping only. Links are relative to internal/ and come from the
 * renderers' own file plans, so each one names a file of this build.
 */
import { NO_LEAD_UNIT, type Analysis, type AnalyzedItem, type Status } from '../../model/analysis.ts';
import { addDays, chineseDate, toDayNumber, type IsoDate } from '../../model/dates.ts';
import type { Issue } from '../../model/issue.ts';
import { terminalText } from '../../model/control-chars.ts';
import { compareZh } from '../../model/text-order.ts';
import { rateWord } from '../words.ts';
import type { FormalFiles } from '../pdf/index.ts';
import type { planSubmissionReminderFiles } from '../campaign.ts';
import { safeName } from '../pdf/filenames.ts';
import type { OutputFile } from '../../model/output.ts';
import { trendChart, type TrendChart, type TrendPoint } from './desk-chart.ts';
import type { SiteTemplates } from './templates.ts';

/** The desk and its stylesheet, relative to out/. */
export const DESK_PAGE = 'internal/index.html';
export const DESK_ASSETS = 'internal/assets/';
export const DESK_CSS = `${DESK_ASSETS}desk.css`;
const BASE = 'internal/';
/** Spec §2.10: the fill-in workbooks, internal/进展反馈表/<unit>.xlsx. */
const FEEDBACK_FOLDER = `${BASE}进展反馈表/`;

/** Errors listed per file; the rest are counted, and all of them are in analysis.json. */
const ERRORS_PER_FILE = 100;

export interface DeskInput {
  analysis: Analysis;
  /** planFormalFiles of this build. */
  formal: FormalFiles;
  /** planSubmissionReminderFiles of this build. */
  submissions: ReturnType<typeof planSubmissionReminderFiles>;
  /** Oldest month first, the month under way last. */
  history: readonly TrendPoint[];
  /** Every path (relative to out/) this build writes, for the files of other stages the desk points to. */
  built: readonly string[];
  /** How documents name an item (DocContext.label). */
  label: (item: AnalyzedItem) => string;
  organization: string;
  officeName: string;
}

const OPEN: ReadonlySet<Status> = new Set(['overdue', 'due_soon', 'on_track', 'ongoing', 'no_deadline']);

/** An out/ path as a link from internal/index.html: relative, each segment percent-encoded (a `%` or `#` in a name stays a name). */
export function deskHref(outPath: string): string {
  const rel = outPath.startsWith(BASE) ? outPath.slice(BASE.length) : `../${outPath}`;
  return rel
    .split('/')
    .map((s) => (s === '..' ? s : encodeURIComponent(s)))
    .join('/');
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Monday to Sunday of the as-of date's week. */
export function weekOf(asOf: IsoDate): { monday: IsoDate; sunday: IsoDate } {
  const weekday = (((toDayNumber(asOf) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
  const monday = addDays(asOf, -weekday);
  return { monday, sunday: addDays(monday, 6) };
}

const byId = (a: AnalyzedItem, b: AnalyzedItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildDesk(input: DeskInput) {
  const { analysis, formal, label } = input;
  const formOf = new Map(formal.forms.map((f) => [f.item.id, deskHref(f.path)]));
  const unitOf = (item: AnalyzedItem) => item.leadUnit ?? NO_LEAD_UNIT;
  const itemView = (item: AnalyzedItem) => ({ label: label(item), title: item.title, unit: unitOf(item), formHref: formOf.get(item.id) ?? null });
  const open = analysis.items.filter((i) => OPEN.has(i.status));

  const requests = analysis.items
    .filter((i) => i.request?.decision === 'pending')
    .sort((a, b) => (a.request!.on < b.request!.on ? -1 : a.request!.on > b.request!.on ? 1 : byId(a, b)))
    .map((item) => {
      const q = item.request!;
      return {
        ...itemView(item),
        unit: q.unit ?? unitOf(item),
        kind: q.kind,
        isExtension: q.kind === '延期',
        on: q.on,
        date: q.date ?? '',
        deadline: item.effectiveDeadline ?? '',
        text: q.text,
        checks: q.checks,
      };
    });
  const reviewFiles = input.built
    .filter((p) => p.startsWith(`${BASE}待审核/`))
    .sort()
    .map((p) => ({ name: fileName(p), href: deskHref(p) }));

  const letters = {
    reminders: formal.reminders.map(({ plan, path }) => ({
      unit: plan.unit,
      label: plan.label,
      title: plan.item.title,
      n: plan.n,
      escalated: plan.escalated,
      href: deskHref(path),
      overdueWorkdays: plan.item.overdueWorkdays,
    })),
    reminderBatch: formal.reminderBatch && { name: fileName(formal.reminderBatch), href: deskHref(formal.reminderBatch) },
    reminderCsv: formal.reminderCsv && { name: fileName(formal.reminderCsv), href: deskHref(formal.reminderCsv) },
    assignments: formal.assignments.map(({ plan, path }) => ({
      unit: plan.unit,
      docNo: plan.docNo,
      count: plan.items.length,
      registered: plan.registered,
      issuedOn: plan.issuedOn,
      href: deskHref(path),
    })),
    registerCsv: formal.registerCsv && { name: fileName(formal.registerCsv), href: deskHref(formal.registerCsv) },
    dues: formal.dues.map(({ plan, path }) => ({ unit: plan.unit, count: plan.items.length, href: deskHref(path) })),
    submissions: input.submissions.units.map(({ plan, path }) => ({
      unit: plan.unit,
      materials: [...new Set(plan.owed.map((o) => o.material))].join('、'),
      href: deskHref(path),
    })),
    submissionBatch: input.submissions.batch && { name: fileName(input.submissions.batch), href: deskHref(input.submissions.batch) },
    // The 催报通知 for missing feedback: the PDFs this build writes beside the feedback workbooks.
    feedbackReminders: input.built
      .filter((p) => p.startsWith(FEEDBACK_FOLDER) && p.endsWith('.pdf'))
      .sort()
      .map((p) => ({ name: fileName(p).replace(/\.pdf$/, ''), href: deskHref(p) })),
  };
  const letterCount = letters.reminders.length + letters.assignments.length + letters.dues.length + letters.submissions.length + letters.feedbackReminders.length;

  // Spec §2.10: out/internal/进展反馈表/<unit>.xlsx, linked when this build writes it.
  const workbooks = new Set(input.built.filter((p) => p.startsWith(FEEDBACK_FOLDER)));
  const missingByUnit = new Map<string, AnalyzedItem[]>();
  for (const item of open) if (item.feedbackStatus === 'missing') missingByUnit.set(unitOf(item), [...(missingByUnit.get(unitOf(item)) ?? []), item]);
  const feedbackMissing = [...missingByUnit.keys()].sort(compareZh).map((unit) => {
    const items = missingByUnit.get(unit)!.sort(byId);
    const workbook = `${FEEDBACK_FOLDER}${safeName(unit)}.xlsx`;
    return {
      unit,
      count: items.length,
      due: items[0]!.feedbackDue ?? '',
      items: items.map(itemView),
      workbook: workbooks.has(workbook) ? { name: fileName(workbook), href: deskHref(workbook) } : null,
    };
  });

  const week = weekOf(analysis.asOf);
  const dueThisWeek = open
    .filter((i) => i.status !== 'overdue' && i.effectiveDeadline !== null && i.effectiveDeadline >= analysis.asOf && i.effectiveDeadline <= week.sunday)
    .sort((a, b) => (a.effectiveDeadline! < b.effectiveDeadline! ? -1 : a.effectiveDeadline! > b.effectiveDeadline! ? 1 : byId(a, b)))
    .map((item) => ({ ...itemView(item), deadline: item.effectiveDeadline!, today: item.effectiveDeadline === analysis.asOf, workdaysLeft: item.workdaysLeft ?? 0 }));

  const escalated = open
    .filter((i) => i.escalate)
    .sort((a, b) => b.reminders - a.reminders || byId(a, b))
    .map((item) => ({ ...itemView(item), reminders: item.reminders, lastReminderOn: item.lastReminderOn ?? '', overdueWorkdays: item.overdueWorkdays, deadline: item.effectiveDeadline ?? '' }));

  const errorsByFile = new Map<string, Issue[]>();
  for (const i of analysis.issues) if (i.severity === 'error') errorsByFile.set(i.file, [...(errorsByFile.get(i.file) ?? []), i]);
  const errors = [...errorsByFile.keys()].sort(compareZh).map((file) => {
    const list = errorsByFile.get(file)!;
    return {
      file,
      count: list.length,
      issues: list.slice(0, ERRORS_PER_FILE).map((i) => ({
        row: i.row ?? '',
        column: i.column ?? '',
        value: i.value === null ? '' : terminalText(i.value),
        message: i.message,
        hint: i.hint,
        code: i.code,
      })),
      more: Math.max(0, list.length - ERRORS_PER_FILE),
    };
  });
  const errorCount = errors.reduce((n, f) => n + f.count, 0);

  const units = analysis.units
    .filter((u) => u.total > 0)
    .map((u) => {
      const green = u.onTrack + u.ongoing;
      return {
        unit: u.unit,
        total: u.total,
        red: u.overdue,
        yellow: u.dueSoon,
        green,
        blue: u.done,
        gray: u.total - u.overdue - u.dueSoon - green - u.done,
        onTimeRate: rateWord(u.onTimeRate),
        feedbackMissing: u.feedbackMissing,
        coItems: u.coItems,
      };
    })
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || compareZh(a.unit, b.unit));

  const chart: TrendChart = trendChart(input.history);
  return {
    organization: input.organization,
    officeName: input.officeName,
    asOf: chineseDate(analysis.asOf),
    asOfIso: analysis.asOf,
    summary: {
      total: analysis.items.length,
      overdue: analysis.items.filter((i) => i.status === 'overdue').length,
      dueSoon: analysis.items.filter((i) => i.status === 'due_soon').length,
      requests: requests.length,
      letters: letterCount,
      feedbackMissing: feedbackMissing.reduce((n, u) => n + u.count, 0),
      dueThisWeek: dueThisWeek.length,
      escalated: escalated.length,
      errors: errorCount,
    },
    requests,
    reviewFiles,
    letters,
    hasLetters: letterCount > 0,
    feedbackMissing,
    week: { label: `${chineseDate(week.monday)}—${chineseDate(week.sunday)}` },
    dueThisWeek,
    escalated,
    errors,
    units,
    chart,
    analysisHref: deskHref('internal/analysis.json'),
  };
}

export type DeskData = ReturnType<typeof buildDesk>;

/** The desk page and its stylesheet. Pure: the same analysis, plans and templates give the same bytes. */
export function renderDesk(input: DeskInput, templates: Pick<SiteTemplates, 'pages' | 'deskCss'>): OutputFile[] {
  return [
    { path: DESK_PAGE, bytes: templates.pages.desk(buildDesk(input)) },
    { path: DESK_CSS, bytes: templates.deskCss },
  ];
}
