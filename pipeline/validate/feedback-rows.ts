/**
 * 进展反馈 (§2.10) and 审核记录 (§2.11): what units send back and what the office decided.
 * Rows dated after T are left for later builds (a feedback cannot count before it is given).
 */
import type { IsoDate } from '../model/dates.ts';
import { issue, type Issue } from '../model/issue.ts';
import type { RawTable } from '../model/ledger.ts';
import type { FeedbackRecord, FeedbackState, ReviewRecord, ReviewTopic } from '../model/records.ts';
import { deadlineText, enumField, optionalDate, requiredDate, requiredText, text } from './row-fields.ts';
import { rowSchema } from './row-schema.ts';
import { rowsOf } from './support-rows.ts';

const STATES: Record<string, FeedbackState> = {
  办理中: '办理中',
  正在办理: '办理中',
  进行中: '办理中',
  推进中: '办理中',
  未完成: '办理中',
  '': '办理中',
  申请办结: '申请办结',
  已办结: '申请办结',
  已完成: '申请办结',
  办结: '申请办结',
  申请结项: '申请办结',
  申请延期: '申请延期',
  延期: '申请延期',
  需延期: '申请延期',
};

const feedbackRow = rowSchema({
  编号: requiredText('编号'),
  反馈日期: requiredDate('反馈日期'),
  填报单位: text,
  本期进展: text,
  办理状态: enumField('办理状态', STATES, '办理中'),
  办结日期: optionalDate('办结日期'),
  申请延期至: deadlineText('申请延期至'),
  延期理由: text,
  填报人: text,
  联系电话: text,
});

const RESULTS: Record<string, '通过' | '退回'> = {
  通过: '通过',
  同意: '通过',
  准予: '通过',
  批准: '通过',
  准予结项: '通过',
  同意延期: '通过',
  退回: '退回',
  不同意: '退回',
  不通过: '退回',
  驳回: '退回',
  不予: '退回',
};
const TOPICS: Record<string, ReviewTopic> = { 办结: '办结', 结项: '办结', 申请办结: '办结', 延期: '延期', 申请延期: '延期' };

const reviewRow = rowSchema({
  编号: requiredText('编号'),
  审核结果: text,
  审核日期: optionalDate('审核日期'),
  审核事项: text,
  审核人: text,
  审核意见: text,
});

/** The columns a unit fills in; 填报单位, 填报人 and 联系电话 alone (a contact pasted down the sheet) are no feedback. */
const FILLED_IN = ['反馈日期', '本期进展', '办结日期', '申请延期至', '延期理由'] as const;

/**
 * A row of duban's own workbook the unit left as it came (only the pre-filled reference columns,
 * perhaps 办理中 chosen): not a feedback, and not an error either. Only the row's own cells count:
 * a 填报日期 title line does not make every untouched row a feedback.
 */
function unfilled(values: Record<string, string>): boolean {
  const state = (values.办理状态 ?? '').replace(/\s+/gu, '');
  return FILLED_IN.every((c) => (values[c] ?? '') === '') && (state === '' || STATES[state] === '办理中');
}

export function validateFeedback(table: RawTable, asOf: IsoDate, fileUnit: string | null) {
  const issues: Issue[] = [];
  const blank = table.rows.filter((row) => unfilled(row.values));
  for (const row of blank) {
    issues.push(
      issue(
        'info',
        'I_SKIPPED_ROW',
        { file: table.file, row: row.row, column: table.headerText.编号 ?? '编号', value: row.values.编号 ?? '' },
        `第 ${row.row} 行没有填写反馈（反馈日期、本期进展等均为空），未作为进展反馈读取`,
        '需要反馈这个事项时，请填写反馈日期和本期进展。',
      ),
    );
  }
  const filled: RawTable = blank.length === 0 ? table : { ...table, rows: table.rows.filter((row) => !blank.includes(row)) };
  const r = rowsOf(filled, feedbackRow, (row, at, cells): FeedbackRecord | null => {
    if (row.办理状态 === '申请办结' && row.办结日期 === null) {
      issues.push(
        issue(
          'error',
          'E_REQUIRED',
          { file: at.file, row: at.row, column: table.headerText.办结日期 ?? '办结日期', value: '' },
          '申请办结的反馈需要填写「办结日期」',
          '请填写事项实际办结的日期，例如 2026-11-20；尚未办结的请把办理状态改为「办理中」。',
        ),
      );
      return null;
    }
    if (row.办理状态 === '申请延期' && row.申请延期至?.time == null) {
      issues.push(
        issue(
          'error',
          row.申请延期至 ? 'E_DEADLINE' : 'E_REQUIRED',
          { file: at.file, row: at.row, column: table.headerText.申请延期至 ?? '申请延期至', value: cells('申请延期至') ?? '' },
          '申请延期的反馈需要写明「申请延期至」的日期',
          '请写明延期到哪一天，例如「2026-12-31」或「12月底前」。',
        ),
      );
      return null;
    }
    return {
      file: at.file,
      row: at.row,
      itemId: row.编号,
      on: row.反馈日期,
      unit: row.填报单位 || fileUnit,
      progress: row.本期进展,
      state: row.办理状态,
      completedOn: row.办结日期,
      extensionText: cells('申请延期至') ?? '',
      extensionSpec: row.申请延期至,
      reason: row.延期理由,
      by: row.填报人,
      phone: row.联系电话,
    };
  });
  const records = r.records.filter((x): x is FeedbackRecord => x !== null && x.on <= asOf);
  for (const x of r.records) {
    if (x === null || x.on <= asOf) continue;
    issues.push(
      issue(
        'info',
        'I_SKIPPED_ROW',
        { file: x.file, row: x.row, column: table.headerText.反馈日期 ?? '反馈日期', value: x.on },
        `第 ${x.row} 行的反馈日期 ${x.on} 晚于统计日期 ${asOf}，本次不计入`,
        '到了反馈日期再生成时会自动计入；如果日期写错了，请改正。',
      ),
    );
  }
  return { records, issues: [...r.issues, ...issues] };
}

export function validateReviews(table: RawTable, asOf: IsoDate) {
  const issues: Issue[] = [];
  const r = rowsOf(table, reviewRow, (row, at, cells): ReviewRecord | null => {
    const word = row.审核结果.replace(/\s+/gu, '');
    const result = word === '' ? null : (RESULTS[word] ?? null);
    if (word !== '' && result === null) {
      issues.push(
        issue(
          'error',
          'E_ENUM',
          { file: at.file, row: at.row, column: table.headerText.审核结果 ?? '审核结果', value: cells('审核结果') ?? '' },
          `「审核结果」的值「${cells('审核结果')}」不在可选范围内`,
          '请填写「通过」或「退回」；尚未审核的请留空。',
        ),
      );
      return null;
    }
    const topicWord = row.审核事项.replace(/\s+/gu, '');
    return { file: at.file, row: at.row, itemId: row.编号, result, on: row.审核日期, topic: topicWord === '' ? null : (TOPICS[topicWord] ?? null), by: row.审核人, opinion: row.审核意见 };
  });
  const records = r.records.filter((x): x is ReviewRecord => x !== null && (x.on === null || x.on <= asOf));
  for (const x of r.records) {
    if (x === null || x.on === null || x.on <= asOf) continue;
    issues.push(
      issue(
        'info',
        'I_SKIPPED_ROW',
        { file: x.file, row: x.row, column: table.headerText.审核日期 ?? '审核日期', value: x.on },
        `第 ${x.row} 行的审核日期 ${x.on} 晚于统计日期 ${asOf}，本次不计入`,
        '到了审核日期再生成时会自动计入；如果日期写错了，请改正。',
      ),
    );
  }
  return { records, issues: [...r.issues, ...issues] };
}
