/**
 * Every output a build makes, as one registry (the build is a loop over it, render-outputs.ts):
 * each entry has an id, the out/ scopes it owns (what the writer may remove there), and a plan of
 * units built from the build's views (output-plan.ts). Adding an output is adding an entry here.
 * Order matters only for the last two: the images draw pages of the site, the desk links to
 * every file before it.
 */
import type { AnalyzedItem } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { BuiltFile, OutputFile } from '../model/output.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { WorkdayCalendar } from '../analyze/workday-calendar.ts';
import { reportMonthOf } from '../aggregate/period.ts';
import type { OfficeAssets } from '../render/office-assets.ts';
import type { OutputPlan } from '../render/output-plan.ts';
import { renderAnalysisJson } from '../render/analysis-json.ts';
import { FOLDERS, formalPlans } from '../render/pdf/index.ts';
import { renderCampaignOutputs, CAMPAIGN_FOLDER } from '../render/campaign.ts';
import { FEEDBACK_FOLDER, REVIEW_FOLDER, renderFeedbackOutputs } from '../render/feedback-outputs.ts';
import { DESK_ASSETS, DESK_PAGE } from '../render/html/desk-data.ts';
import { renderKey } from '../write/render-memo.ts';
import type { Analyzed } from './ledgers.ts';
import { feedbackPlans } from '../aggregate/feedback-plans.ts';
import { renderPeriodReport } from './report-outputs.ts';
import { renderSiteFiles } from './site-outputs.ts';
import { imagePlan } from './image-outputs.ts';
import { renderDeskFiles } from './desk-outputs.ts';

/** What a build's outputs are planned from. */
export interface BuildView {
  analyzed: Analyzed;
  config: OfficeConfig;
  asOf: IsoDate;
  templatesDir: string;
  assets: OfficeAssets;
  /** Campaign rows followed like 督办 items (they get 催办通知 and 到期提醒). */
  tracked: readonly AnalyzedItem[];
  cal: WorkdayCalendar;
  /**
   * A fingerprint of the ledgers this build read (their paths and bytes), for outputs drawn from
   * the whole analysis; null when unknown, and then those outputs are always drawn.
   */
  inputs: string | null;
  /** The out folder, when there is one (the images are drawn from the pages there). */
  outDir?: string;
  /** Draw the long images that are not on disk yet; without, only unchanged ones are kept. */
  images: boolean;
  /** The files of the outputs before this one. */
  built: BuiltFile[];
  /** Lines for the user (a missing browser …). */
  notes: string[];
}

export interface OutputKind {
  id: string;
  /** The stage's name in the progress lines and timings. */
  label: string;
  /** Draws documents by the hundred: counted on a progress bar. */
  counted?: boolean;
  scopes(asOf: IsoDate, config: Pick<OfficeConfig, 'reportSubmitDays'>): string[];
  plan(view: BuildView): OutputPlan | Promise<OutputPlan>;
}

/**
 * What besides the ledgers' bytes the outputs of the whole analysis show: its issues. Not all of
 * them come from the files fingerprinted: a file of the data folder that is not a ledger, or cannot
 * be read, is named in an issue without being read (ingest/scan-folder.ts), and a watch session
 * builds a broken ledger from its last good version under the fingerprint of the broken bytes.
 */
const issuesOf = new WeakMap<BuildView, string>();
function issuesKey(view: BuildView): string {
  let key = issuesOf.get(view);
  if (key === undefined) issuesOf.set(view, (key = renderKey(view.analyzed.analysis.issues)));
  return key;
}

/** One unit for an output drawn from the whole analysis: kept while the ledgers, their issues and the settings are the same. */
function whole(view: BuildView, what: string, render: () => Promise<OutputFile[]> | OutputFile[]): OutputPlan {
  return { units: [{ key: view.inputs === null ? null : [what, view.inputs, issuesKey(view)], render }] };
}

const formalOf = new WeakMap<BuildView, ReturnType<typeof formalPlans>>();
function formal(view: BuildView): ReturnType<typeof formalPlans> {
  let plans = formalOf.get(view);
  if (!plans) {
    const assets = view.assets;
    plans = formalPlans({ analysis: view.analyzed.analysis, config: view.config, assets: () => assets.pdf, say: assets.say, tracked: view.tracked, docx: true });
    formalOf.set(view, plans);
  }
  return plans;
}

export const OUTPUTS: readonly OutputKind[] = [
  {
    id: 'analysis',
    label: 'analysis.json',
    scopes: () => ['internal/analysis.json'],
    plan: (v) => whole(v, 'analysis', () => [renderAnalysisJson(v.analyzed.analysis)]),
  },
  { id: 'reminders', label: '公文：催办通知', counted: true, scopes: () => [`${FOLDERS.reminders}/`], plan: (v) => formal(v).reminders },
  { id: 'assignments', label: '公文：督办通知', counted: true, scopes: () => [`${FOLDERS.assignments}/`], plan: (v) => formal(v).assignments },
  { id: 'forms', label: '公文：登记表', counted: true, scopes: () => [`${FOLDERS.forms}/`], plan: (v) => formal(v).forms },
  { id: 'dues', label: '公文：到期提醒', counted: true, scopes: () => [`${FOLDERS.due}/`], plan: (v) => formal(v).dues },
  {
    id: 'campaign',
    label: '专项活动（自查、整改、报送、制度清理）',
    scopes: () => [`${CAMPAIGN_FOLDER}/`],
    plan: (v) => whole(v, 'campaign', () => renderCampaignOutputs(v.analyzed.analysis, v.config, v.assets.pdf, v.assets.submission.say, { docx: true })),
  },
  {
    id: 'feedback',
    label: '进展反馈与审核（反馈表、催报通知、待审核）',
    scopes: () => [`${FEEDBACK_FOLDER}/`, `${REVIEW_FOLDER}/`],
    plan: (v) => whole(v, 'feedback', () => renderFeedbackOutputs(v.analyzed.analysis, feedbackPlans(v.analyzed.analysis), v.config, v.assets.pdf, v.cal, v.assets.submission.say, { docx: true })),
  },
  {
    id: 'report',
    label: '月度督查督办报告（XLSX、PDF）',
    // Reports of other periods, written by `duban report`, are not a build's to remove.
    scopes: (asOf, config) => [`internal/reports/${reportMonthOf(asOf, config.reportSubmitDays).id}/`],
    plan: (v) => {
      const period = reportMonthOf(v.asOf, v.config.reportSubmitDays);
      return whole(v, `report ${period.id}`, () => renderPeriodReport(v.analyzed, period, v));
    },
  },
  {
    id: 'site',
    label: '公开通报网站（公开版、校内版）',
    scopes: () => ['public/', 'campus/'],
    plan: (v) => whole(v, 'site', () => renderSiteFiles(v.analyzed, v)),
  },
  { id: 'images', label: '通报长图', scopes: () => [], plan: (v) => imagePlan(v) },
  {
    id: 'desk',
    label: '督办工作台',
    scopes: () => [DESK_PAGE, DESK_ASSETS],
    // The desk links to every file of the build: kept while the data, its issues and those files' names are the same.
    plan: (v) => {
      const paths = v.built.map((f) => f.path);
      return { units: [{ key: v.inputs === null ? null : ['desk', v.inputs, issuesKey(v), paths], render: () => renderDeskFiles(v.analyzed, v, v.tracked, v.built) }] };
    },
  },
];

/**
 * Path prefixes a build owns: outputs there that a build no longer makes are removed (a letter for
 * an item no longer overdue, a page of an item that left an edition).
 */
export function buildScopes(asOf: IsoDate, config: Pick<OfficeConfig, 'reportSubmitDays'>): string[] {
  return OUTPUTS.flatMap((o) => o.scopes(asOf, config));
}
