/** The campaign arrays of spec §5: self-checks, rectifications, regulations, submissions, disclosures. */
import type {
  DisclosureEntry, RectificationEntry, RegulationEntry, SelfCheckEntry, SubmissionEntry, SubmissionStatus,
} from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { Records } from '../model/records.ts';
import { compareZh } from '../aggregate/unit-stats.ts';
import { resolveDeadline } from './deadline-resolve.ts';
import { statusOf } from './item-status.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';
import { materialKind } from '../validate/submission-evidence.ts';

export interface CampaignContext {
  asOf: IsoDate;
  cal: WorkdayCalendar;
  dueSoonWorkdays: number;
}

const baseOf = (reportedOn: IsoDate | null, asOf: IsoDate) => reportedOn ?? `${asOf.slice(0, 4)}-01-01`;

export function analyzeSelfChecks(records: Records, ctx: CampaignContext): SelfCheckEntry[] {
  return records.selfChecks.map((r) => {
    const tracked = r.state !== '比较好';
    const resolved = tracked && r.deadlineSpec ? resolveDeadline(r.deadlineSpec, baseOf(r.reportedOn, ctx.asOf), ctx.cal) : null;
    const s = tracked
      ? statusOf({ done: false, closedUnfinished: false, completedOn: null, deadline: resolved?.deadline ?? null, ongoing: r.deadlineSpec?.ongoing ?? false }, ctx.asOf, ctx.cal, ctx.dueSoonWorkdays)
      : { status: 'no_deadline' as const, light: 'gray' as const };
    return {
      unit: r.unit, issuer: r.issuer, name: r.name, state: r.state, reason: r.reason, measure: r.measure,
      deadlineText: r.deadlineText, deadline: resolved?.deadline ?? null, status: s.status, light: s.light,
      file: r.file, row: r.row,
    };
  });
}

export function analyzeRectifications(records: Records, ctx: CampaignContext): RectificationEntry[] {
  return records.rectifications.map((r) => {
    const resolved = r.deadlineSpec ? resolveDeadline(r.deadlineSpec, baseOf(r.reportedOn, ctx.asOf), ctx.cal) : null;
    // 已完成 carries no date on the form, so it counts as done on time.
    const s = statusOf(
      { done: r.completion === '已完成', closedUnfinished: false, completedOn: null, deadline: resolved?.deadline ?? null, ongoing: r.deadlineSpec?.ongoing ?? false },
      ctx.asOf, ctx.cal, ctx.dueSoonWorkdays,
    );
    return {
      unit: r.unit, issuer: r.issuer, name: r.name, measure: r.measure, progress: r.progress, completion: r.completion,
      deadlineText: r.deadlineText, deadline: resolved?.deadline ?? null, status: s.status, light: s.light,
      file: r.file, row: r.row,
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
      name: r.name, docNo: r.docNo, issuer: r.issuer, year: r.year, state: r.state, ageYears: age,
      reviewDue: r.state === '现行' && age !== null && age >= 10, file: r.file, row: r.row,
    };
  });
}

export function analyzeSubmissions(records: Records, asOf: IsoDate): SubmissionEntry[] {
  const all = records.units.map((u) => u.name);
  const out: SubmissionEntry[] = [];
  for (const req of records.submissionRequirements) {
    const kind = materialKind(req.material);
    const units = req.units.length > 0 ? req.units : all;
    for (const unit of [...new Set(units)]) {
      // A form dated after T had not been sent yet at T (a past month's report must not count it).
      const evidence = records.submissionEvidence.filter(
        (e) => e.unit === unit && kind !== null && materialKind(e.material) === kind && (e.sentOn === null || e.sentOn <= asOf),
      );
      const dated = evidence.map((e) => e.sentOn).filter((d): d is IsoDate => d !== null).sort();
      const sent = evidence.length > 0;
      const sentOn = dated[0] ?? null;
      let status: SubmissionStatus;
      if (sent) status = sentOn !== null && sentOn > req.due ? 'sent_late' : 'sent_on_time';
      else status = asOf > req.due ? 'missing' : 'pending';
      out.push({ material: req.material, unit, due: req.due, sentOn, status });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || compareZh(a.material, b.material) || compareZh(a.unit, b.unit));
}

export function analyzeDisclosures(records: Records, asOf: IsoDate): DisclosureEntry[] {
  return records.disclosures.map((d) => ({
    category: d.category, title: d.title, audience: d.audience, unit: d.unit, form: d.form, dueOn: d.dueOn,
    publishedOn: d.publishedOn,
    late: d.dueOn !== null && (d.publishedOn !== null ? d.publishedOn > d.dueOn : asOf > d.dueOn),
    summary: d.summary, link: d.link, file: d.file, row: d.row,
  }));
}
