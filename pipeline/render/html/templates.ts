/**
 * The site's Handlebars templates (templates/html/), read and compiled once per process; the
 * only file-system read of the site renderer. An office may edit them, so each file falls back
 * to the built-in one when missing or broken, with a warning rather than a failed build.
 *
 * Escaping is not negotiable: a template using {{{ }}} or {{& }} is refused, because spreadsheet
 * text reaches every page and one unescaped variable would let a cell inject script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const PAGE_NAMES = ['index', 'bulletin', 'unit', 'units', 'disclosure', 'search'] as const;
export type PageName = (typeof PAGE_NAMES)[number];
const PARTIAL_NAMES = ['layout', 'item-table', 'counts', 'legend'] as const;

export type PageTemplate = (context: object) => string;

export interface SiteTemplates {
  pages: Record<PageName, PageTemplate>;
  css: string;
  searchScript: string;
  /** Chinese messages about templates that were replaced by the built-in ones. */
  warnings: string[];
}

/** The templates shipped with duban, next to this repository's code. */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** Reads `<templatesDir>/html/…`; anything missing or broken comes from the built-in set. */
export function loadSiteTemplates(templatesDir: string = BUILTIN_TEMPLATES_DIR): SiteTemplates {
  const warnings: string[] = [];
  const hbs = Handlebars.create();
  const source = (rel: string, check: boolean): string => {
    const own = tryRead(join(templatesDir, 'html', rel));
    if (own !== null) {
      const problem = check ? templateProblem(hbs, own) : null;
      if (problem === null) return own;
      warnings.push(`templates/html/${rel} 有误（${problem}），已使用默认模板`);
    }
    const builtin = tryRead(join(BUILTIN_TEMPLATES_DIR, 'html', rel));
    if (builtin === null) throw new Error(`缺少网站模板 templates/html/${rel}，请从 duban 安装包中恢复该文件。`);
    return builtin;
  };
  for (const name of PARTIAL_NAMES) hbs.registerPartial(name, source(`partials/${name}.hbs`, true));
  const pages = {} as Record<PageName, PageTemplate>;
  for (const name of PAGE_NAMES) {
    const compiled = hbs.compile(source(`${name}.hbs`, true), { strict: false, preventIndent: true });
    pages[name] = (context) => compiled(context);
  }
  return { pages, css: source('assets/site.css', false), searchScript: source('assets/search.js', false), warnings };
}

/** Why a template cannot be used, or null. Parsing catches syntax errors before the first render. */
export function templateProblem(hbs: typeof Handlebars, text: string): string | null {
  if (/\{\{~?\s*(\{|&)/.test(text)) return '不允许使用三花括号 {{{ }}} 或 {{& }}：表格中的文字必须转义后输出';
  try {
    hbs.parse(text);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.split('\n')[0] ?? '语法错误' : '语法错误';
  }
}

function tryRead(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
