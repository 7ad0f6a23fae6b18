/** The campaign arrays of spec §5: self-checks, rectifications, regulations, submissions, disclosures. */
import type { DisclosureEntry, RectificationEntry, RegulationEntry, SelfCheckEntry, SubmissionEntry, SubmissionStatus } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { Records } from '../model/records.ts';
import { compareZh } from '../model/text-order.ts';
import { resolveDeadline } from './deadline-resolve.ts';
import { statusOf } from './item-status.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';
import type { DeadlineSpec } from '../validate/deadline-grammar.ts';
import { materialKind } from '../validate/submission-evidence.ts';

export interface CampaignContext {
  asOf: IsoDate;
  cal: WorkdayCalendar;
  dueSoonWorkdays: number;
}

const baseOf = (reportedOn: IsoDate | null, asOf: IsoDate) => reportedOn ?? `${asOf.slice(0, 4)}-01-01`;

/** A campaign row followed like a 督办 item: its deadline from the form's 时限, counted from 填报日期. */
function track(spec: DeadlineSpec | null, reportedOn: IsoDate | null, done: boolean, ctx: CampaignContext) {
  const deadline = spec ? resolveDeadline(spec, baseOf(reportedOn, ctx.asOf), ctx.cal).deadline : null;
  const s = statusOf({ done, closedUnfinished: false, completedOn: null, deadline, ongoing: spec?.ongoing ?? false }, ctx.asOf, ctx.cal, ctx.dueSoonWorkdays);
  return { deadline, status: s.status, light: s.light };
}

export function analyzeSelfChecks(records: Records, ctx: CampaignContext): SelfCheckEntry[] {
  return records.selfChecks.map((r) => {
    // 比较好 needs no rectification: nothing to follow.
    const t = r.state === '比较好' ? { deadline: null, status: 'no_deadline' as const, light: 'gray' as const } : track(r.deadlineSpec, r.reportedOn, false, ctx);
    return {
      unit: r.unit,
      issuer: r.issuer,
      name: r.name,
      state: r.state,
      reason: r.reason,
      measure: r.measure,
      deadlineText: r.deadlineText,
      deadline: t.deadline,
      status: t.status,
      light: t.light,
      file: r.file,
      row: r.row,
      reportedOn: r.reportedOn,
      seq: r.seq,
    };
  });
}

export function analyzeRectifications(records: Records, ctx: CampaignContext): RectificationEntry[] {
  return records.rectifications.map((r) => {
    // 已完成 carries no date on the form, so it counts as done on time.
    const t = track(r.deadlineSpec, r.reportedOn, r.completion === '已完成', ctx);
    return {
      unit: r.unit,
      issuer: r.issuer,
      name: r.name,
      measure: r.measure,
      progress: r.progress,
      completion: r.completion,
      deadlineText: r.deadlineText,
      deadline: t.deadline,
      status: t.status,
      light: t.light,
      file: r.file,
      row: r.row,
      reportedOn: r.reportedOn,
      seq: r.seq,
    };
  });
}

/** Issued in year Y it is ≥ 10 years old from 1 January of Y + 10 on (by 发布日期 when known). */
export function analyzeRegulations(records: Records, asOf: IsoDate): RegulationEntry[] {
  return records.regulations.map((r) => {
    let age: number | null = null;
    if (r.issuedOn) {
      age = Number(asOf.slice(0, 4)) - Number(r.issuedOn.slice(0, 4));
      if (asOf.slice(5) < r.issuedOn.slice(5)) age -= 1;
    } else if (r.year !== null) {
      age = Number(asOf.slice(0, 4)) - r.year;
    }
    return {
      name: r.name,
      docNo: r.docNo,
      issuer: r.issuer,
      year: r.year,
      state: r.state,
      ageYears: age,
      reviewDue: r.state === '现行' && age !== null && age >= 10,
      file: r.file,
      row: r.row,
    };
  });
}

/** `cal` counts how many working days a missing form is overdue, as for items (spec §4). */
export function analyzeSubmissions(records: Records, asOf: IsoDate, cal: WorkdayCalendar): SubmissionEntry[] {
  const all = records.units.map((u) => u.name);
  const out: SubmissionEntry[] = [];
  for (const req of records.submissionRequirements) {
    const kind = materialKind(req.material);
    const units = req.units.length > 0 ? req.units : all;
    for (const unit of [...new Set(units)]) {
      // A form dated after T had not been sent yet at T (a past month's report must not count it).
      const evidence = records.submissionEvidence.filter((e) => e.unit === unit && kind !== null && materialKind(e.material) === kind && (e.sentOn === null || e.sentOn <= asOf));
      const dated = evidence
        .map((e) => e.sentOn)
        .filter((d): d is IsoDate => d !== null)
        .sort();
      const sent = evidence.length > 0;
      const sentOn = dated[0] ?? null;
      let status: SubmissionStatus;
      if (sent) status = sentOn !== null && sentOn > req.due ? 'sent_late' : 'sent_on_time';
      else status = asOf > req.due ? 'missing' : 'pending';
      const overdueWorkdays = status === 'missing' ? cal.workdaysBetween(req.due, asOf) : null;
      out.push({ material: req.material, unit, due: req.due, sentOn, status, overdueWorkdays });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || compareZh(a.material, b.material) || compareZh(a.unit, b.unit));
}

export function analyzeDisclosures(records: Records, asOf: IsoDate): DisclosureEntry[] {
  return records.disclosures.map((d) => ({
    category: d.category,
    title: d.title,
    audience: d.audience,
    unit: d.unit,
    form: d.form,
    dueOn: d.dueOn,
    publishedOn: d.publishedOn,
    late: d.dueOn !== null && (d.publishedOn !== null ? d.publishedOn > d.dueOn : asOf > d.dueOn),
    summary: d.summary,
    link: d.link,
    file: d.file,
    row: d.row,
  }));
}
