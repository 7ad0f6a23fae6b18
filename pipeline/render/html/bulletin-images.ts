/**
 * A long image of each month's 通报 for the WeChat account (seed 002 §六: 对外公开 through the
 * official site and 微信公众号). Drawn by the browser from the edition's own HTML, so the image
 * can show nothing the page does not; it is stored next to the page, in the same edition.
 *
 * Pages are served from memory through request interception under a host that cannot resolve:
 * no temporary files, relative CSS links work, and any request for something that is not a file
 * of the same edition is aborted, so nothing leaves the machine and editions cannot mix.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import type { OutputFile } from '../../model/output.ts';

/** WeChat articles are laid out for a 375–750 px column; 2× keeps text sharp on phones. */
export const IMAGE_WIDTH = 750;
export const IMAGE_SCALE = 2;
/**
 * The tallest image, in CSS pixels: 16,000 px at 2× (about five screens of a phone showing it
 * 375 pt wide), under the 16,384 px that phone GPUs and image viewers take as one texture before
 * they downscale a long image into a blur. A 通报 taller than this (at 10,000 items, section 三
 * names fifty units with five hundred overdue items: 22,000 px) is cut at a whole line and ends
 * with IMAGE_CUT_NOTE; the sample's 通报 (at most 3,108 px) are drawn whole, as before.
 */
export const IMAGE_MAX_HEIGHT = 8000;
export const IMAGE_CUT_NOTE = '长图篇幅有限，以下内容从略，完整名单请见网站本期通报。';

const ORIGIN = 'https://duban.invalid';
const BULLETIN_HTML = /^(public|campus)\/bulletin\/([A-Za-z0-9_-]+)\.html$/;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  png: 'image/png',
};

export async function renderBulletinImages(files: readonly OutputFile[], browser: Browser): Promise<OutputFile[]> {
  const byPath = new Map(files.map((f) => [f.path, f] as const));
  const targets = files.map((f) => BULLETIN_HTML.exec(f.path)).filter((m): m is RegExpExecArray => m !== null);
  if (targets.length === 0) return [];
  // One page, one image after the other: a screenshot in a second, background page of the same
  // headless browser waits for a frame that is never painted (seen here: 180 s timeouts).
  const page = await browser.newPage();
  try {
    let edition = '';
    await page.setRequestInterception(true);
    page.on('request', (req) => serve(req, byPath, edition));
    // The poster look from the first layout on: added after `load`, it cost a layout of the whole
    // page as a web page first (a second of a 10,000-item 通报). Same pixels either way.
    // (No named inner functions in page code: tsx's keepNames would wrap them in a helper the page lacks.)
    await page.evaluateOnNewDocument(() => {
      new MutationObserver((_, seen) => {
        if (!document.documentElement) return;
        document.documentElement.classList.add('poster');
        seen.disconnect();
      }).observe(document, { childList: true });
    });
    await page.setViewport({ width: IMAGE_WIDTH, height: 1000, deviceScaleFactor: IMAGE_SCALE });
    const out: OutputFile[] = [];
    for (const [path, ed, id] of targets) {
      edition = ed ?? '';
      out.push({ path: `${ed}/bulletin/${id}.png`, bytes: await shoot(page, `${ORIGIN}/${path}`) });
    }
    return out;
  } finally {
    await page.close();
  }
}

async function shoot(page: Page, url: string): Promise<Uint8Array> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    document.documentElement.classList.add('poster');
    await document.fonts.ready;
  });
  const height = await page.evaluate(cutPosterToHeight, IMAGE_MAX_HEIGHT, IMAGE_CUT_NOTE);
  // A page that could not be cut short enough (one line taller than the cap) is clipped.
  if (height > IMAGE_MAX_HEIGHT) {
    return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: IMAGE_WIDTH, height: IMAGE_MAX_HEIGHT }, captureBeyondViewport: true });
  }
  return page.screenshot({ type: 'png', fullPage: true, captureBeyondViewport: true });
}

/**
 * Runs in the page. A page taller than `max` keeps what fits above `max` and ends with `note`:
 * elements wholly below the line are hidden; one across it is opened when it holds blocks (a
 * section, a table, a row's list of titles), hidden when it is a line of text (a paragraph, an
 * item of a list), and a table cell is kept (its row shrinks with what is hidden in it). Whatever
 * follows the content (the footer) stays, and the note goes at the end of the content. A heading
 * left with nothing under it goes too. Returns the page's height afterwards. Exported for tests.
 */
export function cutPosterToHeight(max: number, note: string): number {
  const doc = document.documentElement;
  if (doc.scrollHeight <= max) return doc.scrollHeight;
  const root = document.querySelector('main') ?? document.body;
  const line = document.createElement('p');
  line.className = 'poster-more poster-cut';
  line.textContent = note;
  (root.lastElementChild ?? root).append(line);
  // Tables keep the column widths of the whole page: hiding rows would widen or narrow columns and
  // move every line above the cut (and the image would no longer show the top of the page as it is).
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const first = Array.from(table.rows).find((r) => r.getBoundingClientRect().height > 0);
    if (!first) continue;
    const widths = Array.from(first.cells).map((c) => c.getBoundingClientRect().width);
    table.style.setProperty('width', `${table.getBoundingClientRect().width}px`);
    Array.from(first.cells).forEach((c, k) => c.style.setProperty('width', `${widths[k]}px`));
    table.style.setProperty('table-layout', 'fixed');
  }
  // Everything after the content (the note, the article's padding, the footer) keeps its height.
  const tail = doc.scrollHeight - (line.getBoundingClientRect().top + window.scrollY);
  let limit = max - tail;
  let step = 0;
  for (let round = 0, was = doc.scrollHeight; round < 20 && doc.scrollHeight > max && limit > 0; round++) {
    const open: Element[] = [root];
    for (let el = open.pop(); el !== undefined; el = open.pop()) {
      let lastShown: Element | null = null;
      let hid = false;
      for (const child of Array.from(el.children)) {
        if (child === line) continue;
        const r = child.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const top = r.top + window.scrollY;
        const bottom = r.bottom + window.scrollY;
        const holdsBlocks = top < limit && bottom > limit && Array.from(child.children).some((c) => !/^(none|contents|inline.*)$/.test(getComputedStyle(c).display));
        if (bottom <= limit || holdsBlocks || (top < limit && getComputedStyle(child).display === 'table-cell')) {
          lastShown = child;
          if (holdsBlocks) open.push(child);
        } else {
          (child as HTMLElement).style.setProperty('display', 'none', 'important');
          hid = true;
        }
      }
      if (hid && lastShown !== null && /^H[1-6]$/.test(lastShown.tagName)) (lastShown as HTMLElement).style.setProperty('display', 'none', 'important');
    }
    // Over by what is left over, or twice the last step when this round hid nothing.
    step = doc.scrollHeight < was ? Math.max(1, doc.scrollHeight - max) : Math.max(2 * step, doc.scrollHeight - max, 1);
    was = doc.scrollHeight;
    limit -= step;
  }
  return doc.scrollHeight;
}

function serve(req: HTTPRequest, byPath: ReadonlyMap<string, OutputFile>, edition: string): void {
  if (req.isInterceptResolutionHandled()) return;
  const path = localPath(req.url());
  const file = path?.startsWith(`${edition}/`) ? byPath.get(path) : undefined;
  if (!file) {
    void req.abort('blockedbyclient');
    return;
  }
  const ext = path?.split('.').at(-1) ?? '';
  const body = typeof file.bytes === 'string' ? file.bytes : Buffer.from(file.bytes);
  void req.respond({ status: 200, contentType: TYPES[ext] ?? 'application/octet-stream', body });
}

function localPath(url: string): string | null {
  if (!url.startsWith(`${ORIGIN}/`)) return null;
  const u = new URL(url);
  return decodeURIComponent(u.pathname.slice(1));
}
