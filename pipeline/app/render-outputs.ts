/**
 * A build's outputs: a loop over the registry (outputs.ts). Progress, timing and the render memo
 * wrap the loop; the renderers know nothing of them. A unit whose key the memo knows, and whose
 * files are on disk exactly as drawn then, is kept instead of drawn: a rebuild with nothing
 * changed draws nothing and loads no font, and a watch session draws only what a save changed.
 */
import type { IsoDate } from '../model/dates.ts';
import type { BuiltFile } from '../model/output.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { calendarFor } from '../analyze/analyze.ts';
import { campaignTrackedItems } from '../aggregate/campaign-items.ts';
import { officeAssets } from '../render/office-assets.ts';
import { renderKey, type RenderMemo } from '../write/render-memo.ts';
import { drawPlan } from './draw-plan.ts';
import type { Progress } from '../model/progress.ts';
import type { Analyzed } from './ledgers.ts';
import { OUTPUTS, type BuildView, type OutputKind } from './outputs.ts';
import { assetsFingerprint, codeFingerprint } from './fingerprint.ts';

export { buildScopes } from './outputs.ts';
export { renderPeriodReport } from './report-outputs.ts';
export { renderSiteFiles } from './site-outputs.ts';

export interface RenderContext {
  config: OfficeConfig;
  templatesDir: string;
  asOf: IsoDate;
  /** Where the outputs go: kept files and long images are found there. */
  outDir?: string;
  /** Lines for the user (a missing browser, an office template that failed to load). */
  notes?: string[];
  /** Draw the long images (default true). Without, images whose page is unchanged are kept, the rest left out. */
  images?: boolean;
  /** What earlier builds drew (needs outDir); without, everything is drawn. */
  memo?: RenderMemo;
  /** Fingerprint of the ledgers read (app/ledgers.ts); without, outputs of the whole analysis are always drawn. */
  inputs?: string | null;
}

/** The build's settings in every key: the as-of date, the office settings, the templates and duban's code. */
export function settingsKey(ctx: Pick<RenderContext, 'asOf' | 'config' | 'templatesDir'>): string {
  return renderKey(codeFingerprint(), assetsFingerprint(officeAssets(ctx.templatesDir)), ctx.asOf, ctx.config);
}

/** What the outputs of one build are planned from; one view serves every phase of the build. */
export function buildView(a: Analyzed, ctx: RenderContext): BuildView {
  const cal = calendarFor(a.records);
  return {
    analyzed: a,
    config: ctx.config,
    asOf: ctx.asOf,
    templatesDir: ctx.templatesDir,
    assets: officeAssets(ctx.templatesDir),
    tracked: campaignTrackedItems(a.analysis, cal),
    cal,
    inputs: ctx.inputs ?? null,
    outDir: ctx.outDir,
    images: ctx.images !== false,
    built: [],
    notes: ctx.notes ?? [],
  };
}

/** Every output of the registry. */
export async function renderOutputs(a: Analyzed, ctx: RenderContext, p: Progress): Promise<BuiltFile[]> {
  const view = buildView(a, ctx);
  await renderKinds(view, OUTPUTS, ctx, p);
  return view.built;
}

/** The files of these outputs, in registry order; they are added to `view.built` for the outputs after them. */
export async function renderKinds(view: BuildView, kinds: readonly OutputKind[], ctx: RenderContext, p: Progress): Promise<BuiltFile[]> {
  const settings = ctx.memo && ctx.outDir !== undefined ? settingsKey(ctx) : null;
  const files: BuiltFile[] = [];
  for (const kind of kinds) {
    if (kind.id === 'images' && ctx.outDir === undefined) continue;
    const bar = kind.counted ? p.counter(kind.label) : null;
    const drawn = await p.stage(kind.label, async () =>
      drawPlan(kind.id, await kind.plan(view), settings !== null ? { memo: ctx.memo!, outDir: ctx.outDir!, settings } : null, bar?.tick).finally(() => bar?.stop()),
    );
    view.built.push(...drawn);
    files.push(...drawn);
  }
  return files;
}
