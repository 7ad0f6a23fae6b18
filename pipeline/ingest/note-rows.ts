/**
 * Rows below the data that are not data: the form's notes (`备注：1. …`, `说明：…`,
 * `1. 本次督办工作统计截止时间…`), sign-off lines (`填表人：`), and unfilled template rows
 * that carry only a pre-printed 序号. Only ever asked about trailing rows: a mid-table row
 * with one cell is data, and validation says what is missing.
 */
import { cleanValue } from './header-normalize.ts';

const NUMERALS = '0-9０-９一二三四五六七八九十';
/** A leading bullet some forms put before 备注 ("- 备注：…"). */
const BULLET = '^[-－—•·*＊※\\s]*';
const NOTE_WORD = new RegExp(`${BULLET}(备注|附注|注|说明|填表说明|特别说明|提示|友情提示)`, 'u');
const NUMBERED_NOTE = new RegExp(`${BULLET}([${NUMERALS}]+\\s*[.．、,，)）]|[(（]\\s*[${NUMERALS}]+\\s*[)）])\\s*\\S`, 'u');
const SIGN_OFF = /^(填表人|填报人|制表人|审核人|审批人|联系人|联系电话|负责人|单位负责人|分管领导|签字|签名|盖章|单位盖章|单位（盖章）|日期)\s*[:：(（]/u;
/** What a blank template row shows in its 序号 cell: 1 · （一） · 一、 · … · .. */
const BARE_SEQ = new RegExp(`^([(（]?\\s*[${NUMERALS}]+\\s*[)）.．、]?|[.．…·。]+)$`, 'u');

export interface TrailingNote {
  kind: 'note' | 'template';
  text: string;
}

export function trailingNoteKind(cells: readonly string[], seqIndex: number): TrailingNote | null {
  let text = '';
  let at = -1;
  for (let i = 0; i < cells.length; i++) {
    const v = cleanValue(cells[i] ?? '');
    if (v === '') continue;
    if (at >= 0) return null;
    text = v;
    at = i;
  }
  if (at < 0) return null;
  if (BARE_SEQ.test(text)) return at === seqIndex || at === 0 ? { kind: 'template', text } : null;
  if (NOTE_WORD.test(text) || NUMBERED_NOTE.test(text) || SIGN_OFF.test(text)) return { kind: 'note', text };
  return null;
}
