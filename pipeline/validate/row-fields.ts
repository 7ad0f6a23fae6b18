/**
 * zod field schemas for ledger cells. A bad cell adds a zod issue whose params carry our
 * issue code and hint; zod-issues.ts turns them into Issue values pointing at file, row, column.
 */
import { z } from 'zod';
import type { IssueCode } from '../model/issue.ts';
import type { IsoDate } from '../model/dates.ts';
import { dateProblem, parseDate, type DateProblem } from './date-parse.ts';
import { parseDeadline, type DeadlineSpec } from './deadline-grammar.ts';

export interface FieldProblem {
  code: IssueCode;
  hint: string;
}

type Ctx = z.RefinementCtx;

export function fail(ctx: Ctx, code: IssueCode, message: string, hint: string): never {
  ctx.addIssue({ code: 'custom', message, params: { code, hint } satisfies FieldProblem });
  return z.NEVER as never;
}

const cell = z.string().optional().transform((s) => s ?? '');

/** Free text; empty allowed. */
export const text = cell;

export const requiredText = (label: string) =>
  cell.transform((s, ctx) => (s === '' ? fail(ctx, 'E_REQUIRED', `「${label}」不能为空`, `请在此单元格填写${label}。`) : s));

const DATE_HINT = '日期请写成 2026-11-03、2026/11/3、2026.11.3、2026年11月3日 或 20261103。';

/**
 * E_DATE for a cell that is not a date. Written in a date form but naming a day that does not exist
 * (2026-11-31), it says which part does not exist; otherwise it lists the accepted forms (`hint`).
 */
export function badDate(ctx: Ctx, label: string, s: string, hint = DATE_HINT, p: DateProblem | null = dateProblem(s)): never {
  if (p) return fail(ctx, 'E_DATE', `「${label}」的日期不存在：「${s}」，${p.message}`, p.hint);
  return fail(ctx, 'E_DATE', `「${label}」不是有效日期：「${s}」`, hint);
}

export const optionalDate = (label: string) =>
  cell.transform((s, ctx): IsoDate | null => {
    if (s === '') return null;
    return parseDate(s) ?? badDate(ctx, label, s);
  });

export const requiredDate = (label: string) =>
  cell.transform((s, ctx): IsoDate => {
    if (s === '') return fail(ctx, 'E_REQUIRED', `「${label}」不能为空`, `请填写${label}。${DATE_HINT}`);
    return parseDate(s) ?? badDate(ctx, label, s);
  });

/** Deadline text (§3); empty → null so the caller can apply the defaults of seed 004. */
export const deadlineText = (label: string) =>
  cell.transform((s, ctx): DeadlineSpec | null => {
    if (s === '') return null;
    const parsed = parseDeadline(s);
    if (parsed.ok) return parsed.spec;
    return fail(ctx, 'E_DEADLINE', `「${label}」${parsed.message.startsWith('无法') ? '' : '：'}${parsed.message}`, parsed.hint);
  });

/**
 * An enumerated cell: canonical words plus the synonyms offices write.
 * Matching ignores spaces and full-width/half-width differences of brackets.
 */
export function enumField<T extends string>(label: string, words: Record<string, T>, fallback: T | null) {
  const lookup = new Map(Object.entries(words).map(([k, v]) => [squash(k), v] as const));
  const listed = [...new Set(Object.values(words))].join('、');
  return cell.transform((s, ctx): T => {
    if (s === '') {
      return fallback ?? fail(ctx, 'E_REQUIRED', `「${label}」不能为空`, `可填写：${listed}。`);
    }
    const hit = lookup.get(squash(s));
    return hit ?? fail(ctx, 'E_ENUM', `「${label}」的值「${s}」不在可选范围内`, `可填写：${listed}。`);
  });
}

export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();
}
