/**
 * Which font file plays which GB/T 9704 role. Offices that own the real faces
 * (方正小标宋, 仿宋_GB2312, 黑体, 楷体) drop the TTFs into templates/fonts/; otherwise the
 * roles fall back to Noto Serif SC Bold/Regular, the only CJK faces we may ship.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** title = 小标宋 (2号 titles, 发文机关标志), body = 仿宋, heading1 = 黑体, heading2 = 楷体, song = 宋体 (page numbers). */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'song';
export const FONT_ROLES: readonly FontRole[] = ['title', 'body', 'heading1', 'heading2', 'song'];

/** pdfmake family names, one per role. */
export const FONT_FAMILY: Record<FontRole, string> = {
  title: 'XiaoBiaoSong',
  body: 'FangSong',
  heading1: 'HeiTi',
  heading2: 'KaiTi',
  song: 'SongTi',
};

/** Name patterns of templates/fonts/ files, checked case-insensitively (documented in templates/fonts/README.md). */
export const ROLE_PATTERNS: Record<FontRole, RegExp> = {
  title: /小标宋|xbs|xiaobiaosong|biaosong/i,
  body: /仿宋|fangsong|fang_song|simfang/i,
  heading1: /黑体|heiti|simhei/i,
  heading2: /楷体|kaiti|simkai/i,
  song: /宋体|songti|simsun/i,
};

const NOTO_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

/** The Noto mapping: bold serif stands in for 小标宋 and 黑体, regular for the rest. */
export function defaultFontFiles(): Record<FontRole, string> {
  const require = createRequire(import.meta.url);
  const regular = require.resolve(NOTO_FILES.regular);
  const bold = require.resolve(NOTO_FILES.bold);
  return { title: bold, body: regular, heading1: bold, heading2: regular, song: regular };
}

/**
 * Office fonts found in `dir` override the defaults role by role: .ttf and .otf files, and
 * collections (.ttc, .otc — such as Windows' simsun.ttc), of which the Simplified Chinese face
 * is used (assets.ts). Web fonts (woff, woff2) do not qualify. Files are taken in name order so
 * the choice is stable.
 */
export function officeFontFiles(dir: string): Partial<Record<FontRole, string>> {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.(ttf|otf|ttc|otc)$/i.test(n) && !n.startsWith('.'))
      .sort();
  } catch {
    return {};
  }
  const found: Partial<Record<FontRole, string>> = {};
  for (const role of FONT_ROLES) {
    const name = names.find((n) => ROLE_PATTERNS[role].test(n));
    if (name) found[role] = join(dir, name);
  }
  return found;
}

/**
 * A parsed font's family name as Word and WPS list it (for the DOCX, which names its fonts): the
 * Simplified Chinese name when the font has one (仿宋_GB2312), else its family name.
 */
export function familyName(font: unknown): string | null {
  const f = font as { familyName?: string; name?: { records?: Record<string, Record<string, string> | undefined> } };
  for (const key of ['preferredFamily', 'fontFamily']) {
    const names = f.name?.records?.[key];
    const zh = names?.zh ?? names?.['zh-CN'];
    if (zh) return zh;
  }
  return f.familyName || null;
}
