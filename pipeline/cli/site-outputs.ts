/**
 * The bulletin site for a build: one 通报 per month of the archive (each month seen as of its
 * last day), both editions, and the long images. Images cost a browser page each, so an image is
 * drawn again only when its page or the stylesheet changed since the last build.
 */
import { readFile } from 'node:fs/promises';
import type { OutputFile } from '../model/output.ts';
import { addMonths, lastDayOfMonth, type IsoDate } from '../model/dates.ts';
import { inEdition } from '../render/html/edition.ts';
import { reportMonthOf } from '../aggregate/period.ts';
import { loadSiteTemplates, renderSite, renderBulletinImages, launchBrowser, findBrowser, NO_BROWSER_MESSAGE, type SiteTemplates } from '../render/html/index.ts';
import { hashBytes } from '../write/manifest.ts';
import { resolveInside } from '../write/safe-path.ts';
import type { Analysed } from './pipeline.ts';
import { analysisOn } from './seen-on.ts';
import { onInterrupt } from './interrupt.ts';
import type { RenderContext } from './renderers.ts';

/** How many months the archive keeps. */
const ARCHIVE_MONTHS = 12;

const templatesByDir = new Map<string, SiteTemplates>();
function siteTemplates(dir: string): SiteTemplates {
  let t = templatesByDir.get(dir);
  if (!t) templatesByDir.set(dir, (t = loadSiteTemplates(dir)));
  return t;
}

export function archiveMonths(asOf: IsoDate, earliest: IsoDate | null): { id: string; label: string; start: IsoDate; end: IsoDate }[] {
  const first = asOf.slice(0, 7) + '-01';
  const months: { id: string; label: string; start: IsoDate; end: IsoDate }[] = [];
  for (let i = 0; i < ARCHIVE_MONTHS; i++) {
    const start = addMonths(first, -i);
    // Nothing assigned yet (or nothing dated): only the month under way has a 通报.
    if (i > 0 && (earliest === null || lastDayOfMonth(+start.slice(0, 4), +start.slice(5, 7)) < earliest)) break;
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7));
    months.push({ id: start.slice(0, 7), label: `${y}年${m}月`, start, end: lastDayOfMonth(y, m) });
  }
  return months.reverse();
}

/** Both editions' pages (no images). */
export function renderSiteFiles(a: Analysed, ctx: RenderContext): OutputFile[] {
  // Months are analysed for the widest edition; each edition then keeps the months of its own
  // items (site.ts). A 不公开 item must not add a month to any edition.
  const assigned = a.analysis.items.filter((i) => inEdition(i.audience, 'campus')).map((i) => i.assignedOn).filter((d): d is IsoDate => d !== null).sort();
  const bulletins = archiveMonths(ctx.asOf, assigned[0] ?? null).map((period) => {
    const asOf = period.end < ctx.asOf ? period.end : ctx.asOf;
    return { period, analysis: analysisOn(a, asOf, ctx.config) };
  });
  const latestId = reportMonthOf(ctx.asOf, ctx.config.reportSubmitDays).id;
  return renderSite({ bulletins, latestId, current: a.analysis, config: ctx.config, templates: siteTemplates(ctx.templatesDir) });
}

export interface ImageResult {
  files: OutputFile[];
  drawn: number;
  reused: number;
  warning: string | null;
}

/**
 * Long images for the bulletin pages in `site`. `previous` are the hashes the last build wrote
 * (the manifest), used to reuse an image whose page and stylesheet are unchanged.
 */
export async function renderSiteImages(site: readonly OutputFile[], outDir: string, previous: Readonly<Record<string, string>>, draw = true): Promise<ImageResult> {
  const css = (ed: string) => site.find((f) => f.path === `${ed}/assets/site.css`);
  const pages = site.filter((f) => f.longImage === true && /^(public|campus)\/bulletin\/[^/]+\.html$/.test(f.path));
  const reused: OutputFile[] = [];
  const todo: OutputFile[] = [];
  for (const page of pages) {
    const ed = page.path.slice(0, page.path.indexOf('/'));
    const png = page.path.replace(/\.html$/, '.png');
    const unchanged = previous[page.path] === hashBytes(page.bytes) && previous[`${ed}/assets/site.css`] === hashBytes(css(ed)?.bytes ?? '') && previous[png];
    const target = resolveInside(outDir, png);
    const old = unchanged && target.ok ? await readFile(target.abs).catch(() => null) : null;
    if (old && hashBytes(old) === previous[png]) reused.push({ path: png, bytes: old });
    else todo.push(page);
  }
  // Without drawing, images of changed pages are dropped rather than kept stale: an old image
  // could still show an item that has since left the edition.
  if (todo.length === 0 || !draw) return { files: reused, drawn: 0, reused: reused.length, warning: null };
  if (!findBrowser()) return { files: reused, drawn: 0, reused: reused.length, warning: `未生成通报长图：${NO_BROWSER_MESSAGE}` };
  const browser = await launchBrowser();
  const forget = onInterrupt(() => browser.close());
  try {
    const assets = site.filter((f) => !/\/bulletin\/[^/]+\.html$/.test(f.path) || todo.includes(f));
    const drawn = await renderBulletinImages(assets, browser);
    return { files: [...reused, ...drawn], drawn: drawn.length, reused: reused.length, warning: null };
  } finally {
    forget();
    await browser.close();
  }
}
