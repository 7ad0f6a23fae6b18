import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildReportData, type ReportData } from '../../../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod, type Period } from '../../../../pipeline/aggregate/period.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../../../pipeline/config/office-config.ts';
import type { Analysis } from '../../../../pipeline/model/analysis.ts';
import { loadPdfAssets, type PdfAssets } from '../../../../pipeline/render/pdf/assets.ts';
import { renderReportPdf } from '../../../../pipeline/render/pdf/report/report-pdf.ts';
import { DEFAULT_SUMMARY_TEMPLATE, loadSummaryTemplate, summaryParagraphs } from '../../../../pipeline/render/pdf/report/summary.ts';
import { PDF_LIST_LIMIT } from '../../../../pipeline/render/pdf/report/tables.ts';
import { fixtureAnalysis, fixtureItem } from '../../../support/analysis-fixture.ts';

const TEMPLATES = fileURLToPath(new URL('../../../../templates', import.meta.url));
const config = { ...DEFAULT_OFFICE_CONFIG, organization: '示范大学' };

let assets: PdfAssets;
beforeAll(() => {
  assets = loadPdfAssets(TEMPLATES);
});

function period(text: string): Period {
  const p = parsePeriod(text);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

/** All text of the PDF with whitespace removed, so line and cell breaks do not matter. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str;
  }
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

/** The numbers straight from the Analysis, independent of report-data. */
function expected(analysis: Analysis, p: Period) {
  const items = analysis.items.filter((i) => (i.assignedOn === null || i.assignedOn <= p.end) && (i.completedOn === null || i.completedOn >= p.start));
  const n = (s: string) => items.filter((i) => i.status === s).length;
  const done = n('done_on_time') + n('done_late');
  return { total: items.length, done, onTime: n('done_on_time'), overdue: n('overdue'), rate: Math.round((n('done_on_time') / (done + n('overdue'))) * 1000) / 10 };
}

describe('monthly report PDF', () => {
  let data: ReportData;
  let text: string;
  let bytes: Uint8Array;
  let path: string;
  const analysis = fixtureAnalysis();

  beforeAll(async () => {
    data = buildReportData(analysis, period('2026-11'), config);
    const file = await renderReportPdf(data, config, assets, loadSummaryTemplate(TEMPLATES).source);
    bytes = file.bytes as Uint8Array;
    path = file.path;
    text = await pdfText(bytes);
  });

  it('is named 月报 after its period', () => {
    expect(path).toBe('internal/reports/2026-11/督查督办工作月报-2026年11月.pdf');
    expect(text).toContain('示范大学督查督办工作月报');
    expect(text).toContain('（2026年11月）');
  });

  it('states the summary numbers of the Analysis', () => {
    const e = expected(analysis, period('2026-11'));
    expect(e).toEqual({ total: 10, done: 1, onTime: 1, overdue: 3, rate: 25 });
    expect(text).toContain(`本月（2026年11月）共督办事项${e.total}项`);
    expect(text).toContain(`已办结${e.done}项，其中按期办结${e.onTime}项`);
    expect(text).toContain(`按期办结率${e.rate}%`);
    expect(text).toContain(`逾期未办结${e.overdue}项，涉及教务处、后勤管理处、国有资产管理处`);
    expect(text).toContain('截至2026年11月25日');
    expect(text).toContain('督办3次以上仍未办结的事项1项');
  });

  it('has the tables, the overdue list most overdue first, and the chart labels', () => {
    for (const h of ['一、总体情况', '二、按事项来源统计', '三、各承办单位办理情况', '四、逾期未办结事项', '五、配合单位参与情况', '六、回访复查']) {
      expect(text).toContain(h);
    }
    expect(text).toContain('各单位按期办结率');
    expect(text.indexOf('DB2026-001')).toBeLessThan(text.indexOf('DB2026-002'));
    expect(text.indexOf('DB2026-002')).toBeLessThan(text.indexOf('DB2026-010'));
    expect(text).toContain('招生就业处111000100%');
    expect(text).toContain('招生就业处100%教务处0%'); // chart, highest rate first
    expect(text).toContain('示范大学督查督办工作办公室');
  });

  it('draws the chart as vectors, not an image', () => {
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('is byte-identical when rendered again', async () => {
    const again = await renderReportPdf(data, config, assets, loadSummaryTemplate(TEMPLATES).source);
    expect(Buffer.from(again.bytes as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('other periods', () => {
  it('names the quarter report 季报 and speaks of 本季度', async () => {
    const data = buildReportData(fixtureAnalysis(), period('2026Q4'), config);
    const file = await renderReportPdf(data, config, assets);
    expect(file.path).toBe('internal/reports/2026Q4/督查督办工作季报-2026年第四季度.pdf');
    const text = await pdfText(file.bytes as Uint8Array);
    expect(text).toContain('督查督办工作季报');
    expect(text).toContain(`本季度（2026年第四季度）共督办事项${data.totals.total}项`);
  });

  it('names the half-year and the year reports', () => {
    const labels = ['2026H2', '2026'].map((p) => buildReportData(fixtureAnalysis(), period(p), config));
    expect(labels.map((d) => d.period.label)).toEqual(['2026年下半年', '2026年']);
  });

  it('cuts long lists and refers to the workbook', async () => {
    const a = fixtureAnalysis();
    for (let k = 0; k < PDF_LIST_LIMIT + 5; k++) {
      a.items.push(fixtureItem({ id: `OD${String(k).padStart(4, '0')}`, leadUnit: '教务处', assignedOn: '2026-10-01', status: 'overdue', light: 'red', overdueWorkdays: 1 }));
    }
    const data = buildReportData(a, period('2026-11'), config);
    const text = await pdfText((await renderReportPdf(data, config, assets)).bytes as Uint8Array);
    expect(text).toContain(`此处列出前${PDF_LIST_LIMIT}项`);
    expect(text).toContain('六、回访复查'); // nothing after a long table is lost
  });
});

describe('summary template', () => {
  const data = buildReportData(fixtureAnalysis(), period('2026-11'), config);

  it('ships templates/report/summary.hbs with the built-in wording', () => {
    const loaded = loadSummaryTemplate(TEMPLATES);
    expect(loaded.warnings).toEqual([]);
    expect(summaryParagraphs(data, loaded.source)).toEqual(summaryParagraphs(data, DEFAULT_SUMMARY_TEMPLATE));
    expect(summaryParagraphs(data)).toHaveLength(2);
  });

  it('lets an office change the wording', () => {
    expect(summaryParagraphs(data, '{{期间}}督办{{总数}}项，\n按期办结率{{按期办结率}}。\n\n第二段')).toEqual(['本月督办10项，按期办结率25%。', '第二段']);
  });

  it('falls back to the built-in wording when the file is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-report-'));
    mkdirSync(join(dir, 'report'));
    writeFileSync(join(dir, 'report', 'summary.hbs'), '{{#if 总数}}未闭合');
    const loaded = loadSummaryTemplate(dir);
    expect(loaded.source).toBe(DEFAULT_SUMMARY_TEMPLATE);
    expect(loaded.warnings[0]).toMatch(/summary\.hbs：语法错误（第 1 行）.*已改用内置措辞/);
  });

  it('says so when nothing is due yet', () => {
    const a = fixtureAnalysis();
    a.items = [fixtureItem({ id: 'A', assignedOn: '2026-11-02', status: 'on_track' })];
    const [first] = summaryParagraphs(buildReportData(a, period('2026-11'), config));
    expect(first).toContain('尚无到期应办结事项');
    expect(first).toContain('无逾期未办结事项');
  });
});
