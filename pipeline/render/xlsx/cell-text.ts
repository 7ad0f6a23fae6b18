/**
 * Text going into a spreadsheet cell. Values come from CSV files anyone can edit, so they are
 * only ever written as plain strings (never {formula} or {hyperlink} objects — a string cell is
 * not evaluated, even "=HYPERLINK(…)"). What is left to guard against is text that would make the
 * file unreadable: characters XML 1.0 forbids, lone UTF-16 surrogates, and Excel's cell limit.
 */

/** Excel refuses cells longer than this. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cellText(value: string): string {
  const clean = value.replace(XML_FORBIDDEN, '').replace(/\r\n?/g, '\n');
  if (clean.length <= EXCEL_MAX_CELL_CHARS) return clean;
  const cut = clean.slice(0, EXCEL_MAX_CELL_CHARS - 1);
  // Do not leave half a surrogate pair at the cut.
  return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut) + '…';
}

/**
 * Width in Excel's column units (one Latin digit): CJK and full-width characters take two.
 * For multi-line text, the widest line.
 */
export function displayWidth(text: string): number {
  let widest = 0;
  let w = 0;
  for (const ch of text) {
    if (ch === '\n') {
      widest = Math.max(widest, w);
      w = 0;
    } else {
      w += isWide(ch.codePointAt(0)!) ? 2 : 1;
    }
  }
  return Math.max(widest, w);
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK radicals … Yi, incl. 。、「」 and kana
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms: （），：
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
