/**
 * File names derived from CSV text (unit names, ids) must never become paths: every
 * component is sanitised here, and the renderers only join sanitised names under fixed folders.
 */
import { stripControls } from '../../model/control-chars.ts';

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_CHARS = 60;

/** One safe path component: no separators, dot-dot, `#`, controls, bidi overrides or Windows-reserved characters/names. */
export function safeName(text: string, fallback = '未命名'): string {
  let name = stripControls(text.normalize('NFC'))
    .replace(/[<>:"/\\|?*]/g, '_')
    // Ids built from a file name and 序号 (spec §2.1: `台账#5`): `#` cuts a link or a path in half.
    .replace(/#/g, '-')
    .replace(/\.{2,}/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const chars = Array.from(name);
  if (chars.length > MAX_CHARS)
    name = chars
      .slice(0, MAX_CHARS)
      .join('')
      .replace(/[.\s]+$/, '');
  if (name === '' || name === '_') name = fallback;
  if (RESERVED_WINDOWS.test(name)) name = `_${name}`;
  return name;
}

/** Hands out unique names within one folder (case-insensitively, as Windows and macOS compare). */
export class NameRegistry {
  private readonly used = new Set<string>();

  /** `extension` '' names a sub-folder. */
  take(folder: string, stem: string, extension: string): string {
    const base = safeName(stem);
    const dot = extension === '' ? '' : `.${extension}`;
    let candidate = base;
    for (let i = 2; this.used.has(`${folder}/${candidate}${dot}`.toLowerCase()); i++) candidate = `${base}-${i}`;
    this.used.add(`${folder}/${candidate}${dot}`.toLowerCase());
    return `${folder}/${candidate}${dot}`;
  }
}
