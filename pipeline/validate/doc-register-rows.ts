/**
 * 发文登记 (§2.12): the register of numbered documents. A row saved twice (the same 本次发文登记.csv
 * kept in two places) is one document; the same 文号 for two different documents is an error,
 * because a number that has been sent can mean one document only.
 */
import { issue, type Issue } from '../model/issue.ts';
import type { RawTable } from '../model/ledger.ts';
import type { DocRegisterRecord } from '../model/records.ts';
import { requiredDate, requiredText, text } from './row-fields.ts';
import { rowSchema } from './row-schema.ts';
import { rowsOf } from './support-rows.ts';

const registerRow = rowSchema({
  文号: requiredText('文号'),
  标题: requiredText('标题'),
  发文日期: requiredDate('发文日期'),
  主送单位: text,
  编号: text,
});

/** 校督办〔2026〕41号 → prefix 校督办, 2026, 41; also [2026], （2026）, 第41号. */
export function parseDocNo(docNo: string): { prefix: string; year: number; number: number } | null {
  const m = /^(.*?)\s*[〔[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*第?\s*(\d{1,5})\s*号$/u.exec(docNo.replace(/\s+/gu, ''));
  return m ? { prefix: m[1]!, year: Number(m[2]), number: Number(m[3]) } : null;
}

export function validateDocRegister(table: RawTable) {
  return rowsOf(table, registerRow, (r, at): DocRegisterRecord => {
    const parsed = parseDocNo(r.文号);
    return {
      file: at.file,
      row: at.row,
      docNo: r.文号.replace(/\s+/gu, ''),
      prefix: parsed?.prefix ?? null,
      year: parsed?.year ?? null,
      number: parsed?.number ?? null,
      title: r.标题,
      issuedOn: r.发文日期,
      recipient: r.主送单位,
      itemIds: [...new Set(r.编号.split(/[、，,；;\s]+/u).filter((x) => x !== ''))],
    };
  });
}

/** One record per 文号: identical copies merge quietly, conflicting ones are named. */
export function dedupeRegister(records: readonly DocRegisterRecord[], issues: Issue[]): DocRegisterRecord[] {
  const seen = new Map<string, DocRegisterRecord>();
  const out: DocRegisterRecord[] = [];
  for (const r of [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row))) {
    const prev = seen.get(r.docNo);
    if (!prev) {
      seen.set(r.docNo, r);
      out.push(r);
      continue;
    }
    const same = prev.issuedOn === r.issuedOn && [...prev.itemIds].sort().join('、') === [...r.itemIds].sort().join('、');
    if (same) {
      issues.push(
        issue(
          'info',
          'I_SKIPPED_ROW',
          { file: r.file, row: r.row, column: '文号', value: r.docNo },
          `发文字号「${r.docNo}」与 ${prev.file} 第 ${prev.row} 行的登记相同，本行不重复计入`,
          '同一份发文登记保存了两次；可以删除其中一份，也可以不处理。',
        ),
      );
      continue;
    }
    issues.push(
      issue(
        'error',
        'E_DUPLICATE_ID',
        { file: r.file, row: r.row, column: '文号', value: r.docNo },
        `发文字号「${r.docNo}」已在 ${prev.file} 第 ${prev.row} 行登记为另一份文件（${prev.issuedOn}，${prev.itemIds.join('、') || '无事项'}）；本行未读入`,
        '已发出的文号只能对应一份文件。请核对两处登记，删除错误的一行；若是另一份文件，请改用新的文号。',
      ),
    );
  }
  return out;
}
