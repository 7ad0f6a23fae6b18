/** Every kind of formal document as PDF and DOCX, rendered once per test file. */
import { buildReportData } from '../../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod } from '../../../pipeline/aggregate/period.ts';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { renderCampaignOutputs } from '../../../pipeline/render/campaign.ts';
import { renderReportDocx } from '../../../pipeline/render/docx/report.ts';
import { renderFormalDocuments } from '../../../pipeline/render/pdf/index.ts';
import { renderReportPdf } from '../../../pipeline/render/pdf/report/report-pdf.ts';
import { seed000Analysis } from '../../campaign/seed000-expected.ts';
import { fixtureAnalysis, fixtureAnalysisForPdf } from '../../support/analysis-fixture.ts';
import { CONFIG, pdfAssets } from '../pdf/render-fixture.ts';

export const LETTER = 'internal/催办通知/催办通知-教务处-DB2026-001';
/** A 1-page notice: its 版记 goes on page 2. */
export const NOTICE = 'internal/督办通知/督办通知-发展规划处-校督办〔2026〕44号';
/** A form with a 2,000-character 落实情况, over several pages. */
export const LONG_FORM = 'internal/登记表/登记表-档案馆-DB2026-014';
export const DONE_FORM = 'internal/登记表/登记表-财务处-DB2026-005';
export const DUE = 'internal/到期提醒/到期提醒-档案馆';
export const SUBMISSION = 'internal/campaign/催报通知/催报通知-党政办公室';
export const REPORT = 'internal/reports/2026-11/督查督办工作月报-2026年11月';

/** One of each kind: 催办通知, 督办通知, 登记表, 到期提醒, 催报通知, 月报. */
export const ONE_OF_EACH = [LETTER, NOTICE, LONG_FORM, DUE, SUBMISSION, REPORT];

export async function renderAllDocuments(): Promise<Map<string, OutputFile>> {
  const assets = pdfAssets();
  const formal = await renderFormalDocuments(fixtureAnalysisForPdf(), CONFIG, assets, [], { docx: true });
  const campaign = await renderCampaignOutputs(seed000Analysis(), CONFIG, assets, undefined, { docx: true });
  const period = parsePeriod('2026-11');
  if (isPeriodError(period)) throw new Error(period.error);
  const data = buildReportData(fixtureAnalysis(), period, CONFIG);
  const report = [await renderReportPdf(data, CONFIG, assets), await renderReportDocx(data, CONFIG, assets)];
  return new Map([...formal, ...campaign, ...report].map((f) => [f.path, f]));
}

export function bytes(files: Map<string, OutputFile>, path: string): Uint8Array {
  const f = files.get(path);
  if (!f) throw new Error(`missing ${path}; have:\n${[...files.keys()].join('\n')}`);
  if (typeof f.bytes === 'string') throw new Error(`${path} is text`);
  return f.bytes;
}
