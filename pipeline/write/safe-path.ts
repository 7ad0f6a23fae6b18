/**
 * Output paths come partly from CSV text (unit names, ids). Nothing may land outside out/:
 * names are sanitised where they are made, and every path is checked again here.
 */
import path from 'node:path';

/** A file-name segment from untrusted text: no separators, no control or reserved characters, bounded length. */
export function safeSegment(text: string, maxLength = 60): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u200b-\u200f\u2028\u2029\ufeff]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  const short = [...cleaned].slice(0, maxLength).join('');
  return short === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(short) ? '_' : short;
}

/** Absolute path of an output inside outDir, or an error message when it would escape. */
export function resolveInside(outDir: string, relative: string): { ok: true; abs: string } | { ok: false; message: string } {
  const root = path.resolve(outDir);
  if (relative === '' || path.isAbsolute(relative) || relative.split(/[\\/]/).some((s) => s === '..' || s === '')) {
    return { ok: false, message: `输出路径不安全：「${relative}」` };
  }
  const abs = path.resolve(root, relative);
  if (!abs.startsWith(root + path.sep)) return { ok: false, message: `输出路径超出输出目录：「${relative}」` };
  return { ok: true, abs };
}
