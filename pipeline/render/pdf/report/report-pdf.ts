/**
 * 督查督办工作月报 (季报 / 半年报 / 年报): the written report to the school leaders that seed 003
 * art. 5 asks for every month, on the shared GB/T 9704 layout. The numbers come from ReportData —
 * the same object the XLSX is written from — and the summary wording from an editable template.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { OfficeConfig } from '../../../config/office-config.ts';
import type { OutputFile } from '../../../model/output.ts';
import { chineseDate } from '../../../model/dates.ts';
import type { AnalyzedItem } from '../../../model/analysis.ts';
import { itemLabel } from '../../../model/item-labels.ts';
import type { ReportData } from '../../../aggregate/report-data.ts';
import { periodDeictic, rateWord, recheckSentence, reportKindWord } from '../../words.ts';
import type { PdfAssets } from '../assets.ts';
import { renderPdf } from './printer.ts';
import { blankLines, documentTitle, heading1, heading2, officialDocument, paragraph, signatureBlock, textBlock, type TextKit } from '../layout/gbt9704-layout.ts';
import { metadataTimestamp } from '../letters/context.ts';
import { rateChart } from './chart.ts';
import { DEFAULT_SUMMARY_TEMPLATE, summaryParagraphs } from './summary.ts';
import { campaignSection } from './campaign.ts';
import { feedbackSection } from './feedback.ts';
import { coUnitTable, overdueTable, recheckTable, tableNote, tallyTable } from './tables.ts';

export type ReportPdfConfig = Pick<OfficeConfig, 'officeName'> & Partial<Pick<OfficeConfig, 'fixedTimestamp'>>;

export function reportPdfPath(data: ReportData): string {
  return `internal/reports/${data.period.id}/督查督办工作${reportKindWord(data.period.kind)}-${data.period.label}.pdf`;
}

/**
 * `summaryTemplate`: the text of templates/report/summary.hbs (see loadSummaryTemplate);
 * the built-in wording when omitted.
 */
export async function renderReportPdf(data: ReportData, config: ReportPdfConfig, assets: Pick<PdfAssets, 'engine' | 'kit'>, summaryTemplate: string = DEFAULT_SUMMARY_TEMPLATE): Promise<OutputFile> {
  return { path: reportPdfPath(data), bytes: await renderPdf(assets.engine, reportDefinition(data, config, assets.kit, summaryTemplate)) };
}

/** The report as a pdfmake document: the PDF is printed from it and the DOCX (render/docx/report.ts) read off it. */
export function reportDefinition(data: ReportData, config: ReportPdfConfig, kit: TextKit, summaryTemplate: string = DEFAULT_SUMMARY_TEMPLATE): TDocumentDefinitions {
  const title = `${data.organization}督查督办工作${reportKindWord(data.period.kind)}`;
  const dd = officialDocument(kit, {
    title: `${title}（${data.period.label}）`,
    author: config.officeName,
    timestamp: metadataTimestamp(data.asOf, config.fixedTimestamp ?? null),
    content: reportContent(kit, data, config.officeName, title, summaryTemplate),
  });
  return { ...dd, pageBreakBefore: keepHeadingsWithText };
}

/** A heading in the last fifth of the page moves to the next page instead of standing alone. */
const HEADING = 1;
function keepHeadingsWithText(node: { headlineLevel?: number; startPosition: { verticalRatio?: number } }): boolean {
  return node.headlineLevel === HEADING && (node.startPosition.verticalRatio ?? 0) > 0.8;
}

function h1(kit: TextKit, text: string): Content {
  return { ...heading1(kit, text), headlineLevel: HEADING };
}

function h2(kit: TextKit, text: string): Content {
  return { ...heading2(kit, text), headlineLevel: HEADING };
}

/** The document body as pdfmake content; exported so it can be checked without rendering. */
export function reportContent(kit: TextKit, data: ReportData, officeName: string, title: string, summaryTemplate: string): Content[] {
  const total = { name: '合计', counts: data.totals, inProgress: data.inProgress };
  const here = periodDeictic(data.period.kind);
  const charted = data.byUnit.filter((r) => r.counts.onTimeRate !== null);
  const chartRows = [...charted].sort((a, b) => (b.counts.onTimeRate ?? 0) - (a.counts.onTimeRate ?? 0));
  const label = (i: AnalyzedItem) => itemLabel(i, data.labelsWithFile);
  return [
    documentTitle(kit, title),
    textBlock(kit, `（${data.period.label}）`, { role: 'heading2', alignment: 'center', charSpacing: 0 }),
    blankLines(1),

    h1(kit, '一、总体情况'),
    ...summaryParagraphs(data, summaryTemplate).map((p) => paragraph(kit, p)),

    h1(kit, '二、按事项来源统计'),
    tallyTable(kit, '事项来源', data.bySource, total),
    tableNote(kit, '注：按期办结率 = 按期办结事项 ÷（已办结事项 + 逾期未办结事项），尚未到期的事项不计入。'),

    h1(kit, '三、各承办单位办理情况'),
    tallyTable(kit, '承办单位', data.byUnit, total),
    tableNote(kit, '注：实行牵头单位负责制，事项只计入牵头单位，配合单位情况见第五部分。'),
    h2(kit, `各单位按期办结率（${data.period.label}${data.totals.onTimeRate === null ? '' : `，全校${rateWord(data.totals.onTimeRate)}`}）`),
    charted.length > 0
      ? rateChart(
          kit,
          chartRows.map((r) => ({ name: r.name, rate: r.counts.onTimeRate })),
        )
      : paragraph(kit, `${here}尚无到期应办结事项。`),

    h1(kit, '四、逾期未办结事项'),
    ...(data.overdue.length > 0
      ? [paragraph(kit, `截至${chineseDate(data.cutoff)}，逾期未办结事项${data.overdue.length}项，按逾期工作日由多到少排列如下。`), ...overdueTable(kit, data.overdue, label)]
      : [paragraph(kit, `截至${chineseDate(data.cutoff)}，无逾期未办结事项。`)]),

    h1(kit, '五、配合单位参与情况'),
    data.coUnits.length > 0 ? coUnitTable(kit, data.coUnits) : paragraph(kit, `${here}督办事项无配合单位。`),

    h1(kit, '六、回访复查'),
    ...recheckSection(kit, data),

    ...(data.campaign !== null ? [h1(kit, '七、专项活动'), ...campaignSection(kit, data.campaign)] : []),
    ...(data.feedback !== null ? [h1(kit, `${data.campaign !== null ? '八' : '七'}、进展反馈与审核`), ...feedbackSection(kit, data, data.feedback)] : []),

    signatureBlock(kit, officeName, chineseDate(data.asOf)),
  ];
}

function recheckSection(kit: TextKit, data: ReportData): Content[] {
  const r = data.recheck;
  const sentence = paragraph(kit, recheckSentence(r, periodDeictic(data.period.kind)));
  return r.items.length === 0 ? [sentence] : [sentence, ...recheckTable(kit, r.items, (i) => itemLabel(i, data.labelsWithFile))];
}
