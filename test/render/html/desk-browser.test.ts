/**
 * The office's desk (out/internal/index.html) in a real headless browser, opened from file:// after
 * a real build of the sample ledgers with hostile cells added: no console error, no request leaving
 * file://, every link a file of out/, every letter of the build linked, every payload inert text.
 * Without a browser this file fails with NO_BROWSER_MESSAGE; it never passes silently.
 */
import { appendFile, cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, launchBrowser, NO_BROWSER_MESSAGE } from '../../../pipeline/render/html/browser.ts';
import { runCli } from '../../support/run-cli.ts';
import { watchedPage, type Watched } from '../../support/watched-page.ts';

const SAMPLE = path.join(import.meta.dirname, '../../../data');
const LEDGER = '2026年校长办公会督办台账.csv';
const AS_OF = '2026-11-27';

const PAYLOADS = {
  title: '<script>alert(1)</script><img src=x onerror=alert(2)>清理超期借用公房',
  cell: '<img src=x onerror=alert(4)>尽快',
  // no separator (，,、；;/ or a space), so it stays one unit name; `%23` and `#` must stay in the file name
  unit: '"><svg>百分之百%23#',
  feedback: '<iframe src="javascript:alert(6)"></iframe>已完成清理',
  reason: '<script>alert(7)</script>设备未到货',
};
const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;

let browser: Browser;
let out: string;

beforeAll(async () => {
  if (!findBrowser()) throw new Error(NO_BROWSER_MESSAGE);
  const base = await mkdtemp(path.join(os.tmpdir(), 'duban-desk-'));
  const data = path.join(base, 'data');
  out = path.join(base, 'out');
  await cp(SAMPLE, data, { recursive: true });
  await appendFile(
    path.join(data, LEDGER),
    [
      `XS2026-901,${csv(PAYLOADS.title)},教务处,,会议决策,纪要,2026/10/12,,10月30日,,,,办理中,,,不公开`,
      `XS2026-902,错误事项,教务处,,会议决策,纪要,2026/10/12,,${csv(PAYLOADS.cell)},,,,办理中,,,不公开`,
      `XS2026-903,整改公房出租问题,${csv(PAYLOADS.unit)},,会议决策,纪要,2026/10/12,,10月30日,,,,办理中,,,不公开`,
    ].join('\n') + '\n',
  );
  await writeFile(path.join(data, '催办记录-测试.csv'), ['事项编号,催办日期,催办方式,催办人', ...['2026-11-02', '2026-11-09', '2026-11-16'].map((d) => `XS2026-901,${d},OA,王建平`)].join('\n') + '\n');
  await writeFile(
    path.join(data, '单位进展反馈.csv'),
    [
      '编号,反馈日期,填报单位,本期进展,办理状态,办结日期,申请延期至,延期理由',
      `XS2026-901,2026-11-20,教务处,${csv(PAYLOADS.feedback)},申请办结,2026-11-19,,`,
      // 2 working days before its deadline of 30 November: too late by seed 004 art. 22
      `XB2026-014,2026-11-26,保卫处,充电设施正在安装,申请延期,,12月31日,${csv(PAYLOADS.reason)}`,
    ].join('\n') + '\n',
  );
  const r = await runCli(['build', '--data', data, '--out', out, '--as-of', AS_OF, '--no-images', '--quiet']);
  expect(r.code, r.err).toBe(1); // the error row
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function openDesk(): Promise<Watched> {
  const w = await watchedPage(browser);
  await w.page.goto(pathToFileURL(path.join(out, 'internal/index.html')).href, { waitUntil: 'load' });
  return w;
}

async function pdfsUnder(rel: string): Promise<string[]> {
  const dir = path.join(out, rel);
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true }))
    .map(String)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => path.join(dir, f));
}

describe('the desk from file://', () => {
  it('loads its stylesheet, with no console error, no outside request and no dialog', async () => {
    const w = await openDesk();
    try {
      const dom = await w.page.evaluate(() => ({
        bg: getComputedStyle(document.body).backgroundColor,
        scripts: document.scripts.length,
        active: document.querySelectorAll('iframe, img, object, embed, script').length,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name))
            .map((a) => `${el.tagName}.${a.name}`),
        ),
        svgs: document.querySelectorAll('svg').length,
      }));
      expect(dom.bg).toBe('rgb(244, 242, 238)');
      expect(dom.scripts).toBe(0);
      expect(dom.active).toBe(0);
      expect(dom.handlers).toEqual([]);
      expect(dom.svgs).toBe(1); // the chart; the payload's <svg> is text
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([]);
      expect(w.dialogs).toEqual([]);
    } finally {
      await w.page.close();
    }
  });

  it('shows every payload as the text it is', async () => {
    const w = await openDesk();
    try {
      const text = await w.page.evaluate(() => document.body.innerText);
      expect(text).toContain(PAYLOADS.title);
      expect(text).toContain(PAYLOADS.cell); // the error's 原值
      expect(text).toContain(PAYLOADS.unit);
      expect(text).toContain(PAYLOADS.feedback);
      expect(text).toContain(PAYLOADS.reason);
    } finally {
      await w.page.close();
    }
  });

  it('links only to files of out/, and to every letter the build wrote', async () => {
    const w = await openDesk();
    try {
      const hrefs = await w.page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      const files = new Set<string>();
      for (const href of hrefs) {
        const url = new URL(href);
        expect(url.protocol, href).toBe('file:');
        const file = fileURLToPath(new URL(url.pathname, 'file://'));
        expect(existsSync(file) && statSync(file).isFile(), href).toBe(true);
        expect(path.relative(out, file).startsWith('..'), href).toBe(false);
        files.add(file);
      }
      const letters = [
        ...(await pdfsUnder('internal/催办通知')),
        ...(await pdfsUnder('internal/督办通知')),
        ...(await pdfsUnder('internal/到期提醒')),
        ...(await pdfsUnder('internal/campaign/催报通知')),
        ...(await pdfsUnder('internal/进展反馈表')),
      ];
      expect(letters.length).toBeGreaterThan(15);
      expect(letters.filter((f) => !files.has(f))).toEqual([]);
      // the letter to the unit with `"`, `<`, `%` in its name is one of them
      expect([...files].some((f) => f.includes('百分之百%23-') && f.includes('XS2026-903'))).toBe(true);
      expect(files.has(path.join(out, 'internal/analysis.json'))).toBe(true);
    } finally {
      await w.page.close();
    }
  });

  it('lists the requests to review, the errors to fix, the escalations and the lights', async () => {
    const w = await openDesk();
    try {
      const rows = (selector: string) => w.page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
      const requests = await rows('#requests');
      const closing = requests.find((r) => r.startsWith('XS2026-901'));
      const extension = requests.find((r) => r.startsWith('XB2026-014'));
      expect(closing).toContain('申请办结');
      expect(extension).toContain('申请延期');
      expect(extension).toContain('5个工作日'); // the seed-004 check of a late extension request
      const errors = await w.page.$eval('#errors', (el) => (el as HTMLElement).innerText);
      expect(errors).toContain(LEDGER);
      expect(errors).toContain('办结时限');
      const escalated = await rows('#escalated');
      expect(escalated.find((r) => r.startsWith('XS2026-901'))).toContain('3'); // three reminders: 重点督办
      const units = await rows('#units');
      expect(units.some((u) => u.startsWith('教务处'))).toBe(true);
      const due = await w.page.$eval('#due h2', (el) => el.textContent ?? '');
      expect(due).toContain('2026年11月23日—2026年11月29日');
      const chart = await w.page.evaluate(() => ({
        bars: document.querySelectorAll('#trend rect.bar').length,
        months: Array.from(document.querySelectorAll('#trend text.month')).map((t) => t.textContent),
      }));
      expect(chart.bars).toBe(12);
      expect(chart.months.slice(0, 2)).toEqual(['12月', '2025年']);
      expect(chart.months.at(-1)).toBe('11月');
    } finally {
      await w.page.close();
    }
  });
});
