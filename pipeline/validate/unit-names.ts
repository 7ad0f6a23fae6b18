/**
 * Unit names as offices write them → the names of the 单位名录 (spec §2.3).
 * 简称 map to full names; an unknown name is kept as written and reported with the closest known name.
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
  /** The known full name closest to an unknown one, for the hint. */
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
  return {
    empty: units.length === 0,
    names,
    resolve: (name) => map.get(key(name)) ?? null,
    closest: (name) => closestName(name, [...map.keys()].map((k) => ({ k, full: map.get(k)! }))),
  };
}

function key(name: string): string {
  return cleanUnitName(name).replace(/[\s\u3000]/g, '');
}

function closestName(name: string, candidates: { k: string; full: string }[]): string | null {
  const target = key(name);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const { k, full } of candidates) {
    const d = k.includes(target) || target.includes(k) ? Math.abs(k.length - target.length) * 0.5 : editDistance(target, k);
    if (d < bestScore || (d === bestScore && best !== null && full < best)) {
      bestScore = d;
      best = full;
    }
  }
  // A suggestion farther away than half the name is noise, not help.
  return best !== null && bestScore <= Math.max(2, target.length / 2) ? best : null;
}

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
