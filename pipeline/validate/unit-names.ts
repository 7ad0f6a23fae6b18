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

/**
 * Units written with their roles in one cell (spec §2.1): `县水务局（牵头）、县住建局`,
 * `教务处牵头，人事处配合`, `牵头单位：教务处；配合单位：人事处、财务处`, on separate lines or
 * with 、 , ；. The lead is the first marked as lead, else the first named; the rest cooperate.
 * `cooperating` is the 配合单位 column: its units only cooperate.
 */
export function assignUnits(leading: string, cooperating = ''): { lead: string | null; co: string[] } {
  const lead = unitsInCell(leading);
  const co = unitsInCell(cooperating);
  // Marked leads first, then the unmarked of the lead cell, then the cooperating; each name once.
  // A cell names a unit or two: arrays and includes, no Set per row.
  const order: string[] = [];
  const add = (name: string) => {
    if (!order.includes(name)) order.push(name);
  };
  for (const t of lead) if (t.role === 'lead') add(t.name);
  for (const t of co) if (t.role === 'lead') add(t.name);
  for (const t of lead) if (t.role === null) add(t.name);
  for (const t of lead) if (t.role === 'co') add(t.name);
  for (const t of co) if (t.role !== 'lead') add(t.name);
  return { lead: order[0] ?? null, co: order.slice(1) };
}

type Role = 'lead' | 'co' | null;

/**
 * The units a cell names, each with its role: its own mark (县水务局（牵头）) before its part's
 * label (牵头单位：…); null when neither says. A ledger writes the same few cells on thousands of
 * rows, so each distinct cell is read once (the lists are shared, never mutated).
 */
function unitsInCell(cell: string): readonly { name: string; role: Role }[] {
  let known = cellUnits.get(cell);
  if (!known) {
    known = [];
    for (const part of labelledParts(cell)) {
      for (const token of splitUnits(part.text)) {
        const r = roleOf(token);
        if (r.name !== '') known.push({ name: r.name, role: r.role ?? part.role });
      }
    }
    if (cellUnits.size >= MEMO_SIZE) cellUnits.clear();
    cellUnits.set(cell, known);
  }
  return known;
}

const cellUnits = new Map<string, { name: string; role: Role }[]>();

const LEAD_LABEL = '牵头单位|牵头部门|牵头处室|主责单位|主责部门|主办单位|主要责任单位|责任单位|责任部门|承办单位|牵头|主责';
const CO_LABEL = '配合单位|配合部门|配合处室|协办单位|协办部门|协同单位|协同部门|参与单位|参与部门|协同配合单位|配合|协办|协同|参与';
const LABEL = new RegExp(`(${LEAD_LABEL}|${CO_LABEL})\\s*[:：]`, 'gu');
const IS_LEAD_LABEL = new RegExp(`^(?:${LEAD_LABEL})$`, 'u');

/** `牵头单位：教务处；配合单位：人事处、财务处` → the parts after each label, with the label's role. */
function labelledParts(cell: string): { role: 'lead' | 'co' | null; text: string }[] {
  // Every label ends in a colon: a cell without one is one unlabelled part.
  if (!cell.includes('：') && !cell.includes(':')) return cell.trim() === '' ? [] : [{ role: null, text: cell }];
  const out: { role: 'lead' | 'co' | null; text: string }[] = [];
  let last = 0;
  let role: 'lead' | 'co' | null = null;
  for (const m of cell.matchAll(LABEL)) {
    out.push({ role, text: cell.slice(last, m.index) });
    role = IS_LEAD_LABEL.test(m[1]!) ? 'lead' : 'co';
    last = m.index + m[0].length;
  }
  out.push({ role, text: cell.slice(last) });
  return out.filter((p) => p.text.trim() !== '');
}

const LEAD_MARK = /^(?:由)?(.+?)\s*(?:[（(【[]\s*(?:牵头|主责|主办|牵头单位|牵头负责|负总责)\s*[）)】\]]|牵头负责|负责牵头|牵头|主责|负总责)$/u;
const CO_MARK = /^(.+?)\s*(?:[（(【[]\s*(?:配合|协办|参与|协同|配合单位)\s*[）)】\]]|等?(?:协同配合|配合|协办|参与|协同))$/u;

function roleOf(token: string): { name: string; role: 'lead' | 'co' | null } {
  const t = token
    .replace(/[。.等]+$/u, '')
    .replace(/^[由]/u, '')
    .trim();
  const lead = LEAD_MARK.exec(t);
  if (lead && lead[1]!.length >= 2) return { name: cleanUnitName(lead[1]!), role: 'lead' };
  const co = CO_MARK.exec(t);
  if (co && co[1]!.length >= 2) return { name: cleanUnitName(co[1]!), role: 'co' };
  return { name: cleanUnitName(t), role: null };
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
  // Every row names its units again: each distinct spelling is folded once.
  const resolved = new Map<string, string | null>();
  return {
    empty: units.length === 0,
    names,
    resolve: (name) => {
      let full = resolved.get(name);
      if (full === undefined) {
        if (resolved.size >= MEMO_SIZE) resolved.clear();
        resolved.set(name, (full = map.get(key(name)) ?? null));
      }
      return full;
    },
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

interface Entry {
  key: string;
  full: string;
  core: string[];
}

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
