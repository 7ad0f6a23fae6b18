/**
 * Unit names as offices write them → the names of the 单位名录 (spec §2.3).
 * 简称 map to full names; an unknown name is kept as written and reported with the closest known name
 * (the one sharing the most meaningful characters, see HintIndex), or none when nothing meaningful is shared.
 */
import type { UnitRecord } from '../model/records.ts';

/** Separators between several units in one cell: ，,、；;/ and whitespace. */
const UNIT_SEPARATORS = /[，,、；;/／\s\u3000]+/u;

export function splitUnits(cell: string): string[] {
  return cell
    .split(UNIT_SEPARATORS)
    .map(cleanUnitName)
    .filter((s) => s !== '');
}

/** Folds the forms that differ between files but mean the same name. */
export function cleanUnitName(name: string): string {
  return name
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[（(]/g, '（')
    .replace(/[）)]/g, '）')
    .trim();
}

export interface UnitLookup {
  /** Full name for a name or 简称; null when unknown. */
  resolve(name: string): string | null;
  /** The known full name closest to an unknown one, for the hint; null when none shares anything meaningful. */
  closest(name: string): string | null;
  readonly empty: boolean;
  readonly names: readonly string[];
}

export function unitLookup(units: readonly UnitRecord[]): UnitLookup {
  const map = new Map<string, string>();
  for (const u of units) map.set(key(u.name), u.name);
  // Full names win over 简称 when both spell the same text.
  for (const u of units) for (const a of u.aliases) if (!map.has(key(a))) map.set(key(a), u.name);
  const names = units.map((u) => u.name);
  let hints: HintIndex | null = null;
  return {
    empty: units.length === 0,
    names,
    resolve: (name) => map.get(key(name)) ?? null,
    closest: (name) => (hints ??= new HintIndex(map)).closest(name),
  };
}

function key(name: string): string {
  return cleanUnitName(name).replace(/[\s\u3000]/g, '');
}

/*
 * The hint for an unknown name. Offices write units by what they do (信息办, 教物处), so candidates
 * are scored by the meaningful characters they share, ignoring the words that only say what kind of
 * unit it is (办公室, 中心, 处 …), against full names and 简称 alike. Cheap whatever a cell holds:
 * names are compared on their first MAX_COMPARED characters, only directory entries sharing a
 * character are scored (an index character → entries), and each distinct unknown name is worked out once.
 */

/** Names are compared on this many characters at most: enough to recognise a unit. */
const MAX_COMPARED = 40;
/** Words (longest first) and characters that name a kind of unit, not which unit. */
const GENERIC_WORDS = ['委员会', '办公室', '党总支', '学院', '中心', '工作', '党委', '学校'];
const GENERIC_CHARS = new Set(Array.from('办处室部科院系所委校会与和及的（）'));
/** A candidate sharing less than this (Dice coefficient of meaningful characters, plus containment) is noise. */
const MIN_SCORE = 0.4;
/** Ties broken by edit distance at most (each costs up to MAX_COMPARED² steps). */
const MAX_SPELLED_TIES = 16;
/** Distinct unknown names remembered; past this the memo starts afresh (a bound on memory, not on time). */
const MEMO_SIZE = 20_000;

interface Entry { key: string; full: string; core: string[] }

class HintIndex {
  private readonly entries: Entry[] = [];
  private readonly byChar = new Map<string, number[]>();
  private readonly memo = new Map<string, string | null>();

  constructor(map: ReadonlyMap<string, string>) {
    for (const [k, full] of map) {
      const capped = firstChars(k);
      const entry = { key: capped, full, core: meaningfulChars(capped) };
      if (entry.core.length === 0) continue; // 校办: nothing to match on
      const at = this.entries.push(entry) - 1;
      for (const c of entry.core) {
        const list = this.byChar.get(c);
        if (list) list.push(at);
        else this.byChar.set(c, [at]);
      }
    }
  }

  closest(name: string): string | null {
    const target = firstChars(key(name));
    const known = this.memo.get(target);
    if (known !== undefined) return known;
    const hint = this.score(target);
    if (this.memo.size >= MEMO_SIZE) this.memo.clear();
    this.memo.set(target, hint);
    return hint;
  }

  private score(target: string): string | null {
    const core = meaningfulChars(target);
    const shared = new Map<number, number>();
    for (const c of core) for (const at of this.byChar.get(c) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
    let top = MIN_SCORE;
    let tied: Entry[] = [];
    for (const [at, n] of shared) {
      const e = this.entries[at]!;
      const contained = target.includes(e.key) || e.key.includes(target) ? 0.5 : 0;
      const score = (2 * n) / (core.length + e.core.length) + contained;
      if (score > top + 1e-9) {
        top = score;
        tied = [e];
      } else if (score > top - 1e-9) tied.push(e);
    }
    // Ties go to the nearest spelling (by length alone when there are many), then to the first name in code point order.
    const measure = tied.length <= MAX_SPELLED_TIES ? (e: Entry) => editDistance(target, e.key) : (e: Entry) => Math.abs(e.key.length - target.length);
    let best: { full: string; distance: number } | null = null;
    for (const e of tied) {
      const distance = measure(e);
      if (!best || distance < best.distance || (distance === best.distance && e.full < best.full)) best = { full: e.full, distance };
    }
    return best?.full ?? null;
  }
}

function firstChars(s: string): string {
  const chars = Array.from(s.length > 4 * MAX_COMPARED ? s.slice(0, 4 * MAX_COMPARED) : s);
  return chars.length > MAX_COMPARED ? chars.slice(0, MAX_COMPARED).join('') : s;
}

/** Distinct characters of a name once the generic words and characters are taken out. */
function meaningfulChars(name: string): string[] {
  let s = name;
  for (const w of GENERIC_WORDS) s = s.split(w).join(' ');
  return [...new Set(Array.from(s).filter((c) => c !== ' ' && !GENERIC_CHARS.has(c)))];
}

/** Levenshtein distance over code points; both names are at most MAX_COMPARED characters here. */
function editDistance(a: string, b: string): number {
  const ac = [...a];
  const bc = [...b];
  let prev = Array.from({ length: bc.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ac.length; i++) {
    const cur = [i];
    for (let j = 1; j <= bc.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ac[i - 1] === bc[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[bc.length]!;
}
