import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskPersonal } from '../../../pipeline/render/html/mask-personal.ts';
import { safeHttpUrl, selectEdition } from '../../../pipeline/render/html/edition.ts';
import { buildBulletin } from '../../../pipeline/render/html/bulletin-data.ts';
import { scriptSafeJson } from '../../../pipeline/render/html/search-index.ts';
import { loadSiteTemplates } from '../../../pipeline/render/html/templates.ts';
import { fixtureSiteAnalysis, SITE_PERSONAL } from '../../support/analysis-fixture.ts';
import { CAMPUS_ONLY, editionFiles, leaks, NEVER_PUBLISHED, renderFixtureSite, textOf } from './site-fixture.ts';

const NOV = { id: '2026-11', label: '2026年11月', start: '2026-11-01', end: '2026-11-30' };

describe('maskPersonal', () => {
  it.each([
    ['身份证110105199001011234号', '身份证110105********1234号'],
    ['11010519900101123X', '110105********123X'],
    ['110105 19900101 1234', '110105********1234'],
    ['手机13812345678。', '手机138****5678。'],
    ['电话：+86 138-1234-5678', '电话：138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['卡号6222021234567890123', '卡号622202*********0123'],
    ['6222 0212 3456 7890', '622202******7890'],
    ['20261103 13812345678', '20261103 138****5678'],
  ])('%s', (input, out) => expect(maskPersonal(input)).toBe(out));
  it('leaves office phones, dates, ids and short numbers alone', () => {
    for (const s of ['0771-2687015', '2026年11月25日', 'DB2026-001', '第12号提案', '12345678901']) expect(maskPersonal(s)).toBe(s);
  });
});

describe('selectEdition (the boundary)', () => {
  const a = fixtureSiteAnalysis();
  it('keeps 社会公开 in public, adds 校内公开 in campus, never 不公开', () => {
    const ids = (e: 'public' | 'campus') =>
      selectEdition(a, e)
        .items.map((i) => i.id)
        .sort();
    expect(ids('public')).toEqual(['DB2026-001', 'DB2026-003', 'DB2026-005', 'DB2026-007', 'DB2026-010', 'DB2026-011', 'DB2026-015', 'DB2026-016']);
    expect(ids('campus')).toEqual([...ids('public'), 'DB2026-002', 'DB2026-006', 'DB2026-008', 'DB2026-012'].sort());
    expect(selectEdition(a, 'campus').disclosures.map((d) => d.title)).not.toContain('干部考察谈话记录');
  });
  it('copies whitelisted fields only', () => {
    const v = selectEdition(a, 'campus');
    expect(Object.keys(v.items[0]!).sort()).toEqual([
      'assignedOn',
      'coUnits',
      'completedOn',
      'effectiveDeadline',
      'id',
      'key',
      'leadUnit',
      'light',
      'ongoing',
      'overdueWorkdays',
      'source',
      'status',
      'title',
      'workdaysLeft',
    ]);
    expect(Object.keys(v.disclosures[0]!).sort()).toEqual(['category', 'dueOn', 'form', 'href', 'late', 'publishedOn', 'summary', 'title', 'unit']);
    expect(Object.keys(v).sort()).toEqual(['asOf', 'disclosures', 'edition', 'feedback', 'items']);
  });
  it('gives the campus edition counts of feedback and requests over its own items, and the public edition nothing', () => {
    expect(selectEdition(a, 'campus').feedback).toBeNull();
    const withLoop = structuredClone(a);
    const set = (id: string, over: Partial<(typeof withLoop.items)[number]>) => Object.assign(withLoop.items.find((i) => i.id === id)!, over);
    const req = { kind: '办结' as const, on: '2026-11-20', date: '2026-11-19', decision: 'pending' as const, decidedOn: null, by: null, text: '单位的说明', unit: '教务处', checks: [], opinion: '' };
    set('DB2026-002', { feedbackStatus: 'received', feedback: { on: '2026-11-20', unit: '后勤管理处', progress: '校内公开事项的进展', state: '办理中' } });
    set('DB2026-003', { feedbackStatus: 'missing' });
    set('DB2026-012', { request: { ...req, decision: 'approved', decidedOn: '2026-11-24', by: '党政办公室' } });
    // A 不公开 item's feedback and request count nowhere.
    set('DB2026-004', { feedbackStatus: 'received', feedback: { on: '2026-11-20', unit: '网络与信息中心', progress: '内部', state: '申请办结' }, request: req });
    const campus = selectEdition(withLoop, 'campus').feedback;
    expect(campus).toEqual({ received: 1, missing: 1, pending: 0, requests: 1, approved: 1, returned: 0, undecided: 0 });
    expect(selectEdition(withLoop, 'public').feedback).toBeNull();
    expect(JSON.stringify(selectEdition(withLoop, 'campus'))).not.toContain('校内公开事项的进展');
    expect(JSON.stringify(selectEdition(withLoop, 'campus'))).not.toContain('单位的说明');
  });
  it('masks personal numbers and keeps only http(s) links', () => {
    const t = selectEdition(a, 'public').items.find((i) => i.id === 'DB2026-016')!.title;
    expect(t).toContain(SITE_PERSONAL.idMasked);
    expect(t).toContain(SITE_PERSONAL.mobileMasked);
    expect(t).toContain(SITE_PERSONAL.bankCardMasked);
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('//evil.example/x')).toBeNull();
    expect(safeHttpUrl('https://user:pw@example.edu.cn/')).toBeNull();
    expect(safeHttpUrl('https://www.example.edu.cn/zs/2026')).toBe('https://www.example.edu.cn/zs/2026');
  });
});

describe('通报: praise and criticism come from the edition’s own items', () => {
  const a = fixtureSiteAnalysis();
  const pub = buildBulletin(selectEdition(a, 'public'), NOV);
  const campus = buildBulletin(selectEdition(a, 'campus'), NOV);
  it('names and praises only units of visible items', () => {
    expect(pub.named.map((n) => n.unit)).toEqual(['教务处', '国有资产管理处']);
    expect(campus.named.map((n) => n.unit)).toEqual(['教务处', '后勤管理处', '国有资产管理处']);
    expect(pub.praised.map((p) => p.unit)).toEqual(['学生工作处']);
    expect(campus.praised.map((p) => p.unit).sort()).toEqual(['学生工作处', '招生就业处'].sort());
  });
  it('counts only visible items', () => {
    expect(pub.counts).toMatchObject({ total: 7, done: 1, overdue: 2, onTimeRate: '33.3%' });
    expect(campus.counts).toMatchObject({ total: 10, done: 2, overdue: 3, onTimeRate: '40%' });
  });
});

describe('renderSite', () => {
  const files = renderFixtureSite();
  const pub = editionFiles(files, 'public');
  const campus = editionFiles(files, 'campus');

  it('emits both editions with the same page set per edition kind', () => {
    for (const ed of [pub, campus]) {
      const paths = ed.map((f) => f.path.replace(/^\w+\//, ''));
      for (const p of ['index.html', 'bulletin/2026-10.html', 'bulletin/2026-11.html', 'units.html', 'disclosure.html', 'search.html', 'assets/site.css', 'assets/search.js', 'assets/search-index.js'])
        expect(paths).toContain(p);
    }
    expect(files.every((f) => /^(public|campus)\/[A-Za-z0-9_./-]+$/.test(f.path))).toBe(true);
  });
  it('public carries nothing from 校内公开 or 不公开 rows, nor internal fields', () => {
    expect(leaks(pub, [...NEVER_PUBLISHED, ...CAMPUS_ONLY])).toEqual([]);
  });
  it('campus carries 校内公开 but nothing from 不公开 rows or internal fields', () => {
    expect(leaks(campus, NEVER_PUBLISHED)).toEqual([]);
    const all = campus.map(textOf).join('\n');
    for (const m of CAMPUS_ONLY) expect(all).toContain(m);
  });
  it('masks personal numbers on every page', () => {
    const all = files.map(textOf).join('\n');
    expect(all).toContain(SITE_PERSONAL.idMasked);
    expect(all).toContain(SITE_PERSONAL.mobileMasked);
    expect(all).toContain(SITE_PERSONAL.bankCardMasked);
  });
  it('escapes spreadsheet text and links only http(s)', () => {
    for (const f of files.filter((f) => f.path.endsWith('.html'))) {
      const html = textOf(f);
      expect(html).not.toMatch(/<script>alert|<img src=x|onerror=/i);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      for (const s of scripts) expect(s).toMatch(/^<script src="assets\/search(-index)?\.js">$/);
      for (const [, url] of html.matchAll(/(?:href|src|action)="([^"]*)"/g)) {
        if (/^https?:/.test(url!)) expect(url).toBe('https://www.example.edu.cn/zs/2026');
        else expect(url).toMatch(/^(\.\.\/)*[A-Za-z0-9_./-]*(#[\w-]+)?$/);
      }
      for (const a of html.matchAll(/<a [^>]*href="https?:[^>]*>/g)) expect(a[0]).toContain('rel="noopener noreferrer"');
    }
    const disclosure = textOf(pub.find((f) => f.path === 'public/disclosure.html')!);
    expect(disclosure).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(disclosure).toContain('党费收缴使用情况&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
  });
  it('makes a search index that is safe inside <script>', () => {
    const idx = textOf(pub.find((f) => f.path === 'public/assets/search-index.js')!);
    expect(idx).toMatch(/^window\.DUBAN_SEARCH_INDEX = \[/);
    expect(idx).not.toMatch(/[<>&\u2028\u2029]/);
    expect(idx).toContain('\\u003cscript\\u003ealert(1)');
    expect(JSON.parse(scriptSafeJson(['</script>\u2028&']))).toEqual(['</script>\u2028&']);
  });
  it('is accessible: lang, viewport, captions, scoped headers', () => {
    for (const f of files.filter((f) => f.path.endsWith('.html'))) {
      const html = textOf(f);
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('name="viewport"');
      const tables = html.match(/<table\b/g)?.length ?? 0;
      expect(html.match(/<caption>/g)?.length ?? 0).toBe(tables);
      expect(html).not.toMatch(/<th>|<th class="[^"]*">/);
    }
  });
  it('is deterministic', () => {
    const again = renderFixtureSite();
    expect(again.map((f) => [f.path, textOf(f)])).toEqual(files.map((f) => [f.path, textOf(f)]));
  });
});

describe('loadSiteTemplates', () => {
  it('refuses templates that would print unescaped text, and falls back to the built-in ones', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-tpl-'));
    mkdirSync(path.join(dir, 'html'));
    writeFileSync(path.join(dir, 'html', 'index.hbs'), '{{#> layout}}{{{latest.period.label}}}{{/layout}}');
    writeFileSync(path.join(dir, 'html', 'units.hbs'), '{{#> layout}}{{#each units}}{{/layout}}');
    const t = loadSiteTemplates(dir);
    expect(t.warnings).toHaveLength(2);
    expect(t.warnings[0]).toContain('三花括号');
    expect(t.pages.index({ site: {}, nav: {}, root: '' })).toContain('<html lang="zh-CN">');
  });
});

describe('long images', () => {
  it('only the latest 通报 of each edition is marked for a long image and offers its download', () => {
    const files = renderFixtureSite();
    for (const edition of ['public', 'campus'] as const) {
      const marked = editionFiles(files, edition)
        .filter((f) => f.longImage)
        .map((f) => f.path);
      expect(marked).toEqual([`${edition}/bulletin/2026-11.html`]);
      const older = editionFiles(files, edition).find((f) => f.path === `${edition}/bulletin/2026-10.html`)!;
      expect(textOf(older)).not.toContain('下载长图');
      const latest = editionFiles(files, edition).find((f) => f.path === `${edition}/bulletin/2026-11.html`)!;
      expect(textOf(latest)).toContain('href="2026-11.png"');
    }
  });
});
