/** Campaign ledgers of seed 000: 自查表 (§2.5), 整改表 (§2.6), 制度目录 (§2.7), 报送要求 (§2.9). */
import type { IsoDate } from '../model/dates.ts';
import type { Completion, ExecutionState, RectificationRecord, RegulationRecord, SelfCheckRecord, SubmissionRequirementRecord } from '../model/records.ts';
import { EXECUTION_STATES } from '../model/records.ts';
import { badDate, deadlineText, enumField, optionalDate, requiredText, squash, text } from './row-fields.ts';
import { andThen, problem, rowSchema, type RowProblem } from './row-schema.ts';
import { leadingDateProblem, parseDate } from './date-parse.ts';
import { parseDeadline } from './deadline-grammar.ts';
import { rowsOf } from './support-rows.ts';
import { splitUnits } from './unit-names.ts';
import type { RawTable } from '../model/ledger.ts';

/** "执行不好（经费不足）" → state + reason; the reason may use either kind of bracket. */
const executionState = andThen(requiredText('执行现状'), (s) => {
  const m = /^([^（(]+?)\s*(?:[（(](.*)[）)])?\s*$/u.exec(s);
  const word = m?.[1]?.replace(/[\s\u3000]/g, '') ?? '';
  const state = EXECUTION_STATES.find((w) => w === word);
  if (!state) return problem('E_ENUM', `「执行现状」的值「${s}」不在五类之内`, `可填写：${EXECUTION_STATES.join('、')}；执行不好、未执行请在括号内说明原因，例如「执行不好（经费不足）」。`);
  return { state: state as ExecutionState, reason: (m?.[2] ?? '').trim() };
});

const selfCheckRow = rowSchema(
  {
    序号: text,
    制发单位: requiredText('制发单位'),
    制度名称: requiredText('制度名称'),
    执行现状: executionState,
    整改措施: text,
    整改时限: deadlineText('整改时限'),
    填报单位: text,
    填报日期: optionalDate('填报日期'),
  },
  (r) => {
    const out: RowProblem[] = [];
    if (r.执行现状.state === '比较好') return out;
    if (!r.整改措施)
      out.push({ column: '整改措施', problem: problem('E_REQUIRED', `执行现状为「${r.执行现状.state}」，需要填写具体执行情况和下一步整改措施`, '除「比较好」外，都要简要填写整改措施。') });
    if (!r.整改时限) out.push({ column: '整改时限', problem: problem('E_REQUIRED', `执行现状为「${r.执行现状.state}」，需要填写整改时限`, '整改时限具体到月，如「11月底」「12月中旬」「27年2月」。') });
    return out;
  },
);

// The columns the self-check and rectification forms share (one row per 制度, per 填报单位) come
// first in both records, written out: `{ ...shared, more }` is slow per row in V8.

export function validateSelfChecks(table: RawTable) {
  return rowsOf(
    table,
    selfCheckRow,
    (r, at, cells): SelfCheckRecord => ({
      file: at.file,
      row: at.row,
      unit: r.填报单位 || null,
      reportedOn: r.填报日期,
      seq: r.序号,
      issuer: r.制发单位,
      name: r.制度名称,
      state: r.执行现状.state,
      reason: r.执行现状.reason,
      measure: r.整改措施,
      deadlineText: r.执行现状.state === '比较好' ? '' : (cells('整改时限') ?? ''),
      deadlineSpec: r.执行现状.state === '比较好' ? null : r.整改时限,
    }),
  );
}

/** "近期完成（12月中旬）" → completion + the time inside the brackets. */
const completion = andThen(requiredText('是否完成'), (s) => {
  const m = /^([^（(]+?)\s*(?:[（(](.*)[）)])?\s*$/u.exec(s.trim());
  const word = squash(m?.[1] ?? '');
  const inner = (m?.[2] ?? '').replace(/^(完成时限|时限)[:：]?/u, '').trim();
  const kind = (['已完成', '近期完成', '限期完成'] as const).find((w) => w === word);
  if (!kind) return problem('E_ENUM', `「是否完成」的值「${s}」不在可选范围内`, '可填写：已完成；近期完成（完成时限，如12月中旬）；限期完成（完成时限，如27年2月）。');
  if (kind === '已完成') return { completion: kind as Completion, deadlineText: '', spec: null };
  if (!inner) return problem('E_REQUIRED', `「${kind}」需要在括号内写明完成时限`, `例如「${kind}（12月底）」。`);
  const parsed = parseDeadline(inner);
  if (!parsed.ok) return problem('E_DEADLINE', `「是否完成」中的完成时限：${parsed.message}`, parsed.hint);
  return { completion: kind as Completion, deadlineText: inner, spec: parsed.spec };
});

const rectificationRow = rowSchema({
  序号: text,
  制发单位: requiredText('制发单位'),
  制度名称: requiredText('制度名称'),
  整改措施: requiredText('整改措施'),
  整改措施落实情况: text,
  是否完成: completion,
  填报单位: text,
  填报日期: optionalDate('填报日期'),
});

export function validateRectifications(table: RawTable) {
  return rowsOf(
    table,
    rectificationRow,
    (r, at): RectificationRecord => ({
      file: at.file,
      row: at.row,
      unit: r.填报单位 || null,
      reportedOn: r.填报日期,
      seq: r.序号,
      issuer: r.制发单位,
      name: r.制度名称,
      measure: r.整改措施,
      progress: r.整改措施落实情况,
      completion: r.是否完成.completion,
      deadlineText: r.是否完成.deadlineText,
      deadlineSpec: r.是否完成.spec,
    }),
  );
}

const REGULATION_STATES = { 现行: '现行', 有效: '现行', 现行有效: '现行', 已修订: '已修订', 修订: '已修订', 已废止: '已废止', 废止: '已废止', 失效: '已废止' } as const;

const regulationRow = rowSchema({
  制度名称: requiredText('制度名称'),
  文号: text,
  制发单位: text,
  发布日期: optionalDate('发布日期'),
  状态: enumField('状态', REGULATION_STATES, '现行'),
});

/** 辽科院委发〔2018〕69号, [2018], （2018）, (2018), 【2018】. */
export function yearFromDocNo(docNo: string): number | null {
  const m = /[〔[（(【［]\s*((?:19|20)\d{2})\s*[〕\]）)】］]/u.exec(docNo);
  return m ? Number(m[1]) : null;
}

export function validateRegulations(table: RawTable) {
  return rowsOf(
    table,
    regulationRow,
    (r, at): RegulationRecord => ({
      file: at.file,
      row: at.row,
      name: r.制度名称,
      docNo: r.文号,
      issuer: r.制发单位,
      issuedOn: r.发布日期,
      year: r.发布日期 ? Number(r.发布日期.slice(0, 4)) : yearFromDocNo(r.文号),
      state: r.状态,
    }),
  );
}

/** 截止日期 as a date, or a dated deadline such as 11月12日前 (in the as-of year). */
const dueDate = (asOf: IsoDate) =>
  andThen(requiredText('截止日期'), (s) => {
    const d = parseDate(s);
    if (d) return d;
    const p = parseDeadline(s);
    if (p.ok && p.spec.time?.kind === 'date') {
      const t = p.spec.time;
      const y = t.year ?? Number(asOf.slice(0, 4));
      const iso = `${y}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
      if (parseDate(iso)) return iso;
    }
    return badDate('截止日期', s, '请写成 2026-11-12 或 11月12日。', leadingDateProblem(s));
  });

export function validateSubmissionRequirements(table: RawTable, asOf: IsoDate) {
  const schema = rowSchema({ 材料: requiredText('材料'), 截止日期: dueDate(asOf), 报送单位: text, 说明: text });
  return rowsOf(
    table,
    schema,
    (r, at): SubmissionRequirementRecord => ({
      file: at.file,
      row: at.row,
      material: r.材料.trim(),
      due: r.截止日期,
      units: /^(全部单位|全部|各单位|所有单位)?$/u.test(r.报送单位.trim()) ? [] : splitUnits(r.报送单位),
      note: r.说明,
    }),
  );
}
