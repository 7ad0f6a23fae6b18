/**
 * The only place the PDF renderers touch the file system: fonts and wording are read here,
 * once, and handed to the pure renderers as `PdfAssets`.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cacheFont, collectionFaces, type CachedFont } from './font-cache.ts';
import type { FontTable, PdfEngine } from './report/printer.ts';
import { FONT_FAMILY, FONT_ROLES, defaultFontFiles, familyName, officeFontFiles, type FontRole } from './fonts.ts';
import type { TextKit } from './layout/gbt9704-layout.ts';
import { fontMeasure } from './layout/text-measure.ts';
import { compileWording, readWordingFile, type Wording } from './wording.ts';
import { TrueTypeSource } from './writer/truetype-source.ts';
import { templateFileLabel } from '../template-check.ts';
import type { PageFonts } from './writer/pages-pdf.ts';

export interface PdfAssets {
  /** Where fonts and wording were read from (form-pool.ts workers load the same). */
  templatesDir: string;
  engine: PdfEngine;
  kit: TextKit;
  say: Wording;
  /** The same fonts as raw TrueType, for the documents drawn without pdfmake (writer/pages-pdf.ts). */
  pageFonts: PageFonts;
  /** Font file used for each role (for the build log). */
  fontFiles: Record<FontRole, string>;
  /** Family name of the office's own font for a role (the DOCX names it), null where the built-in font is used. */
  familyNames: Record<FontRole, string | null>;
  /** Chinese messages about office fonts or wording that could not be used (grows if a sentence fails at render time). */
  warnings: string[];
}

interface LoadedFont extends CachedFont {
  /** Null for OpenType/CFF outlines, which only pdfmake can embed. */
  source: TrueTypeSource | null;
}

// Parsing a CJK font is the expensive part: once per file per process.
const parsedFonts = new Map<string, LoadedFont>();

function loadFont(path: string): LoadedFont {
  let cached = parsedFonts.get(path);
  if (!cached) {
    const bytes = readFileSync(path);
    // A collection (.ttc, such as Windows' simsun.ttc or Noto CJK): its Simplified Chinese face, else its first.
    const faces = collectionFaces(bytes);
    const face = faces ? (faces.find((f) => f.simplified) ?? faces[0]) : undefined;
    if (faces && !face) throw new Error('字体集合中没有字体');
    const font = cacheFont(bytes, face?.postscriptName);
    let source: TrueTypeSource | null = null;
    try {
      source = new TrueTypeSource(bytes, font.font, face?.directory ?? 0);
    } catch {
      source = null;
    }
    cached = { ...font, source };
    parsedFonts.set(path, cached);
  }
  return cached;
}

/** The office's own font (templates/fonts/) for each role it supplied that can be embedded; a warning for each that cannot. */
function usableOfficeFonts(templatesDir: string, warnings: string[]): Partial<Record<FontRole, { file: string; font: LoadedFont }>> {
  const office = officeFontFiles(join(templatesDir, 'fonts'));
  const usable: Partial<Record<FontRole, { file: string; font: LoadedFont }>> = {};
  for (const role of FONT_ROLES) {
    const candidate = office[role];
    if (!candidate) continue;
    try {
      const font = loadFont(candidate);
      if (Object.keys(font.font.variationAxes ?? {}).length > 0) {
        warnings.push(`字体 ${basename(candidate)} 是可变字体，无法嵌入，已改用默认字体`);
      } else if (!font.source) {
        warnings.push(`字体 ${basename(candidate)} 的字形既不是 TrueType 也不是 OpenType/CFF 轮廓（可能是 CFF2 可变字体或 Type 1 字体），无法嵌入 PDF，请换用 .ttf 或 .otf 文件；已改用默认字体`);
      } else {
        usable[role] = { file: candidate, font };
      }
    } catch (e) {
      warnings.push(`字体 ${basename(candidate)} 无法读取（${(e as Error).message}），已改用默认字体`);
    }
  }
  return usable;
}

function loadWording(templatesDir: string, warnings: string[]): Wording {
  const file = templateFileLabel(templatesDir, 'pdf/wording.json');
  const wording = compileWording(readWordingFile(join(templatesDir, 'pdf', 'wording.json'), file, warnings), file);
  warnings.push(...wording.warnings);
  return wording.say;
}

/** The wording of loadPdfAssets alone, without parsing any font (a build's file plans). */
export function loadPdfWording(templatesDir: string): { say: Wording; warnings: string[] } {
  const warnings: string[] = [];
  return { say: loadWording(templatesDir, warnings), warnings };
}

/** The warnings of loadPdfAssets without parsing the built-in fonts (`duban check`: nothing is drawn). */
export function pdfAssetWarnings(templatesDir: string): string[] {
  const warnings: string[] = [];
  usableOfficeFonts(templatesDir, warnings);
  loadWording(templatesDir, warnings);
  return warnings;
}

export function loadPdfAssets(templatesDir: string): PdfAssets {
  const warnings: string[] = [];
  const defaults = defaultFontFiles();
  const own = usableOfficeFonts(templatesDir, warnings);
  const fontFiles = { ...defaults };
  const fonts = {} as Record<FontRole, LoadedFont>;
  const familyNames = {} as Record<FontRole, string | null>;
  for (const role of FONT_ROLES) {
    const office = own[role];
    if (office) fontFiles[role] = office.file;
    fonts[role] = office?.font ?? loadFont(defaults[role]);
    familyNames[role] = office ? familyName(office.font.font) : null;
  }

  const files = new Map<string, Buffer>();
  const table: FontTable = {};
  const kit = {} as TextKit;
  const pageFonts = {} as PageFonts;
  for (const role of FONT_ROLES) {
    const source = fonts[role].source;
    if (!source) throw new Error(`duban: default font for ${role} is not TrueType`);
    pageFonts[role] = source;
    const name = `fonts/${role}`;
    files.set(name, fonts[role].handle);
    // One face per role: bold/italic requests fall back to the same face.
    table[FONT_FAMILY[role]] = { normal: name, bold: name, italics: name, bolditalics: name };
    kit[role] = fontMeasure(fonts[role].font);
  }

  const say = loadWording(templatesDir, warnings);
  return { templatesDir, engine: { fonts: table, files }, kit, say, pageFonts, fontFiles, familyNames, warnings };
}
