/**
 * The long image of a 通报 too tall for a phone: cut at IMAGE_MAX_HEIGHT at a whole line, with the
 * note that the full list is on the site, the top of the page exactly as drawn whole; a short one
 * is drawn whole. Needs a browser (fails with NO_BROWSER_MESSAGE without one, never passes silently).
 */
import { campaignBulletinCounts } from '../../../pipeline/aggregate/campaign-counts.ts';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../pipeline/model/analysis.ts';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../../pipeline/config/office-config.ts';
import { renderSite } from '../../../pipeline/render/html/site.ts';
import { loadSiteTemplates } from '../../../pipeline/render/html/templates.ts';
import { findBrowser, launchBrowser, NO_BROWSER_MESSAGE } from '../../../pipeline/render/html/browser.ts';
import { cutPosterToHeight, IMAGE_CUT_NOTE, IMAGE_MAX_HEIGHT, IMAGE_SCALE, IMAGE_WIDTH, renderBulletinImages } from '../../../pipeline/render/html/bulletin-images.ts';
import { fixtureItem, fixtureSiteAnalysis } from '../../support/analysis-fixture.ts';

const UNITS = ['教务处', '人事处', '财务处', '科技处', '后勤管理处', '学生工作处', '研究生院', '国际合作交流处', '图书馆', '档案馆', '校团委', '保卫处'];

/** 600 overdue items over 12 units: section 三 alone lists every title, far beyond the cap. */
function tallAnalysis(): Analysis {
  const a = fixtureSiteAnalysis();
  for (let k = 0; k < 600; k++) {
    a.items.push(
      fixtureItem({
        id: `BIG-${String(k + 1).padStart(3, '0')}`,
        title: `第${k + 1}项逾期事项：完成专项整治工作并形成专题报告报校长办公会`,
        leadUnit: UNITS[k % UNITS.length]!,
        source: '会议决策',
        assignedOn: '2026-09-01',
        deadline: '2026-10-15',
        effectiveDeadline: '2026-10-15',
        status: 'overdue',
        light: 'red',
        overdueWorkdays: 20 + (k % 17),
        audience: '社会公开',
      }),
    );
  }
  return a;
}

function site(analysis: Analysis): OutputFile[] {
  return renderSite({
    bulletins: [{ period: { id: '2026-11', label: '2026年11月', start: '2026-11-01', end: '2026-11-30' }, analysis }],
    current: analysis,
    campaign: campaignBulletinCounts(analysis),
    config: { ...DEFAULT_OFFICE_CONFIG, siteTitle: '示范大学督查通报' },
    templates: loadSiteTemplates('templates'),
  });
}

const pngHeight = (f: OutputFile | undefined): number => Buffer.from(f!.bytes).readUInt32BE(20);

let browser: Browser;
beforeAll(async () => {
  if (!findBrowser()) throw new Error(NO_BROWSER_MESSAGE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The edition's 通报 in a page as the image sees it: the poster look, its stylesheet inlined (so no request is made). */
async function posterPage(files: readonly OutputFile[], edition: string): Promise<Page> {
  const html = String(files.find((f) => f.path === `${edition}/bulletin/2026-11.html`)!.bytes);
  const css = String(files.find((f) => f.path === `${edition}/assets/site.css`)!.bytes);
  const page = await browser.newPage();
  await page.setViewport({ width: IMAGE_WIDTH, height: 1000, deviceScaleFactor: IMAGE_SCALE });
  await page.setContent(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace(/<link rel="stylesheet"[^>]*>/, `<style>${css}</style>`));
  await page.evaluate(async () => {
    document.documentElement.classList.add('poster');
    await document.fonts.ready;
  });
  return page;
}

describe('long images of a 通报 taller than a phone can show', () => {
  it('are cut at the cap', async () => {
    const images = await renderBulletinImages(site(tallAnalysis()), browser);
    expect(images.map((i) => i.path).sort()).toEqual(['campus/bulletin/2026-11.png', 'public/bulletin/2026-11.png']);
    for (const image of images) {
      expect(Buffer.from(image.bytes).readUInt32BE(16)).toBe(IMAGE_WIDTH * IMAGE_SCALE);
      expect(pngHeight(image)).toBeLessThanOrEqual(IMAGE_MAX_HEIGHT * IMAGE_SCALE);
      expect(pngHeight(image)).toBeGreaterThan((IMAGE_MAX_HEIGHT - 600) * IMAGE_SCALE);
    }
  }, 60_000);

  it('keep the top of the page where it stood, end at a whole line with the note, then the footer', async () => {
    const page = await posterPage(site(tallAnalysis()), 'public');
    try {
      const r = await page.evaluate(
        (max: number, note: string, cut: string) => {
          const lines = () => Array.from(document.querySelectorAll('main li, main tr, main h2, main p'));
          const before = new Map(lines().map((el) => [el, el.getBoundingClientRect().top]));
          const wholeHeight = document.documentElement.scrollHeight;
          // eslint-disable-next-line no-new-func
          const height = (new Function(`return (${cut})`)() as (m: number, n: string) => number)(max, note);
          const shown = lines().filter((el) => el.getBoundingClientRect().height > 0);
          const noteEl = Array.from(document.querySelectorAll('main p')).find((p) => p.textContent === note);
          const foot = document.querySelector('footer');
          return {
            wholeHeight,
            height,
            moved: shown.filter((el) => el !== noteEl && el.getBoundingClientRect().top !== before.get(el)).length,
            hidden: [...before.keys()].filter((el) => el.getBoundingClientRect().height === 0 && before.get(el)! > 0).length,
            below: shown.filter((el) => el !== noteEl && noteEl !== undefined && el.getBoundingClientRect().bottom > noteEl.getBoundingClientRect().top).map((el) => el.textContent),
            noteShown: noteEl !== undefined && noteEl.getBoundingClientRect().height > 0,
            footShown: foot !== null && foot.getBoundingClientRect().height > 0,
            lastHeading: shown.filter((el) => el.tagName === 'H2').at(-1)?.textContent,
            straddling: shown.filter((el) => el.tagName === 'LI' && el.getBoundingClientRect().bottom > height).length,
          };
        },
        IMAGE_MAX_HEIGHT,
        IMAGE_CUT_NOTE,
        cutPosterToHeight.toString(),
      );
      expect(r.wholeHeight).toBeGreaterThan(IMAGE_MAX_HEIGHT * 2);
      expect(r.height).toBeLessThanOrEqual(IMAGE_MAX_HEIGHT);
      expect(r.moved).toBe(0);
      expect(r.hidden).toBeGreaterThan(100);
      expect(r.below).toEqual([]);
      expect(r.noteShown).toBe(true);
      expect(r.footShown).toBe(true);
      expect(r.lastHeading).toBe('三、逾期未办结情况');
      expect(r.straddling).toBe(0);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('leave a 通报 under the cap whole, as before', async () => {
    const files = site(fixtureSiteAnalysis());
    const images = await renderBulletinImages(files, browser);
    expect(images).toHaveLength(2);
    for (const img of images) {
      const page = await posterPage(files, img.path.split('/')[0]!);
      try {
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(h).toBeLessThan(IMAGE_MAX_HEIGHT);
        expect(pngHeight(img)).toBe(h * IMAGE_SCALE);
      } finally {
        await page.close();
      }
    }
  }, 60_000);
});
