/** One 督办事项 as of date T (spec §3–§4): deadlines, extension checks, status, reminders. */
import type { AnalyzedItem } from '../model/analysis.ts';
import { addMonths, type IsoDate } from '../model/dates.ts';
import { issue, type Issue } from '../model/issue.ts';
import type { ItemRecord } from '../model/records.ts';
import { defaultDeadline, resolveDeadline, uncoveredYears } from './deadline-resolve.ts';
import { statusOf } from './item-status.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';

export interface ItemContext {
  asOf: IsoDate;
  cal: WorkdayCalendar;
  dueSoonWorkdays: number;
  /** Reminder dates per item id, sorted, already limited to dates ≤ T. */
  reminders: ReadonlyMap<string, readonly IsoDate[]>;
}

/** 延期批准 is 党政办公室, 分管校领导 or the approving leader's name; only the office's own approval is not a leader's. */
const OFFICE_APPROVAL = /^$|办公室|党政办|党校办|办公厅/u;

export function analyzeItem(rec: ItemRecord, ctx: ItemContext, issues: Issue[]): AnalyzedItem {
  const { asOf, cal } = ctx;
  const at = { file: rec.file, row: rec.row };
  const base = rec.assignedOn ?? `${asOf.slice(0, 4)}-01-01`;
  const spans: [IsoDate, IsoDate][] = [];

  let deadline: IsoDate | null = null;
  let start: IsoDate | null = null;
  let ongoing = false;
  if (rec.deadlineSpec) {
    ongoing = rec.deadlineSpec.ongoing;
    if (rec.deadlineSpec.time) {
      ({ deadline, start } = resolveDeadline(rec.deadlineSpec, base, cal));
      if (rec.deadlineSpec.time.kind === 'workdays' && deadline) spans.push([base, deadline]);
    }
  } else {
    deadline = defaultDeadline(rec.source, base, cal);
    if (deadline && rec.source === '会议决策') spans.push([base, deadline]);
    if (!deadline) {
      issues.push(issue('warning', 'W_NO_DEADLINE', { ...at, column: '办结时限', value: '' },
        `事项「${rec.title}」没有办结时限`, '请填写办结时限（如「12月底前」「10个工作日内」），或在「来源」中注明会议决策（默认10个工作日）、年度重点工作（默认当年年底）。'));
    }
  }

  let extendedTo: IsoDate | null = null;
  if (rec.extensionSpec?.time) {
    extendedTo = resolveDeadline(rec.extensionSpec, deadline ?? base, cal).deadline;
    if (deadline && extendedTo) checkExtension(rec, deadline, extendedTo, cal, issues, spans);
  }
  const effectiveDeadline = extendedTo ?? deadline;

  const s = statusOf(
    {
      // Seen from a past date (an earlier month's report), work finished later was still open then.
      done: rec.state === '已办结' && (rec.completedOn === null || rec.completedOn <= asOf),
      closedUnfinished: rec.state === '无法办结',
      completedOn: rec.completedOn,
      deadline: effectiveDeadline,
      ongoing,
    },
    asOf, cal, ctx.dueSoonWorkdays,
  );
  if (effectiveDeadline && s.status !== 'done_on_time' && s.status !== 'closed_unfinished') {
    const end = s.status === 'done_late' ? rec.completedOn! : asOf;
    spans.push(effectiveDeadline < end ? [effectiveDeadline, end] : [end, effectiveDeadline]);
  }
  for (const year of new Set(spans.flatMap(([a, b]) => uncoveredYears(cal, a, b)))) {
    issues.push(issue('warning', 'W_CALENDAR_YEAR', { ...at, column: '办结时限', value: rec.deadlineText },
      `${year}年的法定节假日和调休安排未知，该年按周一至周五计算工作日`, `国务院公布${year}年节假日安排后，请在节假日台账中补充（日期、类型：休/班、名称）。`));
  }

  const reminderDates = [...(ctx.reminders.get(rec.id) ?? [])];
  return {
    id: rec.id,
    title: rec.title,
    source: rec.source,
    leadUnit: rec.leadUnit,
    coUnits: rec.coUnits,
    assignedOn: rec.assignedOn,
    deadlineText: rec.deadlineText,
    deadline,
    ongoing,
    extendedTo,
    effectiveDeadline,
    completedOn: rec.completedOn,
    status: s.status,
    light: s.light,
    overdueWorkdays: s.overdueWorkdays,
    overdueDays: s.overdueDays,
    workdaysLeft: s.workdaysLeft,
    reminders: reminderDates.length,
    escalate: reminderDates.length >= 3,
    audience: rec.audience,
    file: rec.file,
    row: rec.row,
    warnings: [],
    text: rec.text,
    seq: rec.seq,
    basis: rec.basis,
    responsible: rec.responsible,
    state: rec.state,
    progress: rec.progress,
    deadlineStart: start,
    extensionText: rec.extensionText,
    extensionAppliedOn: rec.extensionAppliedOn,
    extensionApprovedBy: rec.extensionApprovedBy,
    reminderDates,
    lastReminderOn: reminderDates.at(-1) ?? null,
    lateWorkdays: s.lateWorkdays,
    docNo: null,
  };
}

/** Seed 004 art. 22: apply at least 5 working days before the deadline; over 3 months needs 分管校领导. */
function checkExtension(rec: ItemRecord, deadline: IsoDate, extendedTo: IsoDate, cal: WorkdayCalendar, issues: Issue[], spans: [IsoDate, IsoDate][]) {
  const at = { file: rec.file, row: rec.row };
  if (rec.extensionAppliedOn) {
    const lead = rec.extensionAppliedOn < deadline ? cal.workdaysBetween(rec.extensionAppliedOn, deadline) : 0;
    spans.push(rec.extensionAppliedOn < deadline ? [rec.extensionAppliedOn, deadline] : [deadline, rec.extensionAppliedOn]);
    if (lead < 5) {
      issues.push(issue('warning', 'W_LATE_EXTENSION', { ...at, column: '延期申请日期', value: rec.extensionAppliedOn },
        `延期申请日期 ${rec.extensionAppliedOn} 距原办结时限 ${deadline} 不足5个工作日（${lead}个）`, '按规定，延期申请最迟应在办结时限前5个工作日提出；请核实并在备注中说明情况。'));
    }
  }
  if (extendedTo > addMonths(deadline, 3) && OFFICE_APPROVAL.test(rec.extensionApprovedBy.trim())) {
    issues.push(issue('warning', 'W_LONG_EXTENSION', { ...at, column: '延期批准', value: rec.extensionApprovedBy },
      `延期超过3个月（${deadline} → ${extendedTo}），但没有分管校领导批准`, '延期超过3个月的事项须经分管校领导确定；请在「延期批准」填写「分管校领导」或批准人姓名。'));
  }
}
