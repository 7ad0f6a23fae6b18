/** A browser page for tests that open our pages from file://: it records what must not happen. */
import type { Browser, Page } from 'puppeteer';

export interface Watched {
  page: Page;
  errors: string[];
  /** Every request that would leave file:// (aborted). */
  requests: string[];
  dialogs: string[];
}

/** A page that records console errors, uncaught exceptions, failed file loads, dialogs and every non-file request (aborted). */
export async function watchedPage(browser: Browser): Promise<Watched> {
  const page = await browser.newPage();
  const w: Watched = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('requestfailed', (r) => {
    if (r.url().startsWith('file://')) w.errors.push(`failed: ${r.url()}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url().startsWith('file://')) void r.continue();
    else {
      w.requests.push(r.url());
      void r.abort();
    }
  });
  return w;
}
