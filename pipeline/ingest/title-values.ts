/**
 * Title lines above the header such as `填报单位：教务处  填报日期：2022-11-10`: file-level
 * values for the columns a form leaves out. The key and its value may share a cell or sit in
 * two adjacent cells; several pairs may share a line.
 */
import type { LedgerKind } from '../model/ledger.ts';
import { canonicalKey } from './ledger-kinds.ts';
import { normalizeHeader } from './header-normalize.ts';

/** A key is a run without spaces or separators directly before a colon. */
const KEY = /([^\s:：，,；;。]+)\s*[:：]/gu;
/** A key starts with a letter, so the "10" of "10:30" is part of a value, not a key. */
const KEY_START = /^\p{L}/u;
const MAX_KEY = 16;
/** Blanks of an unfilled template: `督办时间： 年 月`. */
const TEMPLATE_BLANK = /^[年月日\s_＿—\-.]*$/u;
const TRAILING_SEPARATORS = /[，,；;。\s]+$/u;

interface Pair {
  key: string;
  value: string;
}

/** Pairs of one cell; a key that ends in a known key ("教务处填报日期") gives its head to the value before. */
function pairsIn(cell: string, kind: LedgerKind): Pair[] {
  const keys: { start: number; end: number; key: string }[] = [];
  for (const m of cell.matchAll(KEY)) {
    let key = m[1]!;
    let start = m.index;
    if (!KEY_START.test(key)) continue;
    const whole = canonicalKey(kind, normalizeHeader(key)) !== null;
    for (let s = 1; !whole && s < key.length - 1; s++) {
      if (canonicalKey(kind, normalizeHeader(key.slice(s)))) {
        start += s;
        key = key.slice(s);
        break;
      }
    }
    if (key.length > MAX_KEY) continue;
    keys.push({ start, end: m.index + m[0].length, key });
  }
  return keys.map((k, i) => ({
    key: k.key,
    value: cell
      .slice(k.end, keys[i + 1]?.start ?? cell.length)
      .trim()
      .replace(TRAILING_SEPARATORS, ''),
  }));
}

/**
 * Adds the pairs of one title row to `into` (first occurrence wins). Keys are canonical names
 * where the key names a column of the kind or a file-level key (填报单位, 填报日期, 统计截至),
 * else as written.
 */
export function addTitleValues(cells: readonly string[], kind: LedgerKind, into: Record<string, string>): void {
  const filled = cells.filter((c) => c !== '');
  for (let i = 0; i < filled.length; i++) {
    const pairs = pairsIn(filled[i]!, kind);
    const last = pairs[pairs.length - 1];
    const next = filled[i + 1];
    if (last && last.value === '' && next !== undefined && pairsIn(next, kind).length === 0) {
      last.value = next.trim();
      i++;
    }
    for (const p of pairs) {
      if (TEMPLATE_BLANK.test(p.value)) continue;
      const key = canonicalKey(kind, normalizeHeader(p.key)) ?? p.key;
      if (!(key in into)) into[key] = p.value;
    }
  }
}

/** Seed 003's form states its cut-off in a note: `1. 本次督办工作统计截止时间为 11月30日，…`. */
const CUT_OFF_NOTE = /统计截[止至](?:时间|日期)?\s*(?:为|是|[:：])?\s*([^，,。；;]*\d[^，,。；;]*)/u;

export function addNoteValues(note: string, into: Record<string, string>): void {
  const m = CUT_OFF_NOTE.exec(note);
  const value = m?.[1]?.trim();
  if (value && !('统计截至' in into)) into.统计截至 = value;
}
