/**
 * Readers for ledger cells (row-schema.ts). A bad cell is a CellProblem carrying our issue code
 * and hint; row-schema.ts turns it into an Issue pointing at file, row, column.
 */
import type { IsoDate } from '../model/dates.ts';
import { dateProblem, parseDate, type DateProblem } from './date-parse.ts';
import { parseDeadline, type DeadlineSpec } from './deadline-grammar.ts';
import { problem, type CellProblem, type CellReader } from './row-schema.ts';

/** Free text; empty allowed. */
export const text: CellReader<string> = (s) => s;

export const requiredText = (label: string): CellReader<string> => {
  const empty = problem('E_REQUIRED', `「${label}」不能为空`, `请在此单元格填写${label}。`);
  return (s) => (s === '' ? empty : s);
};

const DATE_HINT = '日期请写成 2026-11-03、2026/11/3、2026.11.3、2026年11月3日 或 20261103。';

/**
 * E_DATE for a cell that is not a date. Written in a date form but naming a day that does not exist
 * (2026-11-31), it says which part does not exist; otherwise it lists the accepted forms (`hint`).
 */
export function badDate(label: string, s: string, hint = DATE_HINT, p: DateProblem | null = dateProblem(s)): CellProblem {
  if (p) return problem('E_DATE', `「${label}」的日期不存在：「${s}」，${p.message}`, p.hint);
  return problem('E_DATE', `「${label}」不是有效日期：「${s}」`, hint);
}

export const optionalDate =
  (label: string): CellReader<IsoDate | null> =>
  (s) => {
    if (s === '') return null;
    return parseDate(s) ?? badDate(label, s);
  };

export const requiredDate = (label: string): CellReader<IsoDate> => {
  const empty = problem('E_REQUIRED', `「${label}」不能为空`, `请填写${label}。${DATE_HINT}`);
  return (s) => {
    if (s === '') return empty;
    return parseDate(s) ?? badDate(label, s);
  };
};

/** Deadline text (§3); empty → null so the caller can apply the defaults of seed 004. */
export const deadlineText =
  (label: string): CellReader<DeadlineSpec | null> =>
  (s) => {
    if (s === '') return null;
    const parsed = parseDeadline(s);
    if (parsed.ok) return parsed.spec;
    return problem('E_DEADLINE', `「${label}」${parsed.message.startsWith('无法') ? '' : '：'}${parsed.message}`, parsed.hint);
  };

/**
 * An enumerated cell: canonical words plus the synonyms offices write.
 * Matching ignores spaces and full-width/half-width differences of brackets.
 */
export function enumField<T extends string>(label: string, words: Record<string, T>, fallback: T | null): CellReader<T> {
  const lookup = new Map(Object.entries(words).map(([k, v]) => [squash(k), v] as const));
  const listed = [...new Set(Object.values(words))].join('、');
  const empty = fallback ?? problem('E_REQUIRED', `「${label}」不能为空`, `可填写：${listed}。`);
  return (s) => {
    if (s === '') return empty;
    // A word as listed is its own squashed form (squash is idempotent): most cells need no folding.
    const hit = lookup.get(s) ?? lookup.get(squash(s));
    return hit ?? problem('E_ENUM', `「${label}」的值「${s}」不在可选范围内`, `可填写：${listed}。`);
  };
}

export function squash(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toUpperCase();
}
