/** Deadline texts as parsed (spec §3) and 时序进度 lines (spec §2.1): types every stage shares. */

export type TimeExpr =
  /** 2025-11-03, 2025年11月3日, 11月30日(前) — year null means "first such date on or after the base date". */
  | { kind: 'date'; year: number | null; month: number; day: number }
  /** 11月, 11月底/末/下旬 → end; 11月上旬 → early (10th); 11月中旬 → mid (20th). */
  | { kind: 'monthPart'; year: number | null; month: number; part: 'early' | 'mid' | 'end' }
  /** 6月-9月, 2020年6月—9月, 6至9月, 2022年11月-2023年2月; 6月至7月中旬 has toPart 'mid' (absent = end). */
  | { kind: 'monthRange'; year: number | null; fromMonth: number; toYear: number | null; toMonth: number; toPart?: 'early' | 'mid' }
  /** 年底, 年底前, 年内, 当年年底 (year null = base year), 2026年底 / 2026年年底. */
  | { kind: 'yearEnd'; year: number | null }
  /** 10个工作日(内). */
  | { kind: 'workdays'; n: number }
  /** 30日内, 30天内, 5天. */
  | { kind: 'days'; n: number }
  /** 2周内. */
  | { kind: 'weeks'; n: number }
  /** 3个月内. */
  | { kind: 'months'; n: number };

export interface DeadlineSpec {
  /** The leading time expression; null for a purely ongoing text such as 常态化推进. */
  time: TimeExpr | null;
  /** Text contains 常态化, 长期 or 持续, or recurs (每月, 每季度). */
  ongoing: boolean;
  /** The original text, trimmed. */
  text: string;
  /**
   * Recurring work (每月, 每季度, 每月10日前): ongoing, with a periodic check — the end of the period
   * that holds the as-of date (or the given day of its month) is the due date for its progress.
   */
  every?: Recurrence;
}

export interface Recurrence {
  period: 'week' | 'month' | 'quarter' | 'half' | 'year' | 'term';
  /** 每月10日前: the day of the month (month only); absent = the period's last day. */
  day?: number;
}

export interface MilestoneSpec {
  /** What is to be done by then (the line without its time). */
  text: string;
  /** The time as written (`3月`, `5月、10月`, `全年`); '' when the line has none. */
  deadlineText: string;
  /** The time of the line (its last one for `5月、10月`); null when it has none. */
  spec: DeadlineSpec | null;
  /** Marked done in the cell (`（已完成）`, `√`). */
  done: boolean;
}
