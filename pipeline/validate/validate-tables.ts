/**
 * validate: recognised tables → typed records and issues. Runs the directory first, because
 * every other ledger names units through it; then items, then the ledgers that refer to items.
 */
import { issue, type Issue } from '../model/issue.ts';
import type { IsoDate } from '../model/dates.ts';
import type { LedgerKind, RawTable } from '../model/ledger.ts';
import type { ItemRecord, Records } from '../model/records.ts';
import { validateItemTable } from './item-rows.ts';
import { validateHolidays, validateReminders, validateUnits } from './support-rows.ts';
import { validateRectifications, validateRegulations, validateSelfChecks, validateSubmissionRequirements } from './campaign-rows.ts';
import { validateDisclosures } from './disclosure-rows.ts';
import { dedupeRegister, validateDocRegister } from './doc-register-rows.ts';
import { validateFeedback, validateReviews } from './feedback-rows.ts';
import { assignUnits, unitLookup, type UnitLookup } from './unit-names.ts';
import { collectEvidence, unitFromFileName } from './submission-evidence.ts';

export interface ValidateResult {
  records: Records;
  issues: Issue[];
}

export function validateTables(tables: readonly RawTable[], asOf: IsoDate): ValidateResult {
  const issues: Issue[] = [];
  const of = (kind: LedgerKind) => tables.filter((t) => t.kind === kind);
  const collect = <R>(kind: LedgerKind, fn: (t: RawTable) => { records: R[]; issues: Issue[] }): R[] =>
    of(kind).flatMap((t) => {
      const r = fn(t);
      issues.push(...r.issues);
      return r.records;
    });

  const units = collect('units', validateUnits);
  const lookup = unitLookup(units);
  const holidays = collect('holidays', validateHolidays);
  const submissionRequirements = collect('submissionRequirements', (t) => validateSubmissionRequirements(t, asOf));
  const knownNames = [...lookup.names, ...submissionRequirements.flatMap((r) => r.units)];

  const { items, ids, erroredIds } = validateItems(of('items'), asOf, lookup, issues);
  const dropped = new Set(erroredIds);

  const reminders = collect('reminders', validateReminders).filter((r) => {
    if (ids.has(r.itemId)) return true;
    if (!dropped.has(r.itemId)) {
      issues.push(
        issue(
          'error',
          'E_REFERENCE',
          { file: r.file, row: r.row, column: '编号', value: r.itemId },
          `催办记录中的编号「${r.itemId}」在督办事项台账中不存在`,
          '请核对编号是否与督办事项台账一致（注意大小写、全角半角和多余空格）。',
        ),
      );
    } else {
      issues.push(
        issue(
          'info',
          'I_SKIPPED_ROW',
          { file: r.file, row: r.row, column: '编号', value: r.itemId },
          `催办记录中的编号「${r.itemId}」所指的事项有错误，这条催办暂不计入`,
          '改正该事项所在行的错误后，这条催办会自动计入。',
        ),
      );
    }
    return false;
  });

  const fileUnit = (t: RawTable) => unitFromFileName(t.baseName, knownNames, lookup);
  // The records are this run's own: their units are set in place (a spread copy per row is slow in V8).
  const withUnit = <R extends { unit: string | null; file: string; row: number }>(t: RawTable, rs: R[]): R[] => {
    for (const r of rs) r.unit = normaliseUnit(r.unit ?? fileUnit(t), lookup, r, issues);
    return rs;
  };

  const selfChecks = of('selfChecks').flatMap((t) => {
    const r = validateSelfChecks(t);
    issues.push(...r.issues);
    return withUnit(t, r.records);
  });
  const rectifications = of('rectifications').flatMap((t) => {
    const r = validateRectifications(t);
    issues.push(...r.issues);
    return withUnit(t, r.records);
  });
  const regulations = collect('regulations', validateRegulations);
  const disclosures = collect('disclosures', validateDisclosures);
  for (const d of disclosures) d.unit = d.unit === null ? null : (lookup.resolve(d.unit) ?? d.unit);
  for (const req of submissionRequirements) req.units = req.units.map((u) => lookup.resolve(u) ?? u);

  // The same regulation may be written with or without 《》 and spaces on the two forms.
  const regKey = (unit: string | null, name: string) => `${unit}\u0000${name.replace(/[《》〈〉<>\s\u3000]/gu, '')}`;
  const checked = new Set(selfChecks.map((s) => regKey(s.unit, s.name)));
  for (const r of rectifications) {
    if (!checked.has(regKey(r.unit, r.name)) && selfChecks.length > 0) {
      issues.push(
        issue(
          'warning',
          'W_NO_SELF_CHECK',
          { file: r.file, row: r.row, column: '制度名称', value: r.name },
          `整改表中的制度「${r.name}」在${r.unit ?? '该单位'}的自查表中没有对应的行`,
          '请核对制度名称是否与自查表一致，或补报自查表。',
        ),
      );
    }
  }

  const docRegister = dedupeRegister(collect('docRegister', validateDocRegister), issues);
  const { feedback, reviews } = validateReturns(of('feedback'), of('reviews'), { asOf, items, dropped, lookup, fileUnit, issues });

  const submissionEvidence = collectEvidence(tables, { selfChecks, rectifications }, fileUnit, lookup);

  return {
    records: { items, reminders, units, holidays, selfChecks, rectifications, regulations, disclosures, submissionRequirements, submissionEvidence, docRegister, feedback, reviews },
    issues,
  };
}

/**
 * Items of every table; a 编号 used twice keeps one row and names both places. The row kept is
 * the one a secretary would call the original: the earlier 立项日期, then the row of the larger
 * ledger (the office's main ledger rather than a sheet of additions), then the first in path
 * order. Rules of spec §2.1: a repeated 编号 is always E_DUPLICATE_ID, on the row dropped.
 */
function validateItems(tables: RawTable[], asOf: IsoDate, lookup: UnitLookup, issues: Issue[]) {
  const erroredIds: string[] = [];
  const candidates: Candidate[] = [];
  for (const table of tables) {
    const r = validateItemTable(table, asOf, '承办单位' in table.headerText ? null : unitFromFileName(table.baseName, lookup.names, lookup));
    for (const i of r.issues) issues.push(i);
    for (const id of r.erroredIds) erroredIds.push(id);
    r.items.forEach((rec, i) => candidates.push({ rec, table, cells: r.unitCells[i]!, size: table.rows.length, order: candidates.length, dropped: false }));
  }
  // Most 编号 are used once: only the repeated ones are grouped, ranked and reported.
  const first = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = first.get(c.rec.id);
    if (!seen) first.set(c.rec.id, c);
    else (seen.repeats ??= [seen]).push(c);
  }
  // In the order the 编号 first appear.
  for (const c of candidates) if (c.repeats) reportDuplicates(c.repeats, issues);
  const items: ItemRecord[] = [];
  for (const c of candidates) {
    if (c.dropped) continue;
    const { rec, table, cells } = c;
    const leadCol = table.headerText.承办单位 ?? '承办单位';
    const coCol = table.headerText.配合单位 ?? '配合单位';
    const at = (column: string) => ({ file: rec.file, row: rec.row, column });
    // Roles in the cell (县水务局（牵头）、县住建局; 牵头单位：…；配合单位：…) decide the lead; continuation rows add co-units.
    const units = assignUnits(cells.lead, cells.more === undefined ? cells.co : [cells.co, ...cells.more].join('\n'));
    const named = [
      ...(units.lead === null ? [] : [normaliseUnit(units.lead, lookup, at(leadCol), issues)!]),
      ...units.co.map((u) => normaliseUnit(u, lookup, at(cells.co.includes(u) ? coCol : leadCol), issues)!),
    ];
    const unique = named.length > 1 ? [...new Set(named)] : named;
    rec.leadUnit = unique[0] ?? null;
    rec.coUnits = unique.slice(1);
    items.push(rec);
  }
  // Every 编号 of the items kept (a repeated one keeps one of its rows): the index above answers.
  const ids: Pick<ReadonlySet<string>, 'has'> = first;
  return { items, ids, erroredIds };
}

interface Candidate {
  rec: ItemRecord;
  table: RawTable;
  cells: { lead: string; co: string; more?: string[] };
  size: number;
  order: number;
  /** A repeated 编号 on a row that is not kept. */
  dropped: boolean;
  /** On the first row of a repeated 编号: every row that uses it, this one first. */
  repeats?: Candidate[];
}

/**
 * The rows of one repeated 编号: the one kept is the one a secretary would call the original (see
 * validateItems); each other one is dropped with E_DUPLICATE_ID.
 */
function reportDuplicates(group: Candidate[], issues: Issue[]): void {
  const ranked = [...group].sort((a, b) =>
    (a.rec.assignedOn ?? '9999') < (b.rec.assignedOn ?? '9999') ? -1 : (a.rec.assignedOn ?? '9999') > (b.rec.assignedOn ?? '9999') ? 1 : b.size - a.size || a.order - b.order,
  );
  const keep = ranked[0]!;
  for (const dup of ranked.slice(1)) {
    dup.dropped = true;
    issues.push(
      issue(
        'error',
        'E_DUPLICATE_ID',
        { file: dup.rec.file, row: dup.rec.row, column: dup.table.headerText.编号 ?? dup.table.headerText.序号 ?? '编号', value: dup.rec.id },
        `编号「${dup.rec.id}」重复：${keep.rec.file} 第 ${keep.rec.row} 行（「${keep.rec.title}」）与本行（「${dup.rec.title}」）用了同一个编号；保留了 ${keep.rec.file} 第 ${keep.rec.row} 行，本行未读入`,
        '同一编号只能对应一个事项。保留的是立项日期较早的行（相同时取主台账中的行）；如果本行是新事项，请给它一个新编号；如果是同一事项，请删除重复的行。',
      ),
    );
  }
}

/**
 * Returned 进展反馈 and the office's 审核记录: rows for an unknown 编号 are E_REFERENCE (a row for
 * an item that failed validation is already explained by that item's error); feedback from a unit
 * that neither leads nor co-owns the item is kept, with W_FEEDBACK_UNIT.
 */
function validateReturns(
  feedbackTables: RawTable[],
  reviewTables: RawTable[],
  c: { asOf: IsoDate; items: ItemRecord[]; dropped: ReadonlySet<string>; lookup: UnitLookup; fileUnit: (t: RawTable) => string | null; issues: Issue[] },
) {
  // Without returned forms there is nothing to look up: no index of every item.
  const byId = new Map(feedbackTables.length + reviewTables.length === 0 ? [] : c.items.map((i) => [i.id, i]));
  const known = (r: { itemId: string; file: string; row: number }, what: string): boolean => {
    if (byId.has(r.itemId)) return true;
    if (!c.dropped.has(r.itemId)) {
      c.issues.push(
        issue(
          'error',
          'E_REFERENCE',
          { file: r.file, row: r.row, column: '编号', value: r.itemId },
          `${what}中的编号「${r.itemId}」在督办事项台账中不存在`,
          '请核对编号是否与督办事项台账一致（注意大小写、全角半角和多余空格）；反馈表请使用 duban 生成的表格填写。',
        ),
      );
    } else {
      c.issues.push(
        issue(
          'info',
          'I_SKIPPED_ROW',
          { file: r.file, row: r.row, column: '编号', value: r.itemId },
          `${what}中的编号「${r.itemId}」所指的事项有错误，这一行暂不计入`,
          '改正该事项所在行的错误后，这一行会自动计入。',
        ),
      );
    }
    return false;
  };
  const feedback = feedbackTables.flatMap((t) => {
    const r = validateFeedback(t, c.asOf, c.fileUnit(t));
    c.issues.push(...r.issues);
    return r.records
      .filter((f) => known(f, '进展反馈'))
      .map((f) => {
        const unit = normaliseUnit(f.unit, c.lookup, { file: f.file, row: f.row, column: t.headerText.填报单位 ?? '填报单位' }, c.issues);
        const item = byId.get(f.itemId)!;
        if (unit !== null && unit !== item.leadUnit && !item.coUnits.includes(unit)) {
          c.issues.push(
            issue(
              'warning',
              'W_FEEDBACK_UNIT',
              { file: f.file, row: f.row, column: t.headerText.填报单位 ?? '填报单位', value: unit },
              `「${unit}」不是事项「${item.id}」的承办或配合单位（牵头单位：${item.leadUnit ?? '未填'}）`,
              '请核对编号是否填错；配合单位的进展请报牵头单位汇总后由牵头单位反馈。',
            ),
          );
        }
        f.unit = unit;
        return f;
      });
  });
  const reviews = reviewTables.flatMap((t) => {
    const r = validateReviews(t, c.asOf);
    c.issues.push(...r.issues);
    return r.records.filter((x) => known(x, '审核记录'));
  });
  return { feedback, reviews };
}

/** A unit name through the directory; unknown names stay as written, with a warning and a hint. */
function normaliseUnit(name: string | null, lookup: UnitLookup, at: { file: string; row: number; column?: string }, issues: Issue[]): string | null {
  if (name === null || name === '') return null;
  const full = lookup.resolve(name);
  if (full) return full;
  if (!lookup.empty) {
    const near = lookup.closest(name);
    issues.push(
      issue(
        'warning',
        'W_UNKNOWN_UNIT',
        { file: at.file, row: at.row, column: at.column ?? '填报单位', value: name },
        `单位「${name}」不在单位名录中`,
        near ? `是否应为「${near}」？请改正，或在单位名录中把「${name}」加为简称。` : '请在单位名录中添加该单位或其简称。',
      ),
    );
  }
  return name;
}
