/** The check every office template passes before use, and the fallback when real data still breaks one. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templateProblem } from '../../pipeline/render/template-check.ts';
import { BUILTIN_HTML_DIR, loadSiteTemplates } from '../../pipeline/render/html/templates.ts';
import { compileWordingSet } from '../../pipeline/render/pdf/wording.ts';

const ROOT = path.join(import.meta.dirname, '../..');

function page(text: string, partials: Record<string, string> = {}): string | null {
  const hbs = Handlebars.create();
  for (const [name, p] of Object.entries(partials)) hbs.registerPartial(name, p);
  return templateProblem(text, { hbs, escapedOnly: true });
}

afterEach(() => vi.restoreAllMocks());

describe('templateProblem', () => {
  it.each([
    ['{{shout title}}', /未知的辅助函数「shout」（第 1 行）/],
    ['a\n{{#each rows}}\n{{#if ok}}{{upper title}}{{/if}}{{/each}}', /未知的辅助函数「upper」（第 3 行）/],
    ['{{#if (eq a b)}}x{{/if}}', /未知的辅助函数「eq」/],
    ['{{#if}}x{{/if}}', /「if」需要 1 个参数，这里有 0 个/],
    ['{{#each a b}}x{{/each}}', /「each」需要 1 个参数，这里有 2 个/],
    ['{{> nope}}', /未知的子模板「nope」（第 1 行）/],
    ['{{#if a}}{{else}}{{#> nope}}x{{/nope}}{{/if}}', /未知的子模板「nope」/],
    ['{{> (which)}}', /动态子模板/],
    ['{{* deco}}', /不支持修饰器/],
    ['{{{title}}}', /三花括号/],
    ['{{& title}}', /三花括号/],
    ['{{#if a}}x', /语法错误（第 1 行）/],
    ['{{#if a}}x{{/each}}', /语法错误（第 1 行）：\{\{\/each\}\} 与 \{\{#if\}\} 不配对/],
    ['{{#*inline "r"}}{{> r}}{{/inline}}{{> r}}', /无限循环/],
  ])('%s', (text, problem) => {
    expect(page(text)).toMatch(problem);
  });

  it.each([
    '{{title}} {{a.b.c}} {{rows.length}} {{rows.[40]}} {{@root.x}} {{../x}}',
    '{{#each rows}}{{@index}} {{this}} {{../root}}{{#each items as |it|}}{{it.name}}{{/each}}{{else}}无{{/each}}',
    '{{#with a}}{{b}}{{/with}}{{#unless a}}x{{/unless}}{{lookup a "b"}}',
    '{{#*inline "row"}}<td>{{t}}</td>{{/inline}}{{#each rows}}{{> row t=title}}{{/each}}',
    '{{!-- 注释里写 {{{三花括号}}} 不算 --}}{{x}}',
    '{{#> layout}}页面{{/layout}}',
  ])('accepts %s', (text) => {
    const spies = (['log', 'warn', 'error'] as const).map((k) => vi.spyOn(console, k));
    expect(page(text, { layout: '<main>{{> @partial-block}}</main>' })).toBeNull();
    for (const s of spies) expect(s).not.toHaveBeenCalled(); // no prototype-access warnings from the sample
  });

  it('a partial is tried inside a page, so {{> @partial-block}} is there', () => {
    const hbs = Handlebars.create();
    expect(templateProblem('<main>{{> @partial-block}}</main>', { hbs, escapedOnly: true, asPartial: 'layout' })).toBeNull();
    expect(templateProblem('<main>{{shout x}}</main>', { hbs, escapedOnly: true, asPartial: 'layout' })).toMatch(/shout/);
  });

  it('plain-text wording may use {{{ }}} (nothing is escaped there anyway)', () => {
    expect(templateProblem('{{{title}}}', { hbs: Handlebars.create(), compile: { noEscape: true } })).toBeNull();
  });
});

describe('the stylesheet and the search script', () => {
  it('come from the shipped templates when the office folder has none', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-tpl-'));
    const t = loadSiteTemplates(dir);
    expect(t.warnings).toEqual([]);
    expect(t.css).toBe(readFileSync(path.join(ROOT, 'templates/html/assets/site.css'), 'utf8'));
    expect(t.searchScript).toContain('search-results');
  });
});

describe('a template that passes the check but fails on real data', () => {
  // Recursion only where the sample (every name truthy) does not go: the public edition.
  const recurse = '{{#*inline "r"}}{{#unless site.isCampus}}{{> r}}{{/unless}}{{/inline}}{{> r}}';

  it('site page: rendered from the built-in template, with a warning naming the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-tpl-'));
    mkdirSync(path.join(dir, 'html'));
    writeFileSync(path.join(dir, 'html', 'search.hbs'), `{{#> layout}}${recurse}{{/layout}}`);
    const t = loadSiteTemplates(dir);
    expect(t.warnings).toEqual([]);
    const html = t.pages.search({ site: { isCampus: false }, nav: {}, root: '', itemCount: 3 });
    expect(html).toContain('共收录3项督办事项');
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatch(/html\/search\.hbs：生成 search\.hbs 页面时出错.*已改用内置模板/);
    t.pages.search({ site: { isCampus: false }, nav: {}, root: '', itemCount: 3 });
    expect(t.warnings).toHaveLength(1); // said once
  });

  it('wording: that sentence falls back to the default, with a warning', () => {
    const r = compileWordingSet({ title: '默认标题{{n}}' }, { title: recurse }, 'wording.json');
    expect(r.warnings).toEqual([]);
    expect(r.say('title', { n: 1, site: { isCampus: false } })).toBe('默认标题1');
    expect(r.warnings[0]).toMatch(/wording\.json「title」：生成时出错.*已改用内置措辞/);
  });
});

describe('the built-in site templates', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.hbs'))
      .sort();

  it('templates/html/ ships an exact copy of the pristine page templates a broken one falls back to', () => {
    const shipped = path.join(ROOT, 'templates/html');
    expect(files(shipped)).toEqual(files(BUILTIN_HTML_DIR));
    for (const f of files(BUILTIN_HTML_DIR)) expect(readFileSync(path.join(shipped, f), 'utf8'), f).toBe(readFileSync(path.join(BUILTIN_HTML_DIR, f), 'utf8'));
  });
});
