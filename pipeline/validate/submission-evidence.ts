/**
 * Which unit sent which form (spec §2.9): rows of a kind name their 填报单位 in a column,
 * in a `填报单位：…` title line, or in the file name (自查表-教务处.csv).
 */
import type { IsoDate } from '../model/dates.ts';
import { LEDGER_KIND_NAMES, type LedgerKind, type RawTable } from '../model/ledger.ts';
import type { RectificationRecord, SelfCheckRecord, SubmissionEvidence } from '../model/records.ts';
import { parseDate } from './date-parse.ts';
import type { UnitLookup } from './unit-names.ts';

/** The kind a 材料 word stands for: 自查表 → selfChecks, 整改表 → rectifications, or any kind's name. */
export function materialKind(material: string): LedgerKind | null {
  const m = material.replace(/[\s\u3000《》]/g, '');
  if (m.includes('自查')) return 'selfChecks';
  if (m.includes('整改')) return 'rectifications';
  for (const [kind, name] of Object.entries(LEDGER_KIND_NAMES) as [LedgerKind, string][]) {
    if (m === name || m.includes(name) || (m.length >= 2 && name.includes(m))) return kind;
  }
  return null;
}

export function unitFromFileName(baseName: string, names: readonly string[], lookup: UnitLookup): string | null {
  let best: string | null = null;
  for (const n of names) if (baseName.includes(n) && (best === null || n.length > best.length)) best = n;
  if (best) return lookup.resolve(best) ?? best;
  // 简称 in the file name (自查表-教务.csv) only when no full name matched.
  for (const part of baseName.split(/[-_－—\s（）()]+/u)) {
    const full = part ? lookup.resolve(part) : null;
    if (full) return full;
  }
  return null;
}

export function collectEvidence(
  tables: readonly RawTable[],
  rows: { selfChecks: SelfCheckRecord[]; rectifications: RectificationRecord[] },
  fileUnit: (t: RawTable) => string | null,
  lookup: UnitLookup,
): SubmissionEvidence[] {
  const out: SubmissionEvidence[] = [];
  const seen = new Set<string>();
  const add = (material: string, unit: string | null, sentOn: IsoDate | null, file: string) => {
    if (!unit) return;
    const key = `${material}\u0000${unit}\u0000${sentOn}\u0000${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ material, unit, sentOn, file });
  };
  for (const r of rows.selfChecks) add(LEDGER_KIND_NAMES.selfChecks, r.unit, r.reportedOn, r.file);
  for (const r of rows.rectifications) add(LEDGER_KIND_NAMES.rectifications, r.unit, r.reportedOn, r.file);
  // Other kinds count as sent by a unit only when the file says which unit filled it in.
  for (const t of tables) {
    if (t.kind === 'selfChecks' || t.kind === 'rectifications') continue;
    const named = t.fileValues.填报单位 || fileUnit(t);
    if (!named) continue;
    const unit = lookup.resolve(named) ?? named;
    add(LEDGER_KIND_NAMES[t.kind], unit, parseDate(t.fileValues.填报日期 ?? '') ?? null, t.file);
  }
  return out;
}
