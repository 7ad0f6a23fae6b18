/**
 * The site in a real headless browser, loaded from file:// as an office would open it from a
 * USB stick: every page of both editions, the offline search, the long images. Without a
 * browser this file fails with NO_BROWSER_MESSAGE; it never passes silently.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { findBrowser, launchBrowser, NO_BROWSER_MESSAGE } from '../../../pipeline/render/html/browser.ts';
import { renderBulletinImages } from '../../../pipeline/render/html/bulletin-images.ts';
import { SITE_PERSONAL } from '../../support/analysis-fixture.ts';
import { watchedPage as watchPage, type Watched } from '../../support/watched-page.ts';
import { CAMPUS_ONLY, editionFiles, leaks, NEVER_PUBLISHED, renderFixtureSite } from './site-fixture.ts';

let browser: Browser;
let root: string;
let files: OutputFile[];
let images: OutputFile[];
let imageMs = 0;

beforeAll(async () => {
  if (!findBrowser()) throw new Error(NO_BROWSER_MESSAGE);
  browser = await launchBrowser();
  files = renderFixtureSite();
  const t0 = performance.now();
  images = await renderBulletinImages(files, browser);
  imageMs = performance.now() - t0;
  files = [...files, ...images];
  root = mkdtempSync(path.join(os.tmpdir(), 'duban-site-'));
  for (const f of files) {
    const abs = path.join(root, f.path);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.bytes);
  }
});

afterAll(async () => {
  await browser?.close();
});

const url = (p: string): string => pathToFileURL(path.join(root, p)).href;

/** A page that records console errors, uncaught exceptions, dialogs and every non-file request (aborted). */
const watchedPage = (): Promise<Watched> => watchPage(browser);

describe('every page from file://', () => {
  it('has a browser', () => {
    expect(findBrowser(), NO_BROWSER_MESSAGE).not.toBeNull();
  });

  it('loads without console errors, outside requests or executed payloads', async () => {
    const pages = files.filter((f) => f.path.endsWith('.html')).map((f) => f.path);
    expect(pages.length).toBeGreaterThan(20);
    const w = await watchedPage();
    try {
      for (const p of pages) {
        await w.page.goto(url(p), { waitUntil: 'load' });
        const dom = await w.page.evaluate(() => ({
          scripts: Array.from(document.scripts).map((s) => s.getAttribute('src') ?? 'inline:' + s.textContent),
          handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
            Array.from(el.attributes)
              .filter((a) => /^on/i.test(a.name))
              .map((a) => a.name),
          ),
          text: document.body.innerText,
          css: getComputedStyle(document.body).backgroundColor,
          jsLinks: Array.from(document.querySelectorAll('a[href]'))
            .map((a) => (a as HTMLAnchorElement).protocol)
            .filter((pr) => pr !== 'file:' && pr !== 'https:' && pr !== 'http:'),
        }));
        expect(
          dom.scripts.every((s) => /(^|\/)assets\/search(-index)?\.js$/.test(s)),
          `${p}: ${dom.scripts.join()}`,
        ).toBe(true);
        expect(dom.handlers, p).toEqual([]);
        expect(dom.jsLinks, p).toEqual([]);
        // the stylesheet loaded (CSP and relative paths both work from file://)
        expect(dom.css, p).toBe('rgb(244, 242, 238)');
        if (p.endsWith('bulletin/2026-11.html')) {
          expect(dom.text).toContain('<script>alert(1)</script>清理超期借用公房');
          expect(dom.text).toContain(SITE_PERSONAL.idMasked);
          expect(dom.text).toContain(SITE_PERSONAL.mobileMasked);
          expect(dom.text).toContain(SITE_PERSONAL.bankCardMasked);
        }
        if (p.endsWith('disclosure.html')) expect(dom.text).toContain('<script>alert(3)</script>年度收缴');
      }
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([]);
      expect(w.dialogs).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});

describe('offline search', () => {
  async function search(edition: string, query: string): Promise<string[]> {
    const w = await watchedPage();
    try {
      await w.page.goto(url(`${edition}/search.html`));
      await w.page.type('#q', query);
      const items = await w.page.$$eval('#search-results li', (lis) => lis.map((li) => li.textContent ?? ''));
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([]);
      return items;
    } finally {
      await w.page.close();
    }
  }

  it('finds an item by a word of its title, by unit and by id', async () => {
    expect((await search('public', '教学质量')).join()).toContain('DB2026-001');
    expect((await search('public', '国有资产')).join()).toContain('清理超期借用公房');
    expect(await search('public', 'db2026-003')).toHaveLength(1);
  });

  it('searches only the edition’s own items', async () => {
    expect(await search('public', '学生公寓')).toEqual([]);
    expect((await search('campus', '学生公寓')).join()).toContain('DB2026-002');
    expect(await search('campus', '网络安全')).toEqual([]);
  });

  it('takes the query from the header search box of any page', async () => {
    const w = await watchedPage();
    try {
      await w.page.goto(url('public/units.html'));
      await w.page.type('#site-q', '考勤');
      await Promise.all([w.page.waitForNavigation(), w.page.keyboard.press('Enter')]);
      const items = await w.page.$$eval('#search-results li', (lis) => lis.map((li) => li.textContent ?? ''));
      expect(items.join()).toContain('修订教职工考勤管理办法');
      expect(w.requests).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});

describe('long images for WeChat', () => {
  it('makes one 1500 px wide, non-blank image per edition and month', async () => {
    expect(images.map((i) => i.path).sort()).toEqual(['campus/bulletin/2026-10.png', 'campus/bulletin/2026-11.png', 'public/bulletin/2026-10.png', 'public/bulletin/2026-11.png']);
    console.info(`长图：${images.length}张，${imageMs.toFixed(0)} ms`);
    const page = await browser.newPage();
    try {
      for (const img of images) {
        const bytes = Buffer.from(img.bytes);
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect(bytes.readUInt32BE(16)).toBe(1500);
        expect(bytes.readUInt32BE(20)).toBeGreaterThan(2000);
        const stats = await page.evaluate(async (b64) => {
          const im = new Image();
          im.src = `data:image/png;base64,${b64}`;
          await im.decode();
          const c = document.createElement('canvas');
          c.width = im.naturalWidth;
          c.height = im.naturalHeight;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(im, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          const colours = new Set<number>();
          let red = 0;
          for (let k = 0; k < d.length; k += 4 * 97) {
            colours.add((d[k]! << 16) | (d[k + 1]! << 8) | d[k + 2]!);
            if (d[k]! > 140 && d[k + 1]! < 60 && d[k + 2]! < 60) red++;
          }
          return { width: c.width, colours: colours.size, red };
        }, bytes.toString('base64'));
        expect(stats.width).toBe(1500);
        expect(stats.colours).toBeGreaterThan(50);
        expect(stats.red).toBeGreaterThan(100); // the red masthead is there
      }
    } finally {
      await page.close();
    }
  });
});

describe('the boundary, byte by byte, after the images were added', () => {
  it('public holds nothing from 校内公开 / 不公开 rows in any file or file name; campus nothing from 不公开', () => {
    const onDisk = (ed: 'public' | 'campus') => editionFiles(files, ed).map((f) => ({ path: f.path, bytes: readFileSync(path.join(root, f.path)) }));
    expect(leaks(onDisk('public'), [...NEVER_PUBLISHED, ...CAMPUS_ONLY])).toEqual([]);
    expect(leaks(onDisk('campus'), NEVER_PUBLISHED)).toEqual([]);
  });
});

describe('print and phone', () => {
  it('prints without navigation and keeps tables on a narrow screen readable', async () => {
    const w = await watchedPage();
    try {
      await w.page.goto(url('public/bulletin/2026-11.html'));
      await w.page.emulateMediaType('print');
      expect(await w.page.$eval('.mainnav', (el) => getComputedStyle(el).display)).toBe('none');
      await w.page.emulateMediaType('screen');
      await w.page.setViewport({ width: 375, height: 800 });
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await w.page.close();
    }
  });
});

// The README's own picture is drawn from the sample ledgers by `npm run docs:images`; this only
// checks that a full-page screenshot of the index works and asks for nothing outside the page.
describe('full-page screenshot', () => {
  it('draws the index without an outside request', async () => {
    const w = await watchedPage();
    try {
      await w.page.setViewport({ width: 1280, height: 1000, deviceScaleFactor: 1 });
      await w.page.goto(url('public/index.html'));
      await w.page.evaluate(() => document.fonts.ready);
      const png = await w.page.screenshot({ type: 'png', fullPage: true });
      expect(Buffer.from(png).subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(w.requests).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});
