/**
 * 督办事项 rows (spec §2.1) → ItemRecord. Errors drop the row (named, never guessed);
 * warnings keep it. Ids: 编号, else `<file name>#<序号>` with repeated 序号 numbered -2, -3 ….
 */
import { z } from 'zod';
import { issue, type Issue } from '../model/issue.ts';
import type { RawTable } from '../model/ledger.ts';
import type { ItemRecord, ItemState } from '../model/records.ts';
import { deadlineText, enumField, optionalDate, requiredText, text } from './row-fields.ts';
import { AUDIENCE_WORDS, SOURCE_WORDS, STATE_WORDS } from './item-words.ts';
import { shortTitle } from './item-title.ts';
import { cellsOf, toIssues } from './zod-issues.ts';
import type { IsoDate } from '../model/dates.ts';

const itemRow = z.object({
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
  公开范围: enumField('公开范围', AUDIENCE_WORDS, '不公开'),
});

/** Cross-field rules; the state is inferred first: a 办结日期 under an empty 状态 means done. */
function consistency(r: z.infer<typeof itemRow>, rawState: string, asOf: IsoDate): { state: ItemState; problems: [string, string][] } {
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
  items: Omit<ItemRecord, 'leadUnit' | 'coUnits'>[];
  unitCells: { lead: string; co: string }[];
  /** Ids of rows dropped for errors, so a 催办记录 naming one is not reported a second time. */
  erroredIds: string[];
  issues: Issue[];
}

export function validateItemTable(table: RawTable, asOf: IsoDate): ItemRowsResult {
  const hasId = '编号' in table.headerText;
  const items: ItemRowsResult['items'] = [];
  const unitCells: ItemRowsResult['unitCells'] = [];
  const issues: Issue[] = [];
  const erroredIds: string[] = [];
  const seqCount = new Map<string, number>();
  let lastSeq = '';

  for (const row of table.rows) {
    const cells = cellsOf(table, row);
    const parsed = itemRow.safeParse(cells);

    // Ids are worked out even for rows with errors, so later rows keep their numbering.
    let id = '';
    let seq: string | null = cells.序号 ? cells.序号 : null;
    if (hasId) {
      id = cells.编号 ?? '';
      if (id === '') {
        issues.push(issue('error', 'E_REQUIRED', { file: table.file, row: row.row, column: table.headerText.编号 ?? '编号', value: '' }, '「编号」不能为空', '每个督办事项需要唯一的编号，例如 DB2026-001。'));
        continue;
      }
    } else {
      if (!seq) {
        if (lastSeq === '') {
          issues.push(issue('error', 'E_REQUIRED', { file: table.file, row: row.row, column: table.headerText.序号 ?? '序号', value: '' }, '「序号」不能为空', '没有「编号」列时，用「序号」区分事项，请填写序号。'));
          continue;
        }
        seq = lastSeq; // a merged cell exported as empty: the row continues the numbered task above
      }
      lastSeq = seq;
      const n = (seqCount.get(seq) ?? 0) + 1;
      seqCount.set(seq, n);
      id = `${table.baseName}#${seq}${n > 1 ? `-${n}` : ''}`;
      if (n > 1) {
        issues.push(issue('warning', 'W_REPEATED_SEQ', { file: table.file, row: row.row, column: table.headerText.序号 ?? '序号', value: cells.序号 ?? '' }, `序号「${seq}」重复出现，本行编号记为「${id}」`, '如果是合并单元格拆分出的子任务，可以不处理；否则请改用不重复的序号，或增加「编号」列。'));
      }
    }

    if (!parsed.success) {
      issues.push(...toIssues(table, row, parsed.error.issues));
      erroredIds.push(id);
      continue;
    }
    const r = parsed.data;
    const { state, problems } = consistency(r, (cells.状态 ?? '').trim(), asOf);
    if (problems.length > 0) {
      const column = table.headerText.办结日期 ?? table.headerText.状态 ?? '办结日期';
      for (const [message, hint] of problems) {
        issues.push(issue('error', 'E_CONSISTENCY', { file: table.file, row: row.row, column, value: cells.办结日期 ?? '' }, message, hint));
      }
      erroredIds.push(id);
      continue;
    }
    items.push({
      id,
      seq,
      text: r.事项,
      title: shortTitle(r.事项),
      source: r.来源,
      basis: r.立项依据,
      assignedOn: r.立项日期,
      responsible: r.责任人,
      deadlineText: cells.办结时限 ?? '',
      deadlineSpec: r.办结时限,
      extensionText: cells.延期至 ?? '',
      extensionSpec: r.延期至,
      extensionAppliedOn: r.延期申请日期,
      extensionApprovedBy: r.延期批准,
      state,
      completedOn: r.办结日期,
      progress: r.落实情况,
      audience: r.公开范围,
      file: table.file,
      row: row.row,
    });
    unitCells.push({ lead: r.承办单位, co: r.配合单位 });
  }
  return { items, unitCells, erroredIds, issues };
}
