/**
 * The office's desk for a build (out/internal/index.html): the analysis, the letters the formal
 * and campaign renderers write (named by their own file plans), the other files of the build, and
 * twelve months of overdue counts and 按期办结率, each month seen as of its last day like the
 * site's 通报 and the monthly report (the analyses are shared with them, see seen-on.ts).
 */
import type { AnalyzedItem } from '../model/analysis.ts';
import { addMonths, type IsoDate } from '../model/dates.ts';
import type { BuiltFile, OutputFile } from '../model/output.ts';
import { countItems } from '../analyze/unit-stats.ts';
import { inPeriod } from '../aggregate/report-data.ts';
import { periodOfMonth } from '../aggregate/period.ts';
import { docContext } from '../render/pdf/letters/context.ts';
import { planFormalFiles } from '../render/pdf/index.ts';
import { planSubmissionReminderFiles } from '../render/campaign.ts';
import { officeAssets } from '../render/office-assets.ts';
import { renderDesk } from '../render/html/desk-data.ts';
import type { TrendPoint } from '../render/html/desk-chart.ts';
import type { Analyzed } from './ledgers.ts';
import { analysisOn } from './seen-on.ts';
import { archiveMonths } from '../aggregate/archive-months.ts';
import type { RenderContext } from './render-outputs.ts';

const MONTHS = 12;

/** `built`: everything the build writes besides the desk; `tracked` as given to renderFormalDocuments. */
export function renderDeskFiles(a: Analyzed, ctx: RenderContext, tracked: readonly AnalyzedItem[], built: readonly BuiltFile[]): OutputFile[] {
  const assets = officeAssets(ctx.templatesDir);
  const doc = docContext(a.analysis, ctx.config, () => assets.pdf.kit, assets.say);
  return renderDesk(
    {
      analysis: a.analysis,
      formal: planFormalFiles(a.analysis, doc, tracked),
      submissions: planSubmissionReminderFiles(a.analysis, assets.submission.say),
      history: deskHistory(a, ctx),
      built: built.map((f) => f.path),
      label: doc.label,
      organization: ctx.config.organization,
      officeName: ctx.config.officeName,
    },
    assets.site,
  );
}

/** The last twelve months, the month under way last; months before the first item count nothing. */
export function deskHistory(a: Analyzed, ctx: Pick<RenderContext, 'asOf' | 'config'>): TrendPoint[] {
  const assigned = a.analysis.items
    .map((i) => i.assignedOn)
    .filter((d): d is IsoDate => d !== null)
    .sort();
  const analyzed = new Map(archiveMonths(ctx.asOf, assigned[0] ?? null).map((m) => [m.id, m]));
  const points: TrendPoint[] = [];
  const first = periodOfMonth(ctx.asOf);
  for (let k = MONTHS - 1; k >= 0; k--) {
    const period = periodOfMonth(addMonths(first.start, -k));
    const year = Number(period.start.slice(0, 4));
    const month = Number(period.start.slice(5, 7));
    const label = { label: period.label, short: `${month}月`, year: month === 1 || k === MONTHS - 1 ? `${year}年` : '' };
    if (!analyzed.has(period.id)) {
      points.push({ ...label, overdue: 0, onTimeRate: null });
      continue;
    }
    const asOf = period.end < ctx.asOf ? period.end : ctx.asOf;
    const c = countItems(analysisOn(a, asOf, ctx.config).items.filter((i) => inPeriod(i, period)));
    points.push({ ...label, overdue: c.overdue, onTimeRate: c.onTimeRate });
  }
  return points;
}
