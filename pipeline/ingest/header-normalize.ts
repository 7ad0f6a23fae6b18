/**
 * Header cells and title keys are compared in one folded form, so that what Excel/WPS
 * users actually type (full-width brackets, ideographic spaces, "*" required markers,
 * "(比较好不用填)" remarks) still names the column.
 */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const HAS_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/;
/** What cleanValue does more than trim: one test for the clean cell (nearly every cell). */
const ODD_SPACE = /[\u200B-\u200D\u2060\uFEFF\u00A0]/;
const WHITESPACE = /[\s\u3000\u200B-\u200D\u2060\uFEFF]+/g;
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const REQUIRED_MARK = /^\*+|\*+$/g;
/** A trailing remark in any bracket: (…), […], after full-width folding; 【】〔〕 are folded to [] first. */
const TRAILING_REMARK = /(?:\([^()]*\)|\[[^[\]]*\])$/;
const TRAILING_COLON = /[:：]+$/;

const foldChar = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Full-width ASCII forms (（）：，０-９Ａ-Ｚ＊) → half-width; 【】〔〕 → []. */
export function foldWidth(s: string): string {
  return s
    .replace(FULL_WIDTH, foldChar)
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']');
}

/**
 * The key a header cell is matched by: no whitespace, half-width, no required marker,
 * no trailing colon, no trailing parenthesised remark (repeatedly: "是否完成（完成时限）(必填)").
 * A cell that is only a remark keeps it, so "(备注)" does not become "".
 */
export function normalizeHeader(cell: string): string {
  let s = foldWidth(cell.replace(WHITESPACE, ''));
  s = s.replace(TRAILING_COLON, '').replace(REQUIRED_MARK, '');
  for (;;) {
    const m = TRAILING_REMARK.exec(s);
    if (!m || m.index === 0) break;
    s = s.slice(0, m.index).replace(REQUIRED_MARK, '').replace(TRAILING_COLON, '');
  }
  return s;
}

/** Cell values: trimmed, zero-width characters removed, NBSP as a plain space. Cheap when clean. */
export function cleanValue(cell: string): string {
  if (cell === '') return '';
  if (!ODD_SPACE.test(cell)) return cell.trim();
  let s = cell;
  if (HAS_INVISIBLE.test(s)) s = s.replace(INVISIBLE, '');
  if (s.includes('\u00A0')) s = s.replace(/\u00A0/g, ' ');
  return s.trim();
}
