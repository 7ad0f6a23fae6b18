/**
 * The long images of the latest 通报 of each edition (the pages marked longImage), one unit per
 * page: its key is the page's and the stylesheet's bytes, so an image is drawn again only when
 * what it shows changed (the render memo keeps the others). All missing images are drawn in one
 * browser. Without a browser, or with images turned off, a missing image is left out: an old
 * image could still show an item that has since left the edition.
 */
import type { BuiltFile, OutputFile } from '../model/output.ts';
import { isKept } from '../model/output.ts';
import { hashBytes } from '../write/manifest.ts';
import { readKept, type RenderMemo } from '../write/render-memo.ts';
import type { OutputPlan, RenderUnit } from '../render/output-plan.ts';
import { renderBulletinImages, launchBrowser, findBrowser, NO_BROWSER_MESSAGE } from '../render/html/index.ts';
import { onInterrupt } from './interrupt.ts';
import { drawPlan } from './draw-plan.ts';

const BULLETIN_PAGE = /^(public|campus)\/bulletin\/[^/]+\.html$/;

export interface ImageSource {
  /** The build's files; the site's among them. */
  built: readonly BuiltFile[];
  /** Draw images that are missing (else only unchanged ones are kept). */
  images: boolean;
  outDir?: string;
  notes: string[];
}

export function imagePlan(v: ImageSource): OutputPlan {
  const site = v.built.filter((f) => f.path.startsWith('public/') || f.path.startsWith('campus/'));
  const hashOf = (f: BuiltFile | undefined) => (f === undefined ? '' : isKept(f) ? f.kept : hashBytes(f.bytes));
  const pages = site.filter((f) => f.longImage === true && BULLETIN_PAGE.test(f.path));
  const units: RenderUnit[] = pages.map((page, i) => {
    const edition = page.path.slice(0, page.path.indexOf('/'));
    const css = site.find((f) => f.path === `${edition}/assets/site.css`);
    return { key: ['image', page.path, hashOf(page), hashOf(css)], render: async () => (await draw([i], () => {}))[0] ?? [] };
  });

  const draw = async (indices: readonly number[], onDrawn: (n: number) => void): Promise<(OutputFile[] | null)[]> => {
    const none = indices.map(() => null);
    if (!v.images || v.outDir === undefined || indices.length === 0) return none;
    if (!findBrowser()) {
      v.notes.push(`未生成通报长图：${NO_BROWSER_MESSAGE}`);
      return none;
    }
    const outDir = v.outDir;
    const wanted = new Set(indices.map((i) => pages[i]!.path));
    // The pages to draw and everything they may load; other months' pages stay out.
    const served: OutputFile[] = [];
    for (const f of site) {
      if (BULLETIN_PAGE.test(f.path) && !wanted.has(f.path)) continue;
      const bytes = isKept(f) ? await readKept(outDir, f) : f.bytes;
      if (bytes === null) return none; // changed on disk since: the next build draws it
      served.push({ path: f.path, bytes });
    }
    const browser = await launchBrowser();
    const forget = onInterrupt(() => browser.close());
    try {
      const drawn = await renderBulletinImages(served, browser);
      onDrawn(drawn.length);
      return indices.map((i) => {
        const png = pages[i]!.path.replace(/\.html$/, '.png');
        const image = drawn.find((f) => f.path === png);
        return image ? [image] : null;
      });
    } finally {
      forget();
      await browser.close();
    }
  };
  return { units, renderMany: draw };
}

export interface ImageResult {
  /** The images drawn or kept, for the pages given. */
  files: BuiltFile[];
  drawn: number;
  reused: number;
  warning: string | null;
}

/**
 * The long images of a build's site pages outside the build (a watch session draws them after
 * the documents are written); the same units and keys as the build's images stage.
 */
export async function drawSiteImages(site: readonly BuiltFile[], outDir: string, memo: { memo: RenderMemo; settings: string } | null): Promise<ImageResult> {
  const notes: string[] = [];
  const plan = imagePlan({ built: site, images: true, outDir, notes });
  const files = await drawPlan('images', plan, memo ? { ...memo, outDir } : null);
  const kept = files.filter(isKept).length;
  return { files, drawn: files.length - kept, reused: kept, warning: notes[0] ?? null };
}
