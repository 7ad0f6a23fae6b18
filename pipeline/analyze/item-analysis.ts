/** One 督办事项 as of date T (spec §3–§4): deadlines, extension checks, status, reminders. */
import type { AnalyzedItem } from '../model/analysis.ts';
import { ESCALATE_AT } from '../model/rules.ts';
import type { IsoDate } from '../model/dates.ts';
import { issue, type Issue } from '../model/issue.ts';
import type { ItemRecord } from '../model/records.ts';
import { defaultDeadline, resolveDeadline, uncoveredYearsOf } from './deadline-resolve.ts';
import { statusOf } from './item-status.ts';
import { analyzeMilestones, lastMilestoneDeadline, periodDue, stageStatus } from './item-milestones.ts';
import { extensionProblems } from './extension-rules.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';

export interface ItemContext {
  asOf: IsoDate;
  cal: WorkdayCalendar;
  dueSoonWorkdays: number;
  /** Reminder dates per item id, sorted, already limited to dates ≤ T. */
  reminders: ReadonlyMap<string, readonly IsoDate[]>;
}

export function analyzeItem(rec: ItemRecord, ctx: ItemContext, issues: Issue[]): AnalyzedItem {
  const { asOf, cal } = ctx;
  const at = { file: rec.file, row: rec.row };
  const base = rec.assignedOn ?? `${asOf.slice(0, 4)}-01-01`;
  const spans: [IsoDate, IsoDate][] = [];

  let deadline: IsoDate | null = null;
  let start: IsoDate | null = null;
  let ongoing = false;
  const done = rec.state === '已办结' && (rec.completedOn === null || rec.completedOn <= asOf);
  // 时序进度 (item-milestones.ts): each milestone its own date and status; the last one is the deadline when 办结时限 is empty.
  const milestones = analyzeMilestones(rec.milestones ?? [], {
    asOf,
    cal,
    dueSoonWorkdays: ctx.dueSoonWorkdays,
    base,
    item: { done, completedOn: rec.completedOn, closedUnfinished: rec.state === '无法办结' },
  });
  const every = rec.deadlineSpec?.every ?? null;
  if (rec.deadlineSpec) {
    ongoing = rec.deadlineSpec.ongoing;
    if (rec.deadlineSpec.time) {
      ({ deadline, start } = resolveDeadline(rec.deadlineSpec, base, cal));
      if (rec.deadlineSpec.time.kind === 'workdays' && deadline) spans.push([base, deadline]);
    }
    // 每月, 每季度: the due date of its progress is this period's, until a stated deadline passes.
    if (every) {
      const due = periodDue(every, asOf);
      deadline = deadline === null || due <= deadline ? due : deadline;
    }
  } else if (lastMilestoneDeadline(milestones) !== null) {
    deadline = lastMilestoneDeadline(milestones);
  } else {
    deadline = defaultDeadline(rec.source, base, cal);
    if (deadline && rec.source === '会议决策') spans.push([base, deadline]);
    if (!deadline) {
      issues.push(
        issue(
          'warning',
          'W_NO_DEADLINE',
          { file: at.file, row: at.row, column: '办结时限', value: '' },
          `事项「${rec.title}」没有办结时限`,
          '请填写办结时限（如「12月底前」「10个工作日内」），或在「来源」中注明会议决策（默认10个工作日）、年度重点工作（默认当年年底）。',
        ),
      );
    }
  }

  let extendedTo: IsoDate | null = null;
  if (rec.extensionSpec?.time) {
    extendedTo = resolveDeadline(rec.extensionSpec, deadline ?? base, cal).deadline;
    if (deadline && extendedTo) checkExtension(rec, deadline, extendedTo, cal, issues, spans);
  }
  const effectiveDeadline = extendedTo ?? deadline;

  let s = statusOf(
    {
      // Seen from a past date (an earlier month's report), work finished later was still open then.
      done,
      closedUnfinished: rec.state === '无法办结',
      completedOn: rec.completedOn,
      deadline: effectiveDeadline,
      ongoing,
    },
    asOf,
    cal,
    ctx.dueSoonWorkdays,
  );
  // Recurring work is ongoing between its checks; a missed or coming milestone decides the stage (item-milestones.ts).
  if (every && s.status === 'on_track') {
    s.status = 'ongoing';
    s.light = 'green';
  }
  const stage = stageStatus(s, milestones, { asOf, cal });
  if (stage) s = stage.result;
  if (effectiveDeadline && s.status !== 'done_on_time' && s.status !== 'closed_unfinished') {
    const end = s.status === 'done_late' ? rec.completedOn! : asOf;
    spans.push(effectiveDeadline < end ? [effectiveDeadline, end] : [end, effectiveDeadline]);
  }
  for (const year of uncoveredYearsOf(cal, spans)) {
    issues.push(
      issue(
        'warning',
        'W_CALENDAR_YEAR',
        { file: at.file, row: at.row, column: '办结时限', value: rec.deadlineText },
        `${year}年的法定节假日和调休安排未知，该年按周一至周五计算工作日`,
        `国务院公布${year}年节假日安排后，请在节假日台账中补充（日期、类型：休/班、名称）。`,
      ),
    );
  }

  const reminderDates = ctx.reminders.get(rec.id)?.slice() ?? [];
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
    escalate: reminderDates.length >= ESCALATE_AT,
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
    feedback: null,
    feedbackDue: null,
    feedbackStatus: null,
    request: null,
    section: rec.section ?? null,
    milestones,
    dueMilestone: stage?.milestone ?? null,
    recurring: every?.period ?? null,
  };
}

/** Seed 004 art. 22: apply at least 5 working days before the deadline; over 3 months needs 分管校领导. */
function checkExtension(rec: ItemRecord, deadline: IsoDate, extendedTo: IsoDate, cal: WorkdayCalendar, issues: Issue[], spans: [IsoDate, IsoDate][]) {
  const at = { file: rec.file, row: rec.row };
  if (rec.extensionAppliedOn) spans.push(rec.extensionAppliedOn < deadline ? [rec.extensionAppliedOn, deadline] : [deadline, rec.extensionAppliedOn]);
  for (const p of extensionProblems({ deadline, to: extendedTo, appliedOn: rec.extensionAppliedOn, approvedBy: rec.extensionApprovedBy }, cal)) {
    const column = p.code === 'W_LATE_EXTENSION' ? '延期申请日期' : '延期批准';
    issues.push(issue('warning', p.code, { file: at.file, row: at.row, column, value: p.code === 'W_LATE_EXTENSION' ? (rec.extensionAppliedOn ?? '') : rec.extensionApprovedBy }, p.message, p.hint));
  }
}
