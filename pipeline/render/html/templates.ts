/**
 * The site's Handlebars templates (templates/html/), read and compiled once per process and
 * folder; the only file-system read of the site renderer. An office may edit them, so each file
 * is checked when loaded (parsed, compiled and rendered once with a sample context, see
 * template-check.ts) and falls back to the built-in one when missing or broken, with a Chinese
 * warning naming the file, rather than a failed build.
 *
 * Escaping is not negotiable: a template using {{{ }}} or {{& }} is refused, because spreadsheet
 * text reaches every page and one unescaped variable would let a cell inject script.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { KNOWN_HELPERS_ONLY, PACKAGE_TEMPLATES_DIR, templateFileLabel, templateProblem, type Hbs } from '../template-check.ts';

/** The editions' pages, and `desk`: the office's own page, out/internal/index.html (desk-data.ts). */
export const PAGE_NAMES = ['index', 'bulletin', 'unit', 'units', 'disclosure', 'search', 'desk'] as const;
export type PageName = (typeof PAGE_NAMES)[number];
const PARTIAL_NAMES = ['layout', 'item-table', 'counts', 'legend'] as const;

export type PageTemplate = (context: object) => string;

export interface SiteTemplates {
  pages: Record<PageName, PageTemplate>;
  css: string;
  searchScript: string;
  /** The desk's stylesheet. */
  deskCss: string;
  /** Chinese messages about templates that were replaced by the built-in ones (grows if a page fails at render time). */
  warnings: string[];
}

/** The templates folder shipped with duban, which an office may edit in place. */
export const BUILTIN_TEMPLATES_DIR = PACKAGE_TEMPLATES_DIR;
/**
 * The pristine copy of the page templates in templates/html/ that a missing or broken one falls
 * back to: an office editing templates/html/ in place must not break the fallback too
 * (test/render/template-check.test.ts keeps the two copies the same).
 */
export const BUILTIN_HTML_DIR = fileURLToPath(new URL('./builtin/', import.meta.url));

const COMPILE = { ...KNOWN_HELPERS_ONLY, strict: false, preventIndent: true };

const loaded = new Map<string, SiteTemplates>();

/**
 * Reads `<templatesDir>/html/…`; anything missing or broken comes from the built-in set. One set
 * per folder and process: the build, the watch and the asset loader share it and its warnings.
 */
export function loadSiteTemplates(templatesDir: string = BUILTIN_TEMPLATES_DIR): SiteTemplates {
  const key = resolve(templatesDir);
  let t = loaded.get(key);
  if (!t) loaded.set(key, (t = compileSiteTemplates(templatesDir)));
  return t;
}

function compileSiteTemplates(templatesDir: string): SiteTemplates {
  const warnings: string[] = [];
  const hbs = Handlebars.create();
  const label = (rel: string) => templateFileLabel(templatesDir, `html/${rel}`);
  const used: string[] = []; // the office's files in use: a render failure without any is duban's own bug
  const source = (rel: string, check: Parameters<typeof templateProblem>[1]): string => {
    const own = tryRead(join(templatesDir, 'html', rel));
    const shipped = builtinSource(rel);
    // As shipped (most files of most offices): the built-in template, which needs no check (Handlebars compiles it at first use).
    if (own === null || own === shipped) return shipped;
    {
      const problem = templateProblem(own, check);
      if (problem === null) {
        used.push(rel);
        return own;
      }
      warnings.push(`${label(rel)}：${problem}，已改用内置模板`);
    }
    return shipped;
  };
  for (const name of PARTIAL_NAMES) {
    hbs.registerPartial(name, source(`partials/${name}.hbs`, { hbs, escapedOnly: true, asPartial: name, compile: COMPILE }));
  }
  const pages = {} as Record<PageName, PageTemplate>;
  for (const name of PAGE_NAMES) {
    const rel = `${name}.hbs`;
    const compiled = hbs.compile(source(rel, { hbs, escapedOnly: true, compile: COMPILE }), COMPILE);
    pages[name] = (context) => {
      if (used.length === 0) return compiled(context);
      try {
        return compiled(context);
      } catch (e) {
        // The check renders a sample; real data can still reach a branch it did not. Say so, once.
        const files = (used.includes(rel) ? [rel] : used.filter((f) => f.startsWith('partials/'))).map(label).join('、');
        const line = `${files}：生成 ${rel} 页面时出错（${(e as Error).message.split('\n')[0]}），已改用内置模板`;
        if (!warnings.includes(line)) warnings.push(line);
        return builtinPages()[name](context);
      }
    };
  }
  /** The stylesheet and the search script cannot break a page: the office's, else the shipped one. */
  const asset = (name: string, without: string): string => {
    const rel = `assets/${name}`;
    const text = tryRead(join(templatesDir, 'html', rel)) ?? tryRead(join(PACKAGE_TEMPLATES_DIR, 'html', rel));
    if (text !== null) return text;
    warnings.push(`${label(rel)}：文件缺失，${without}；请从 duban 安装包中恢复该文件`);
    return '';
  };
  return {
    pages,
    css: asset('site.css', '网页将没有样式'),
    searchScript: asset('search.js', '事项查询将不可用'),
    deskCss: asset('desk.css', '督办工作台将没有样式'),
    warnings,
  };
}

let builtin: Record<PageName, PageTemplate> | null = null;
/** The built-in pages with the built-in partials, compiled on first need. */
function builtinPages(): Record<PageName, PageTemplate> {
  if (builtin) return builtin;
  const hbs: Hbs = Handlebars.create();
  for (const name of PARTIAL_NAMES) hbs.registerPartial(name, builtinSource(`partials/${name}.hbs`));
  const pages = {} as Record<PageName, PageTemplate>;
  for (const name of PAGE_NAMES) pages[name] = hbs.compile(builtinSource(`${name}.hbs`), COMPILE);
  return (builtin = pages);
}

function builtinSource(rel: string): string {
  const text = tryRead(join(BUILTIN_HTML_DIR, rel));
  if (text === null) throw new Error(`duban: built-in site template ${rel} is missing from ${BUILTIN_HTML_DIR}`);
  return text;
}

function tryRead(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
