/** 公开事项 (spec §2.8, seed 002). Only http(s) links survive as links; anything else stays text. */
import type { RawTable } from '../model/ledger.ts';
import type { DisclosureRecord } from '../model/records.ts';
import { AUDIENCE_WORDS } from './item-words.ts';
import { enumField, optionalDate, requiredText, text } from './row-fields.ts';
import { rowSchema } from './row-schema.ts';
import { rowsOf } from './support-rows.ts';

const CATEGORIES = { 党务: '党务', 党务公开: '党务', 校务: '校务', 校务公开: '校务', 财务: '财务', 财务公开: '财务' } as const;

const disclosureRow = rowSchema({
  类别: enumField('类别', CATEGORIES, null),
  事项: requiredText('事项'),
  公开范围: enumField('公开范围', AUDIENCE_WORDS, null),
  责任单位: text,
  公开形式: text,
  应公开日期: optionalDate('应公开日期'),
  实际公开日期: optionalDate('实际公开日期'),
  公开内容: text,
  链接: text,
});

export function safeLink(s: string): string | null {
  const t = s.trim();
  return /^https?:\/\/[^\s<>"'`]+$/iu.test(t) ? t : null;
}

export function validateDisclosures(table: RawTable) {
  return rowsOf(
    table,
    disclosureRow,
    (r, at): DisclosureRecord => ({
      file: at.file,
      row: at.row,
      category: r.类别,
      title: r.事项,
      audience: r.公开范围,
      unit: r.责任单位 || null,
      form: r.公开形式,
      dueOn: r.应公开日期,
      publishedOn: r.实际公开日期,
      summary: r.公开内容,
      link: safeLink(r.链接),
      linkText: r.链接,
    }),
  );
}
