/**
 * The bulletin site for a build: one 通报 per month of the archive (each month seen as of its
 * last day), both editions (the long images are image-outputs.ts).
 */
import type { OutputFile } from '../model/output.ts';
import type { IsoDate } from '../model/dates.ts';
import { archiveMonths } from '../aggregate/archive-months.ts';
import { campaignBulletinCounts } from '../aggregate/campaign-counts.ts';
import { inEdition } from '../render/html/edition.ts';
import { reportMonthOf } from '../aggregate/period.ts';
import { renderSite } from '../render/html/index.ts';
import { officeAssets } from '../render/office-assets.ts';
import type { Analyzed } from './ledgers.ts';
import { analysisOn } from './seen-on.ts';
import type { RenderContext } from './render-outputs.ts';

/** Both editions' pages (no images). */
export function renderSiteFiles(a: Analyzed, ctx: RenderContext): OutputFile[] {
  // Months are analyzed for the widest edition; each edition then keeps the months of its own
  // items (site.ts). A 不公开 item must not add a month to any edition.
  const assigned = a.analysis.items
    .filter((i) => inEdition(i.audience, 'campus'))
    .map((i) => i.assignedOn)
    .filter((d): d is IsoDate => d !== null)
    .sort();
  const bulletins = archiveMonths(ctx.asOf, assigned[0] ?? null).map((period) => {
    const asOf = period.end < ctx.asOf ? period.end : ctx.asOf;
    return { period, analysis: analysisOn(a, asOf, ctx.config) };
  });
  const latestId = reportMonthOf(ctx.asOf, ctx.config.reportSubmitDays).id;
  return renderSite({ bulletins, latestId, current: a.analysis, config: ctx.config, templates: officeAssets(ctx.templatesDir).site, campaign: campaignBulletinCounts(a.analysis) });
}
