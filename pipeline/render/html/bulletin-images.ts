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
  return page.screenshot({ type: 'png', fullPage: true, captureBeyondViewport: true });
}

function serve(req: HTTPRequest, byPath: ReadonlyMap<string, OutputFile>, edition: string): void {
  if (req.isInterceptResolutionHandled()) return;
  const path = localPath(req.url());
  const file = path !== null && path.startsWith(`${edition}/`) ? byPath.get(path) : undefined;
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
