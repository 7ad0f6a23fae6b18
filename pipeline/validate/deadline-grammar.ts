/**
 * The deadline grammar of spec §3: text → a time expression, no calendar needed.
 * Resolving it to a date (base date, working days) is analyze/deadline-resolve.ts.
 * Never throws, whatever the string.
 */

export type TimeExpr =
  /** 2025-11-03, 2025年11月3日, 11月30日(前) — year null means "first such date on or after the base date". */
  | { kind: 'date'; year: number | null; month: number; day: number }
  /** 11月, 11月底/末/下旬 → end; 11月上旬 → early (10th); 11月中旬 → mid (20th). */
  | { kind: 'monthPart'; year: number | null; month: number; part: 'early' | 'mid' | 'end' }
  /** 6月-9月, 2020年6月—9月, 6至9月, 2022年11月-2023年2月. */
  | { kind: 'monthRange'; year: number | null; fromMonth: number; toYear: number | null; toMonth: number }
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
  /** Text contains 常态化, 长期 or 持续. */
  ongoing: boolean;
  /** The original text, trimmed. */
  text: string;
}

export type DeadlineParse = { ok: true; spec: DeadlineSpec } | { ok: false; message: string; hint: string };

export function parseDeadline(_text: string): DeadlineParse {
  throw new Error('not implemented yet');
}
