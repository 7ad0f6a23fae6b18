/**
 * `duban archive --year 2026`: out/archive/2026/, one folder per item closed that year (立卷归档,
 * seed 003 §三(七)). Each document is drawn again as it was issued, by the same renderers and file
 * plans as a build on that day: the ledgers are re-analyzed as of the day (reanalyze), so a letter
 * still on disk from that day's build and its archived copy are the same bytes.
 *   - 督办通知: the registered notice (发文登记, spec §2.12) that carried the item, as of its 发文日期;
 *   - 催办通知: one per counted reminder of the 催办记录, as of the reminder's date (the build of that
 *     day wrote the letter, then its 催办记录 CSV was saved into the data folder);
 *   - 登记表: as of the day the item was closed.
 * The archive is its own write scope (archive/<year>/): a build never touches it.
 */
import path from 'node:path';
import type { CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from './main.ts';
import type { Analysis, AnalyzedItem } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OutputFile } from '../model/output.ts';
import { analyzeLedgers, readLedgers, reanalyze, type Analyzed } from '../app/ledgers.ts';
import { calendarFor } from '../analyze/analyze.ts';
import { campaignTrackedItems } from '../aggregate/campaign-items.ts';
import { planFormalFiles } from '../render/pdf/index.ts';
import { docContext, type DocContext } from '../render/pdf/letters/context.ts';
import { reminderPdf } from '../render/pdf/letters/reminder-letter.ts';
import { assignmentPdf, assignmentTitle } from '../render/pdf/letters/assignment-notice.ts';
import { registrationPdf } from '../render/pdf/letters/registration-form.ts';
import { NameRegistry } from '../render/pdf/filenames.ts';
import { ARCHIVE_STEMS, archiveScope, renderArchiveFolder, renderYearCatalogue, type ArchiveDocument, type ArchivedFolder } from '../render/archive.ts';
import { officeAssets } from '../render/office-assets.ts';
import { writeOutputs } from '../write/write-outputs.ts';
import { installInterrupt } from '../app/interrupt.ts';
import { issueLines, styleFor } from './summary.ts';
import { formatMs } from './progress.ts';
import { writeNotes } from '../app/build.ts';
import { terminalJson, terminalText } from '../model/control-chars.ts';

const CLOSED = new Set(['done_on_time', 'done_late', 'closed_unfinished']);

export interface ArchiveResult {
  files: OutputFile[];
  folders: ArchivedFolder[];
  /** Chinese lines for the user: what a folder lacks and why. */
  notes: string[];
}

/** Items closed in `year` (办结日期 in it), as the archive files them: oldest first. */
export function closedIn(analysis: Analysis, year: number): AnalyzedItem[] {
  return analysis.items
    .filter((i) => CLOSED.has(i.status) && i.completedOn?.startsWith(`${year}-`))
    .sort((a, b) => (a.completedOn! < b.completedOn! ? -1 : a.completedOn! > b.completedOn! ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The 办结日期, or the later day the office approved the completion the unit asked for. */
function closedOnOf(item: AnalyzedItem): IsoDate {
  const q = item.request;
  const approved = q?.kind === '办结' && q.decision === 'approved' ? q.decidedOn : null;
  return approved !== null && approved > item.completedOn! ? approved : item.completedOn!;
}

type Task = { kind: 'notice'; id: string; docNo: string } | { kind: 'reminder'; id: string; n: number } | { kind: 'form'; id: string };

export async function renderArchive(a: Analyzed, year: number, ctx: { config: OfficeConfig; templatesDir: string }): Promise<ArchiveResult> {
  const { config } = ctx;
  const assets = officeAssets(ctx.templatesDir).pdf;
  const cal = calendarFor(a.records);
  const items = closedIn(a.analysis, year);
  const folderNotes = new Map<string, string[]>(items.map((i) => [i.id, []]));
  const unregistered = new Set<string>();

  // What to draw on which day; each day is analyzed once, then let go.
  const tasks = new Map<IsoDate, Task[]>();
  const add = (date: IsoDate, task: Task) => tasks.set(date, [...(tasks.get(date) ?? []), task]);
  for (const item of items) {
    const notice = registeredNotice(a, item);
    if (notice) add(notice.issuedOn, { kind: 'notice', id: item.id, docNo: notice.docNo });
    else {
      unregistered.add(item.id);
      folderNotes.get(item.id)!.push(item.docNo ? `督办通知${item.docNo}未在发文登记中登记，文号未固定，未归入本卷` : '发文登记中没有列出本事项的督办通知，本卷不含督办通知');
    }
    item.reminderDates.forEach((date, k) => add(date, { kind: 'reminder', id: item.id, n: k + 1 }));
    add(closedOnOf(item), { kind: 'form', id: item.id });
  }

  const drawn = new Map<string, ArchiveDocument[]>(items.map((i) => [i.id, []]));
  const labels = new Map<string, string>();
  for (const date of [...tasks.keys()].sort()) {
    const analysis = date === a.analysis.asOf ? a.analysis : reanalyze(a, date, config);
    const doc = docContext(analysis, config, assets.kit, assets.say);
    const plan = planFormalFiles(analysis, doc, campaignTrackedItems(analysis, cal));
    for (const task of tasks.get(date)!) {
      const out = drawn.get(task.id)!;
      const document = await drawTask(task, date, analysis, doc, plan, assets);
      if (document.ok) out.push(document.doc);
      else folderNotes.get(task.id)!.push(document.why);
      if (task.kind === 'form') labels.set(task.id, doc.label(analysis.items.find((i) => i.id === task.id)!));
    }
  }

  const root = archiveScope(year).replace(/\/$/, '');
  const names = new NameRegistry();
  const files: OutputFile[] = [];
  const folders: ArchivedFolder[] = [];
  const notes: string[] = [];
  const without: string[] = [];
  for (const item of items) {
    const label = labels.get(item.id) ?? item.id;
    const r = await renderArchiveFolder(
      root,
      names,
      {
        item,
        label,
        closedOn: closedOnOf(item),
        documents: drawn.get(item.id)!,
        feedback: a.records.feedback.filter((f) => f.itemId === item.id),
        reviews: a.records.reviews.filter((f) => f.itemId === item.id),
        reminders: a.records.reminders.filter((f) => f.itemId === item.id && f.date <= a.analysis.asOf),
        notes: folderNotes.get(item.id)!,
      },
      config,
    );
    files.push(...r.files);
    folders.push(r.folder);
    if (unregistered.has(item.id)) without.push(label);
    for (const n of folderNotes.get(item.id)!.slice(unregistered.has(item.id) ? 1 : 0)) notes.push(`${label}：${n}`);
  }
  if (without.length > 0) {
    const list = without.length > 10 ? `${without.slice(0, 10).join('、')}等` : without.join('、');
    notes.unshift(`${without.length} 项没有在发文登记中登记的督办通知，卷内不含督办通知（${list}）。督办通知的文号在保存「本次发文登记.csv」到数据目录后才固定。`);
  }
  files.push(await renderYearCatalogue(root, year, folders, config));
  return { files, folders, notes };
}

/** The 督办通知 in the 发文登记 that carries the item: the first registered (by 发文日期, then 文号), as analyze numbers them. */
function registeredNotice(a: Analyzed, item: AnalyzedItem): { docNo: string; issuedOn: IsoDate } | null {
  if (item.docNo === null) return null;
  const r = a.records.docRegister.find((d) => d.docNo === item.docNo && d.itemIds.includes(item.id));
  return r ? { docNo: r.docNo, issuedOn: r.issuedOn } : null;
}

async function drawTask(
  task: Task,
  date: IsoDate,
  analysis: Analysis,
  doc: DocContext,
  plan: ReturnType<typeof planFormalFiles>,
  assets: ReturnType<typeof officeAssets>['pdf'],
): Promise<{ ok: true; doc: ArchiveDocument } | { ok: false; why: string }> {
  if (task.kind === 'notice') {
    const notice = plan.assignments.find((p) => p.plan.docNo === task.docNo);
    if (!notice) return { ok: false, why: `督办通知${task.docNo}（${date}）重新生成时找不到其所列事项，未归入本卷` };
    const bytes = assignmentPdf(doc, assets.pageFonts, notice.plan);
    return {
      ok: true,
      doc: { kind: 'notice', bytes, title: assignmentTitle(doc, notice.plan), stem: ARCHIVE_STEMS.notice(task.docNo), docNo: task.docNo, date: notice.plan.issuedOn, note: `主送${notice.plan.unit}` },
    };
  }
  if (task.kind === 'reminder') {
    const letter = plan.reminders.find((r) => r.plan.item.id === task.id);
    // A reminder by telephone before the deadline, say: that day's build wrote no letter for it.
    if (!letter) return { ok: false, why: `第${task.n}次催办（${date}）当日事项不是逾期未办结，没有催办通知，见催办记录` };
    const bytes = reminderPdf(doc, assets.pageFonts, letter.plan);
    const title = `${doc.say('reminder.title', { organization: doc.config.organization })}${doc.say('reminder.ordinal', { n: letter.plan.n })}`;
    return { ok: true, doc: { kind: 'reminder', bytes, title, stem: ARCHIVE_STEMS.reminder(task.n, date), docNo: '', date, note: letter.plan.escalated ? '重点督办' : '' } };
  }
  const item = analysis.items.find((i) => i.id === task.id)!;
  const bytes = registrationPdf(doc, assets.pageFonts, item, doc.label(item));
  return { ok: true, doc: { kind: 'form', bytes, title: doc.say('form.title', { organization: doc.config.organization }), stem: ARCHIVE_STEMS.form(), docNo: '', date, note: '' } };
}

export async function runArchive(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io): Promise<number> {
  const t0 = performance.now();
  const year = o.year ?? Number(o.asOf.slice(0, 4));
  if (year > Number(o.asOf.slice(0, 4))) {
    io.err.write(`归档年度 ${year} 年尚未开始（统计日期 ${o.asOf}）。请检查 --year 或 --as-of。\n`);
    return 2;
  }
  const ledgers = await readLedgers(o.dataDir, config);
  const analyzed = analyzeLedgers(ledgers, o.asOf, config);
  const result = await renderArchive(analyzed, year, { config, templatesDir });
  const interrupt = installInterrupt((line) => io.err.write(line + '\n'));
  const written = await interrupt
    .writing(() => writeOutputs(o.outDir, result.files, [archiveScope(year)], { signal: interrupt.signal, onWait: () => io.err.write('输出目录正由另一个 duban 进程写入，等待它完成……\n') }))
    .finally(() => interrupt.dispose());
  const errors = analyzed.analysis.issues.filter((i) => i.severity === 'error').length + written.failed.length;
  const dir = path.join(o.outDir, 'archive', String(year));
  if (o.json) {
    io.out.write(
      terminalJson({
        year,
        asOf: o.asOf,
        outDir: dir,
        errors,
        folders: result.folders.map((f) => ({ id: f.item.id, closedOn: f.closedOn, folder: f.folder, files: f.files, pages: f.pages })),
        notes: result.notes,
        written: written.written.length,
        unchanged: written.unchanged.length,
        removed: written.removed,
      }) + '\n',
    );
  } else {
    const style = styleFor(io.out);
    const lines = [`${year}年立卷归档：${result.folders.length} 项办结事项，每项一卷，在 ${dir}`];
    lines.push(...issueLines(analyzed.analysis.issues, style, o.quiet ? 0 : 10));
    for (const n of result.notes.slice(0, 20)) lines.push(style.yellow(terminalText(n)));
    if (result.notes.length > 20) lines.push(style.yellow(`……共 ${result.notes.length} 条说明，见各卷卷内目录`));
    lines.push(...writeNotes(written, o.outDir).map(style.yellow));
    lines.push(`写入 ${written.written.length} 个文件，未变 ${written.unchanged.length} 个，删除 ${written.removed.length} 个，用时 ${formatMs(performance.now() - t0)}。`);
    io.out.write(lines.join('\n') + '\n');
  }
  return errors > 0 ? 1 : 0;
}
