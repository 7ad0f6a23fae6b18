/**
 * The disclosure site: public/ (社会公开) and campus/ (社会公开 + 校内公开), plain static HTML.
 * Pure: analyses and compiled templates in, files out. Each edition is rendered from
 * selectEdition() views only (edition.ts); the Analysis itself never reaches a template.
 * The complete set of files is returned every time: the writer removes what is not in it.
 */
import type { Analysis } from '../../model/analysis.ts';
import { chineseDate } from '../../model/dates.ts';
import type { OutputFile } from '../../model/output.ts';
import type { OfficeConfig } from '../../config/office-config.ts';
import { EDITIONS, selectEdition, type Edition, type EditionView } from './edition.ts';
import { buildBulletin, type BulletinData, type BulletinPeriod } from './bulletin-data.ts';
import { buildUnits, type MonthView } from './unit-data.ts';
import { buildCatalogue } from './catalogue-data.ts';
import { searchIndexScript } from './search-index.ts';
import type { CampaignCounts } from '../../aggregate/campaign-counts.ts';
import type { PageName, SiteTemplates } from './templates.ts';
import { bulletinImage, bulletinPage, CATALOGUE_PAGE, CSS_FILE, INDEX_PAGE, rootOf, SEARCH_INDEX_SCRIPT, SEARCH_PAGE, SEARCH_SCRIPT, UNITS_PAGE } from './paths.ts';

export interface SiteInput {
  /** One analysis per month of the archive, each as of that month's end (the current month: as of the as-of date). */
  bulletins: ReadonlyArray<{ period: BulletinPeriod; analysis: Analysis }>;
  current: Analysis;
  /** The month shown as the latest 通报 (the month just finished, until its report is due); default the newest. */
  latestId?: string;
  config: OfficeConfig;
  templates: SiteTemplates;
  /** The campus edition's campaign counts (aggregate/campaign-counts.ts campaignBulletinCounts), null without campaign data. */
  campaign: CampaignCounts | null;
}

const EDITION_LABELS: Record<Edition, { label: string; note: string }> = {
  public: { label: '社会公开版', note: '本站内容为社会公开事项' },
  campus: { label: '校内公开版', note: '本站内容限校内公开，请勿对外转发' },
};

export function renderSite(input: SiteInput): OutputFile[] {
  return EDITIONS.flatMap((edition) => renderEdition(input, edition));
}

function renderEdition(input: SiteInput, edition: Edition): OutputFile[] {
  const current = selectEdition(input.current, edition);
  // The month under way is usually seen on the build's own date: the same analysis, the same view.
  const months: MonthView[] = editionMonths(input.bulletins, current).map((b) => ({ period: b.period, view: b.analysis === input.current ? current : selectEdition(b.analysis, edition) }));
  const bulletins = months.map((m) => buildBulletin(m.view, m.period));
  const latest = bulletins.find((b) => b.period.id === input.latestId) ?? bulletins.at(-1) ?? null;
  const site = siteContext(input.config, edition, current, latest);
  const page = (path: string, name: PageName, title: string, nav: string, data: object): OutputFile => ({
    path: `${edition}/${path}`,
    bytes: input.templates.pages[name]({ ...data, site, root: rootOf(path), pageTitle: title, nav: { [nav]: true } }),
  });

  const files: OutputFile[] = [
    { path: `${edition}/${CSS_FILE}`, bytes: input.templates.css },
    { path: `${edition}/${SEARCH_SCRIPT}`, bytes: input.templates.searchScript },
    { path: `${edition}/${SEARCH_INDEX_SCRIPT}`, bytes: searchIndexScript(current) },
    page(INDEX_PAGE, 'index', '首页', 'index', {
      latest: latest && { ...latest, href: bulletinPage(latest.period.id), imageHref: bulletinImage(latest.period.id), imageName: imageName(input.config, latest) },
      archive: [...bulletins].reverse().map((b) => ({ ...b, href: bulletinPage(b.period.id) })),
      // Campaign progress is for the campus only, and as counts: no unit, no remark.
      campaign: edition === 'campus' ? input.campaign : null,
    }),
  ];
  bulletins.forEach((b, k) => {
    const path = bulletinPage(b.period.id);
    const prev = bulletins[k - 1];
    const next = bulletins[k + 1];
    // The long image is for sharing the latest 通报; older months keep their page only, so a
    // build draws two images however long the archive is.
    const isLatest = b === latest;
    files.push({
      ...page(path, 'bulletin', `督查通报（${b.period.label}${b.underWay ? `，截至${b.cutoff}` : ''}）`, 'bulletin', {
        b,
        itemsCaption: `${b.period.label}督办事项办理情况（${b.counts.total}项）`,
        prev: prev && { label: prev.period.label, href: bulletinPage(prev.period.id) },
        next: next && { label: next.period.label, href: bulletinPage(next.period.id) },
        imageFile: isLatest ? bulletinImage(b.period.id).split('/').at(-1) : null,
        imageName: imageName(input.config, b),
      }),
      ...(isLatest ? { longImage: true } : {}),
    });
  });
  const units = buildUnits(current, months);
  files.push(page(UNITS_PAGE, 'units', '承办单位', 'units', { units }));
  for (const u of units) {
    files.push(
      page(u.path, 'unit', u.unit, 'units', {
        u,
        leadCaption: `${u.unit}牵头的督办事项（${u.counts.total}项）`,
        coCaption: `${u.unit}配合办理的督办事项（${u.coItems}项）`,
      }),
    );
  }
  files.push(page(CATALOGUE_PAGE, 'disclosure', '“阳光三务”公开目录', 'catalogue', { c: buildCatalogue(current) }));
  files.push(page(SEARCH_PAGE, 'search', '事项查询', 'search', { itemCount: current.items.length }));
  return files;
}

/**
 * The months of an edition's archive come from its own items: the month under way, and the
 * earlier months back to the one its earliest item was assigned in. The months analyzed for the
 * widest edition are cut here, so an item another edition hides cannot add a page.
 */
function editionMonths(bulletins: SiteInput['bulletins'], current: EditionView): SiteInput['bulletins'] {
  const sorted = [...bulletins].sort((a, b) => (a.period.end < b.period.end ? -1 : a.period.end > b.period.end ? 1 : 0));
  const earliest = current.items.reduce<string | null>((min, i) => (i.assignedOn !== null && (min === null || i.assignedOn < min) ? i.assignedOn : min), null);
  return sorted.filter((b, k) => k === sorted.length - 1 || (earliest !== null && b.period.end >= earliest));
}

function siteContext(config: OfficeConfig, edition: Edition, current: EditionView, latest: BulletinData | null) {
  return {
    title: config.siteTitle,
    organization: config.organization,
    /** The small line above the title, left out when the title already names the school. */
    brandOrg: config.siteTitle.includes(config.organization) ? '' : config.organization,
    officeName: config.officeName,
    edition,
    isCampus: edition === 'campus',
    editionLabel: EDITION_LABELS[edition].label,
    editionNote: EDITION_LABELS[edition].note,
    asOf: chineseDate(current.asOf),
    latestHref: latest ? bulletinPage(latest.period.id) : INDEX_PAGE,
  };
}

/** The name a downloaded long image gets: 「示范大学督查通报-2026年11月.png」 — config and period only. */
function imageName(config: OfficeConfig, b: BulletinData): string {
  return `${config.siteTitle}-${b.period.label}.png`;
}
