/**
 * Counts of the campaign ledgers (seed 000: 自查表, 整改表, 报送要求, 制度目录), one definition for
 * the monthly report and the campus bulletin. Numbers only: no unit names, no remarks, nothing a
 * unit wrote in 具体执行情况 or 落实情况, so the result can go wherever the counts may be shown.
 */
import type { Analysis, SubmissionStatus } from '../model/analysis.ts';
import { COMPLETIONS, EXECUTION_STATES, type Completion, type ExecutionState } from '../model/records.ts';

type CampaignArrays = Pick<Analysis, 'selfChecks' | 'rectifications' | 'regulations' | 'submissions'>;

export interface CampaignCounts {
  selfChecks: {
    /** Rows of all 自查表. */
    total: number;
    /** Units that sent a 自查表. */
    units: number;
    byState: Record<ExecutionState, number>;
    /** Rows other than 比较好: tracked like 督办事项. */
    tracked: number;
    /** Tracked rows whose 整改时限 has passed. */
    overdue: number;
  };
  rectifications: {
    total: number;
    units: number;
    byCompletion: Record<Completion, number>;
    /** 已完成. */
    done: number;
    /** Not done and 整改时限 passed. */
    overdue: number;
    /** Not done, due within the due-soon window. */
    dueSoon: number;
    /** Not done, not overdue (including due soon). */
    inProgress: number;
  };
  submissions: {
    /** Requirement × unit pairs. */
    required: number;
    sent: number;
    sentOnTime: number;
    sentLate: number;
    /** Due date passed, nothing sent. */
    missing: number;
    /** Not sent, not yet due. */
    pending: number;
    /** Units owing at least one overdue form. */
    missingUnits: number;
  };
  regulations: {
    total: number;
    /** 现行. */
    inForce: number;
    /** 现行 and 10 years old or more: must be reviewed (seed 000). */
    reviewDue: number;
  };
}

export function hasCampaignData(a: CampaignArrays): boolean {
  return a.selfChecks.length + a.rectifications.length + a.regulations.length + a.submissions.length > 0;
}

/** null when the analysis holds no campaign ledger at all. */
export function campaignCounts(a: CampaignArrays): CampaignCounts | null {
  if (!hasCampaignData(a)) return null;
  const byState = zeroes(EXECUTION_STATES);
  for (const s of a.selfChecks) byState[s.state] += 1;
  const tracked = a.selfChecks.filter((s) => s.state !== '比较好');

  const byCompletion = zeroes(COMPLETIONS);
  for (const r of a.rectifications) byCompletion[r.completion] += 1;
  const open = a.rectifications.filter((r) => r.completion !== '已完成');
  const overdue = open.filter((r) => r.status === 'overdue').length;

  const sub = (s: SubmissionStatus) => a.submissions.filter((e) => e.status === s).length;
  return {
    selfChecks: {
      total: a.selfChecks.length,
      units: distinct(a.selfChecks.map((s) => s.unit)),
      byState,
      tracked: tracked.length,
      overdue: tracked.filter((s) => s.status === 'overdue').length,
    },
    rectifications: {
      total: a.rectifications.length,
      units: distinct(a.rectifications.map((r) => r.unit)),
      byCompletion,
      done: byCompletion.已完成,
      overdue,
      dueSoon: open.filter((r) => r.status === 'due_soon').length,
      inProgress: open.length - overdue,
    },
    submissions: {
      required: a.submissions.length,
      sent: sub('sent_on_time') + sub('sent_late'),
      sentOnTime: sub('sent_on_time'),
      sentLate: sub('sent_late'),
      missing: sub('missing'),
      pending: sub('pending'),
      missingUnits: distinct(a.submissions.filter((e) => e.status === 'missing').map((e) => e.unit)),
    },
    regulations: {
      total: a.regulations.length,
      inForce: a.regulations.filter((r) => r.state === '现行').length,
      reviewDue: a.regulations.filter((r) => r.reviewDue).length,
    },
  };
}

/**
 * For the campus bulletin (another engineer's HTML): the same counts, as a fresh plain object of
 * numbers, so nothing of a row — not even a unit's name — can travel with it.
 */
export function campaignBulletinCounts(a: CampaignArrays): CampaignCounts | null {
  const c = campaignCounts(a);
  return c === null ? null : (JSON.parse(JSON.stringify(c)) as CampaignCounts);
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Rows without a unit are counted as one unknown unit only if there are such rows. */
function distinct(units: readonly (string | null)[]): number {
  return new Set(units.map((u) => u ?? '')).size;
}
