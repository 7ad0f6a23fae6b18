/**
 * Bytes → text. Excel and WPS on Chinese Windows save GBK/GB18030, newer versions UTF-8 with
 * a BOM, "Unicode text" is UTF-16 with a BOM. Charset detectors guess wrong on short Chinese
 * text, so the order is fixed instead: BOM → strict UTF-8 → GB18030, and anything that still
 * looks binary is refused rather than shown as mojibake.
 */
import { issue, type Issue } from '../model/issue.ts';
import { decodeGb18030 } from './gb18030.ts';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Decoded = { ok: true; text: string; encoding: Encoding; issues: Issue[] } | { ok: false; issue: Issue };

const SAVE_HINT = '请用 Excel 或 WPS 打开后「另存为」CSV UTF-8（逗号分隔）或 CSV（GBK）文件，再放入数据文件夹。';

/** Signatures of files that are not text at all, with what to tell the user. */
const SIGNATURES: readonly [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文件'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP 压缩包或 Office 文档'],
  [[0xd0, 0xcf, 0x11, 0xe0], '旧版 Office 文档（.xls/.doc）或加密的工作簿'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包'],
];

export function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const refuse = (message: string, hint = SAVE_HINT): Decoded => ({
    ok: false,
    issue: issue('error', 'E_ENCODING', { file }, message, hint),
  });
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(bytes, sig)) return refuse(`文件内容是${what}，不是 CSV 文本，无法读取`);
  }
  if (startsWith(bytes, [0xff, 0xfe])) return checked(new TextDecoder('utf-16le').decode(bytes), 'utf-16le', file, refuse);
  if (startsWith(bytes, [0xfe, 0xff])) return checked(new TextDecoder('utf-16be').decode(bytes), 'utf-16be', file, refuse);
  if (bytes.includes(0)) {
    const le = looksUtf16Le(bytes);
    if (le) return checked(new TextDecoder('utf-16le').decode(bytes), 'utf-16le', file, refuse);
    return refuse('文件中含有空字节（NUL），不是 CSV 文本文件，可能已损坏或是其他格式');
  }
  try {
    return checked(utf8.decode(bytes), 'utf-8', file, refuse);
  } catch {
    // Not UTF-8: GBK/GB18030 is what Excel and WPS save on Chinese Windows — unless the
    // bytes are UTF-8 with a few broken sequences (a truncated copy), where GB18030 would
    // turn every Chinese character into mojibake.
  }
  const stats = utf8Stats(bytes);
  if (stats.invalid > 0 && stats.multibyte >= 8 * stats.invalid) {
    const r = checked(utf8Lossy.decode(bytes), 'utf-8', file, refuse);
    if (r.ok) {
      r.issues.push(issue('error', 'E_ENCODING', { file }, `文件按 UTF-8 读取，其中有 ${stats.invalid} 处字节无法解码，已显示为「�」`, '请检查显示为「�」的单元格并改正；' + SAVE_HINT));
    }
    return r;
  }
  return checked(decodeGb18030(bytes), 'gb18030', file, refuse);
}

/** The characters counted below: control characters but tab and line ends, DEL, C1 controls, U+FFFD. */
const UNREADABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]/;

/** Decoded text that is mostly control characters or replacement characters is binary after all. */
function checked(text: string, encoding: Encoding, _file: string, refuse: (m: string) => Decoded): Decoded {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Text as written holds none of them: one scan by the regex engine instead of a loop per character.
  if (!UNREADABLE.test(t)) return { ok: true, text: t, encoding, issues: [] };
  let bad = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd || (c >= 0x80 && c < 0xa0)) bad++;
  }
  if (bad > Math.max(2, t.length * 0.01)) {
    const what = encoding === 'gb18030' ? '既不是 UTF-8 也不是 GBK 编码的文本' : `按 ${encoding.toUpperCase()} 解码后含有大量乱码或控制字符`;
    return refuse(`文件${what}，可能是二进制文件或已损坏（共 ${bad} 处无法识别的字符）`);
  }
  return { ok: true, text: t, encoding, issues: [] };
}

/** UTF-16LE without BOM: ASCII-range text puts NUL in the odd bytes and almost never in the even ones. */
function looksUtf16Le(bytes: Uint8Array): boolean {
  if (bytes.length % 2 !== 0) return false;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = bytes.length / 2;
  return oddZero >= pairs * 0.3 && evenZero <= pairs * 0.02;
}

/** Well-formed multi-byte UTF-8 sequences vs bytes that break the encoding. */
function utf8Stats(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}
