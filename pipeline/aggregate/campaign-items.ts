/**
 * Tracked campaign rows as 督办-shaped items, so 到期提醒 and 催办通知 reach them like any 督办事项
 * (seed 000: 查摆问题…挂号督办、销号落实). They go to the formal-documents renderer only, never
 * into analysis.json `items`.
 *
 * Which rows: 自查表 rows other than 比较好, and 整改表 rows 近期完成 / 限期完成. The 整改表 is the
 * later word on the same regulation, so a self-check row of a unit whose 整改表 names the same
 * 制度名称 is left out — the unit gets one letter per regulation, under the 整改表's 时限.
 */
import type { Analysis, AnalyzedItem, RectificationEntry, SelfCheckEntry } from '../model/analysis.ts';
import { daysBetween } from '../model/dates.ts';
import type { WorkdayCalendar } from '../analyze/workday-calendar.ts';
import { NO_REPORTING_UNIT, byUnitThenPlace } from './campaign-tables.ts';

/** The whole title on a letter stays readable; the full measure is kept in `text`. */
const TITLE_MEASURE_CHARS = 60;
const ONGOING = /常态化|长期|持续/u;

/**
 * `cal`: the run's working-day calendar (analyze.calendarFor(records)); without it the working-day
 * counts (overdueWorkdays, workdaysLeft) stay null and only calendar days are given.
 */
export function campaignTrackedItems(analysis: Pick<Analysis, 'asOf' | 'selfChecks' | 'rectifications'>, cal?: WorkdayCalendar): AnalyzedItem[] {
  const rectified = new Set(analysis.rectifications.map((r) => regulationKey(r)));
  const ids = new Set<string>();
  const out: AnalyzedItem[] = [];
  for (const s of byUnitThenPlace(analysis.selfChecks)) {
    if (s.state === '比较好' || rectified.has(regulationKey(s))) continue;
    const state = s.reason ? `${s.state}（${s.reason}）` : s.state;
    out.push(toItem('自查', s, state, state, analysis.asOf, ids, cal));
  }
  for (const r of byUnitThenPlace(analysis.rectifications)) {
    if (r.completion === '已完成') continue;
    out.push(toItem('整改', r, r.completion, r.progress, analysis.asOf, ids, cal));
  }
  return out;
}

type Row = SelfCheckEntry | RectificationEntry;

/** `state`: the 执行现状 (with its reason) of a 自查 row, 近期完成 / 限期完成 of a 整改 row. */
function toItem(kind: '自查' | '整改', row: Row, state: string, progress: string, asOf: string, ids: Set<string>, cal: WorkdayCalendar | undefined): AnalyzedItem {
  const name = row.name.replace(/^《|》$/gu, '');
  const measure = row.measure.trim();
  const text = `落实《${name}》整改：${measure}`;
  const short = Array.from(measure).length > TITLE_MEASURE_CHARS ? `${Array.from(measure).slice(0, TITLE_MEASURE_CHARS).join('')}…` : measure;
  const { deadline, status } = row;
  const overdue = status === 'overdue' && deadline !== null;
  const ahead = (status === 'due_soon' || status === 'on_track') && deadline !== null;
  return {
    id: uniqueId(`${kind}-${row.unit ?? NO_REPORTING_UNIT}-${row.row}`, ids),
    title: `落实《${name}》整改：${short}`,
    source: '其他',
    leadUnit: row.unit,
    coUnits: [],
    assignedOn: null,
    deadlineText: row.deadlineText,
    deadline,
    ongoing: ONGOING.test(row.deadlineText),
    extendedTo: null,
    effectiveDeadline: deadline,
    completedOn: null,
    status,
    light: row.light,
    overdueWorkdays: overdue && cal ? cal.workdaysBetween(deadline, asOf) : null,
    overdueDays: overdue ? daysBetween(deadline, asOf) : null,
    workdaysLeft: ahead && cal ? cal.workdaysBetween(asOf, deadline) : null,
    reminders: 0,
    escalate: false,
    audience: '不公开',
    file: row.file,
    row: row.row,
    warnings: [],
    text,
    seq: null,
    basis: kind === '自查' ? `制度执行情况自查表（${row.file}）` : `制度执行情况整改表（${row.file}）`,
    responsible: '',
    state: '办理中',
    progress,
    deadlineStart: null,
    extensionText: '',
    extensionAppliedOn: null,
    extensionApprovedBy: '',
    reminderDates: [],
    lastReminderOn: null,
    lateWorkdays: null,
    docNo: null,
    feedback: null,
    feedbackDue: null,
    feedbackStatus: null,
    request: null,
    campaign: { kind, reportedOn: row.reportedOn, seq: row.seq, regulation: name, state, measure },
  };
}

/** The same unit may send two forms (a corrected one): the later rows get -2, -3 in file order. */
function uniqueId(base: string, ids: Set<string>): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

/** Same regulation of the same unit, however the name was bracketed or spaced. */
function regulationKey(row: { unit: string | null; name: string }): string {
  return `${row.unit ?? ''}\u0000${row.name.replace(/[《》\s\u3000]/gu, '')}`;
}
