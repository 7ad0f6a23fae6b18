/**
 * 督办事项 rows (spec §2.1) → ItemRecord. Errors drop the row (named, never guessed);
 * warnings keep it. Ids: 编号, else `<file name>#<序号>` with repeated 序号 numbered -2, -3 …,
 * else `<file name>#r<row>` (W_NO_ID).
 *
 * Merged cells exported empty (spec §1): a row whose 事项 is empty (or merged down from the row
 * above) but that has other values continues the item above it — its 时序进度 lines, units,
 * progress and a deadline are added to that item (I_CONTINUED_ROW names the row). A row with its
 * own 事项 under an empty (merged) 序号 is a sub-task: it takes the 承办单位 of the task above
 * when its own is empty. A table without a unit column belongs to the unit its title lines or
 * file name give (spec §1).
 */
import { issue, type Issue } from '../model/issue.ts';
import type { RawRow, RawTable } from '../model/ledger.ts';
import type { ItemRecord, ItemState } from '../model/records.ts';
import { deadlineText, enumField, optionalDate, requiredText, text } from './row-fields.ts';
import { AUDIENCE_WORDS, SOURCE_WORDS, STATE_WORDS } from './item-words.ts';
import { shortTitle } from './item-title.ts';
import { cellsOf, rowIssues, rowSchema, type Cells, type RowData } from './row-schema.ts';
import { parseMilestones } from './milestones.ts';
import { parseDeadline } from './deadline-grammar.ts';
import type { IsoDate } from '../model/dates.ts';

const itemRow = rowSchema({
  编号: text,
  序号: text,
  事项: requiredText('事项'),
  承办单位: requiredText('承办单位'),
  配合单位: text,
  来源: enumField('来源', SOURCE_WORDS, '其他'),
  立项依据: text,
  立项日期: optionalDate('立项日期'),
  责任人: text,
  办结时限: deadlineText('办结时限'),
  延期至: deadlineText('延期至'),
  延期申请日期: optionalDate('延期申请日期'),
  延期批准: text,
  状态: enumField('状态', STATE_WORDS, '办理中'),
  办结日期: optionalDate('办结日期'),
  落实情况: text,
  时序进度: text,
  公开范围: enumField('公开范围', AUDIENCE_WORDS, '不公开'),
});

/** Cross-field rules; the state is inferred first: a 办结日期 under an empty 状态 means done. */
function consistency(r: RowData<typeof itemRow>, rawState: string, asOf: IsoDate): { state: ItemState; problems: [string, string][] } {
  const state: ItemState = rawState === '' && r.办结日期 ? '已办结' : r.状态;
  const problems: [string, string][] = [];
  if (state === '已办结' && !r.办结日期) {
    problems.push(['状态为「已办结」，但没有填写办结日期', '请在「办结日期」列填写实际办结的日期；尚未办结的请把状态改为「办理中」。']);
  }
  if (r.办结日期 && r.办结日期 > asOf) {
    problems.push([`办结日期 ${r.办结日期} 晚于统计日期 ${asOf}`, '办结日期不能是将来的日期，请核对；如果统计日期不对，请用 --as-of 指定。']);
  }
  return { state, problems };
}

export interface ItemRowsResult {
  /** leadUnit and coUnits are left for validate-tables.ts, which reads unitCells through the directory. */
  items: ItemRecord[];
  /** Per item: its 承办单位 cells (continuation rows add theirs to `more`). */
  unitCells: { lead: string; co: string; more?: string[] }[];
  /** Ids of rows dropped for errors, so a 催办记录 naming one is not reported a second time. */
  erroredIds: string[];
  issues: Issue[];
}

/** Columns a continuation row may add to the item above; the rest of its cells are not read. */
const CONTINUED = ['时序进度', '承办单位', '配合单位', '办结时限', '落实情况', '责任人'] as const;

/**
 * `fileUnit`: the unit a directory name in the file name gives (validate-tables.ts), for a table
 * without a unit column; title lines (`责任单位：教务处`, `填报单位：…`) come first, the file name's
 * unit-like word (ingest) last.
 */
export function validateItemTable(table: RawTable, asOf: IsoDate, fileUnit: string | null = null): ItemRowsResult {
  const hasId = '编号' in table.headerText;
  const hasSeq = '序号' in table.headerText;
  const ownUnit = '承办单位' in table.headerText ? null : table.fileValues.承办单位 || table.fileValues.填报单位 || fileUnit || table.nameUnit || null;
  const items: ItemRowsResult['items'] = [];
  const unitCells: ItemRowsResult['unitCells'] = [];
  const issues: Issue[] = [];
  const erroredIds: string[] = [];
  const seqCount = new Map<string, number>();
  let lastSeq = '';
  /** The row above as an item (or as a row with errors), for continuation rows and sub-tasks. */
  let above: { row: number; id: string; index: number | null; idCell: string; units: { lead: string; co: string } } | null = null;
  const idColumn = hasId ? '编号' : '序号';

  if (!hasId && !hasSeq && table.rows.length > 0) {
    issues.push(
      issue(
        'warning',
        'W_NO_ID',
        { file: table.file, row: table.headerRow, value: table.baseName },
        `表中没有「编号」也没有「序号」列，事项编号按行号记为「${table.baseName}#r行号」`,
        '这样的编号会随插入、删除行而改变，以后的催办记录、进展反馈就对不上原来的事项；请增加「编号」列（如 DB2026-001），至少增加「序号」列。',
      ),
    );
  }

  for (const row of table.rows) {
    const own = cellsOf(table, row);
    // The unit cells as read: a table of one unit's own tasks, or a sub-task, fills them in.
    let lead = own('承办单位');
    let co = own('配合单位');
    if (ownUnit !== null && !lead) lead = ownUnit;
    const task = row.merged?.includes('事项') ? '' : (row.values.事项 ?? '');
    const idCell = row.merged?.includes(idColumn) ? '' : (own(idColumn) ?? '');

    // A continuation of the item above: no 事项 of its own, and no id of its own.
    if (task === '' && above && (idCell === '' || idCell === above.idCell)) {
      continueItem(table, row, above, { items, unitCells, issues });
      continue;
    }
    // A sub-task under a merged 序号 keeps the task's units.
    if (!hasId && above && idCell === '' && !lead && !co) {
      lead = above.units.lead;
      co = above.units.co;
    }
    const cells: Cells = (c) => (c === '承办单位' ? lead : c === '配合单位' ? co : own(c));
    const parsed = itemRow.read(cells);

    // Ids are worked out even for rows with errors, so later rows keep their numbering.
    let id = '';
    const seqCell = own('序号');
    let seq: string | null = seqCell ? seqCell : null;
    if (hasId) {
      id = own('编号') ?? '';
      if (id === '') {
        issues.push(
          issue('error', 'E_REQUIRED', { file: table.file, row: row.row, column: table.headerText.编号 ?? '编号', value: '' }, '「编号」不能为空', '每个督办事项需要唯一的编号，例如 DB2026-001。'),
        );
        above = { row: row.row, id: '', index: null, idCell: '', units: { lead: lead ?? '', co: co ?? '' } };
        continue;
      }
    } else if (hasSeq) {
      if (!seq) {
        if (lastSeq === '') {
          issues.push(
            issue(
              'error',
              'E_REQUIRED',
              { file: table.file, row: row.row, column: table.headerText.序号 ?? '序号', value: '' },
              '「序号」不能为空',
              '没有「编号」列时，用「序号」区分事项，请填写序号。',
            ),
          );
          continue;
        }
        seq = lastSeq; // a merged cell exported as empty: the row continues the numbered task above
      }
      lastSeq = seq;
      const n = (seqCount.get(seq) ?? 0) + 1;
      seqCount.set(seq, n);
      id = `${table.baseName}#${seq}${n > 1 ? `-${n}` : ''}`;
      if (n > 1) {
        issues.push(
          issue(
            'warning',
            'W_REPEATED_SEQ',
            { file: table.file, row: row.row, column: table.headerText.序号 ?? '序号', value: seqCell ?? '' },
            `序号「${seq}」重复出现，本行编号记为「${id}」`,
            '如果是合并单元格拆分出的子任务，可以不处理；否则请改用不重复的序号，或增加「编号」列。',
          ),
        );
      }
    } else {
      id = `${table.baseName}#r${row.row}`;
    }

    if (!parsed.ok) {
      issues.push(...rowIssues(table, row, parsed.problems));
      erroredIds.push(id);
      above = { row: row.row, id, index: null, idCell: own(idColumn) ?? '', units: { lead: lead ?? '', co: co ?? '' } };
      continue;
    }
    const r = parsed.data;
    const { state, problems } = consistency(r, (own('状态') ?? '').trim(), asOf);
    if (problems.length > 0) {
      const column = table.headerText.办结日期 ?? table.headerText.状态 ?? '办结日期';
      for (const [message, hint] of problems) {
        issues.push(issue('error', 'E_CONSISTENCY', { file: table.file, row: row.row, column, value: own('办结日期') ?? '' }, message, hint));
      }
      erroredIds.push(id);
      above = { row: row.row, id, index: null, idCell: own(idColumn) ?? '', units: { lead: r.承办单位, co: r.配合单位 } };
      continue;
    }
    const plan = milestonesOf(table, row, r.时序进度, issues);
    items.push({
      id,
      seq,
      text: r.事项,
      title: shortTitle(r.事项),
      source: r.来源,
      basis: r.立项依据,
      assignedOn: r.立项日期,
      responsible: r.责任人,
      deadlineText: own('办结时限') ?? '',
      deadlineSpec: r.办结时限,
      extensionText: own('延期至') ?? '',
      extensionSpec: r.延期至,
      extensionAppliedOn: r.延期申请日期,
      extensionApprovedBy: r.延期批准,
      state,
      completedOn: r.办结日期,
      progress: r.落实情况,
      audience: r.公开范围,
      file: table.file,
      row: row.row,
      section: row.section ?? null,
      schedule: r.时序进度,
      milestones: plan,
      leadUnit: null,
      coUnits: [],
    });
    unitCells.push({ lead: r.承办单位, co: r.配合单位 });
    above = { row: row.row, id, index: items.length - 1, idCell: own(idColumn) ?? '', units: { lead: r.承办单位, co: r.配合单位 } };
  }
  return { items, unitCells, erroredIds, issues };
}

function milestonesOf(table: RawTable, row: RawRow, cell: string, issues: Issue[]): NonNullable<ItemRecord['milestones']> {
  if (cell === '') return [];
  const p = parseMilestones(cell);
  if (p.undated.length > 0) {
    const column = table.headerText.时序进度 ?? '时序进度';
    issues.push(
      issue(
        'warning',
        'W_MILESTONE',
        { file: table.file, row: row.row, column, value: p.undated[0]! },
        `「${column}」中的「${p.undated[0]}」${p.undated.length > 1 ? `等 ${p.undated.length} 行` : ''}没有写时间，记为没有时限的节点`,
        '每个节点请以时间开头，例如「3月：召开研讨会」「4月—12月：组织实施」「全年：持续推进」；已完成的节点可在末尾注明「（已完成）」。',
      ),
    );
  }
  return p.milestones;
}

/** Adds a continuation row's cells to the item above it; the row is named by I_CONTINUED_ROW (or by its error). */
function continueItem(
  table: RawTable,
  row: RawRow,
  above: { row: number; id: string; index: number | null },
  out: { items: ItemRowsResult['items']; unitCells: ItemRowsResult['unitCells']; issues: Issue[] },
): void {
  const where = { file: table.file, row: row.row };
  const own = (c: (typeof CONTINUED)[number]) => (row.merged?.includes(c) ? '' : (row.values[c] ?? ''));
  if (above.index === null) {
    out.issues.push(
      issue(
        'info',
        'I_CONTINUED_ROW',
        { file: where.file, row: where.row, column: table.headerText.事项 ?? '事项', value: '' },
        `第 ${row.row} 行「事项」为空，是第 ${above.row} 行事项的续行（合并单元格）；第 ${above.row} 行有错误，这一行暂不计入`,
        `改正第 ${above.row} 行的错误后，这一行的内容会自动并入该事项。`,
      ),
    );
    return;
  }
  const item = out.items[above.index]!;
  const deadline = own('办结时限');
  let spec = null;
  if (deadline !== '') {
    const p = parseDeadline(deadline);
    if (!p.ok) {
      const column = table.headerText.办结时限 ?? '办结时限';
      out.issues.push(issue('error', 'E_DEADLINE', { file: where.file, row: where.row, column, value: deadline }, `「${column}」：${p.message}`, p.hint));
      return;
    }
    spec = p.spec;
  }
  const added: string[] = [];
  const schedule = own('时序进度');
  if (schedule !== '') {
    item.schedule = item.schedule ? `${item.schedule}\n${schedule}` : schedule;
    item.milestones = milestonesOf(table, row, item.schedule, []);
    added.push(table.headerText.时序进度 ?? '时序进度');
  }
  const units = [own('承办单位'), own('配合单位')].filter((u) => u !== '');
  if (units.length > 0) {
    (out.unitCells[above.index]!.more ??= []).push(...units);
    added.push('单位');
  }
  if (spec) {
    if (item.deadlineSpec === null) {
      item.deadlineSpec = spec;
      item.deadlineText = deadline;
    } else if (deadline !== item.deadlineText) {
      // A second deadline of the same task: a milestone of its own, named by what else the row says.
      const what = own('落实情况') || units.join('、') || `第 ${row.row} 行`;
      (item.milestones ??= []).push({ text: what, deadlineText: deadline, spec, done: false });
    }
    added.push(table.headerText.办结时限 ?? '办结时限');
  }
  const progress = own('落实情况');
  if (progress !== '') {
    item.progress = item.progress ? `${item.progress}\n${progress}` : progress;
    added.push(table.headerText.落实情况 ?? '落实情况');
  }
  const responsible = own('责任人');
  if (responsible !== '' && !item.responsible.includes(responsible)) {
    item.responsible = item.responsible ? `${item.responsible}、${responsible}` : responsible;
    added.push(table.headerText.责任人 ?? '责任人');
  }
  out.issues.push(
    issue(
      'info',
      'I_CONTINUED_ROW',
      { file: where.file, row: where.row, column: table.headerText.事项 ?? '事项', value: '' },
      `第 ${row.row} 行「事项」为空，作为上一事项（第 ${item.row} 行「${item.title}」）的续行读取${added.length > 0 ? `，并入了${added.join('、')}` : ''}`,
      '合并单元格导出后下方的格是空的，所以这样读。如果这一行其实是另一个事项，请填写它的事项内容。',
    ),
  );
}
