/**
 * The fonts a DOCX names, role by role. A DOCX does not carry its fonts: it names them, and WPS
 * or Word on the office's machine sets the text in them. So it names the faces Chinese offices
 * have installed — 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体 — unless the office put its
 * own font files into templates/fonts/, which the PDF embeds: then the DOCX names those, by the
 * Chinese family name in the font file, so both are set in the same faces.
 */
import type { FontRole } from '../pdf/fonts.ts';

export type DocxFonts = Record<FontRole, string>;

/** GB/T 9704's faces under the names Chinese offices have them. */
export const OFFICE_FONT_NAMES: DocxFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  song: '宋体',
};

/**
 * What Word and WPS use where a named face is missing (fontTable.xml altName): Windows has 仿宋,
 * 楷体, 黑体 and 宋体 but not the _GB2312 faces or 方正小标宋.
 */
const ALTERNATES: Record<string, string> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
  黑体: 'SimHei',
  宋体: 'SimSun',
};

/** Office fonts by role where templates/fonts/ supplied one (null: the built-in font, named as above). */
export function docxFonts(own: Partial<Record<FontRole, string | null>>): DocxFonts {
  const out = { ...OFFICE_FONT_NAMES };
  for (const role of Object.keys(out) as FontRole[]) {
    const name = own[role];
    if (name) out[role] = name;
  }
  return out;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** word/fontTable.xml: the named faces, with GB2312 charset and the alternates above. */
export function fontTableXml(fonts: DocxFonts): string {
  const names = [...new Set([...Object.values(fonts), 'Times New Roman'])];
  const entries = names.map((name) => {
    const alt = ALTERNATES[name];
    const latin = name === 'Times New Roman';
    return (
      `<w:font w:name="${escapeAttr(name)}">` +
      (alt ? `<w:altName w:val="${escapeAttr(alt)}"/>` : '') +
      `<w:charset w:val="${latin ? '00' : '86'}"/><w:family w:val="${latin ? 'roman' : 'modern'}"/><w:pitch w:val="${latin ? 'variable' : 'fixed'}"/></w:font>`
    );
  });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + entries.join('') + '</w:fonts>';
}
