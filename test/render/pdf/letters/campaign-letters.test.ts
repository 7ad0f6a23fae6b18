/**
 * 催办通知 and 到期提醒 for campaign rows (seed 000 自查表 / 整改表) say what the row is: the unit's own
 * commitment on the form it reported, with the form's 填报日期 — not a 督办事项 "转你单位" on a blank date.
 * The seed-000 fixture folder goes through the real pipeline; the PDFs are read back with pdfjs.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../../pipeline/model/analysis.ts';
import type { OutputFile } from '../../../../pipeline/model/output.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../../../pipeline/config/office-config.ts';
import { analyzeLedgers, readLedgers, reanalyze, type Analyzed } from '../../../../pipeline/app/ledgers.ts';
import { calendarFor } from '../../../../pipeline/analyze/analyze.ts';
import { campaignTrackedItems } from '../../../../pipeline/aggregate/campaign-items.ts';
import { renderFormalDocuments } from '../../../../pipeline/render/pdf/index.ts';
import { FIXTURES } from '../../../campaign/fixtures.ts';
import { CONFIG, bytesOf, pdfAssets } from '../render-fixture.ts';
import { plainText, readPdf } from '../pdf-reader.ts';

let analyzed: Analyzed;

async function documentsAsOf(asOf: string): Promise<Map<string, OutputFile>> {
  const analysis: Analysis = asOf === analyzed.analysis.asOf ? analyzed.analysis : reanalyze(analyzed, asOf, DEFAULT_OFFICE_CONFIG);
  const files = await renderFormalDocuments(analysis, CONFIG, pdfAssets(), campaignTrackedItems(analysis, calendarFor(analyzed.records)));
  return new Map(files.map((f) => [f.path, f]));
}

async function text(files: Map<string, OutputFile>, path: string): Promise<string> {
  return plainText(await readPdf(bytesOf(files, path)));
}

beforeAll(async () => {
  analyzed = analyzeLedgers(await readLedgers(join(FIXTURES, 'seed000')), '2022-12-10', DEFAULT_OFFICE_CONFIG);
});

describe('催办通知 for a tracked campaign row', () => {
  let files: Map<string, OutputFile>;
  beforeAll(async () => {
    files = await documentsAsOf('2022-12-10');
  });

  it('a 自查表 row: the date the unit reported, its own commitment, the 时限 and the working days overdue', async () => {
    const t = await text(files, 'internal/催办通知/催办通知-学生工作处-自查-学生工作处-4.pdf');
    expect(t).toContain(
      '学生工作处：你单位于2022年11月11日报送的《制度执行情况自查表》中，《辽宁科技大学学生手册》的执行现状为“需要补充修订”，' +
        '你单位承诺：按新修订的规定更新学生手册（整改时限：11月中旬，即2022年11月20日）。' +
        '截至2022年12月10日，该项整改已逾期15个工作日，特此催办。',
    );
    // Named by the form and its 序号, as the unit wrote it.
    expect(t).toContain('（编号：自查表序号2）');
    // Not the 督办 sentence: no blank date, nothing "转你单位".
    expect(t).not.toContain('转你单位');
    expect(t).not.toContain('年月日');
  });

  it('a 整改表 row: the measure and what the unit promised (近期完成) by when', async () => {
    const t = await text(files, 'internal/催办通知/催办通知-人事处-整改-人事处-3.pdf');
    expect(t).toContain(
      '你单位于2022年11月25日报送的《制度执行情况整改表》中，对《辽宁科技大学教职工考勤管理办法》的整改措施“严格考勤登记，按月通报”' +
        '承诺近期完成（完成时限：11月底，即2022年11月30日）。截至2022年12月10日，该项整改已逾期7个工作日，尚未报告完成，特此催办。',
    );
    expect(t).toContain('（编号：整改表序号1）');
    expect(t).not.toContain('转你单位');
  });

  it('a form without 填报日期 says when it was reported not at all, rather than printing a blank date', async () => {
    const analysis = structuredClone(analyzed.analysis);
    const row = analysis.selfChecks.find((s) => s.unit === '学生工作处' && s.row === 4)!;
    row.reportedOn = null;
    const out = await renderFormalDocuments(analysis, CONFIG, pdfAssets(), campaignTrackedItems(analysis, calendarFor(analyzed.records)));
    const t = await text(new Map(out.map((f) => [f.path, f])), 'internal/催办通知/催办通知-学生工作处-自查-学生工作处-4.pdf');
    expect(t).toContain('学生工作处：你单位报送的《制度执行情况自查表》中，《辽宁科技大学学生手册》的执行现状为“需要补充修订”');
    expect(t).not.toContain('年月日');
  });

  it('the duplex batch holds the campaign letters with their own wording too', async () => {
    const t = await text(files, 'internal/催办通知/催办通知（全部，双面打印）.pdf');
    expect(t).toContain('《制度执行情况自查表》');
    expect(t).toContain('《制度执行情况整改表》');
  });
});

describe('到期提醒 for campaign rows only', () => {
  it('speaks of the 整改 the unit committed to, and asks for no extension', async () => {
    // 2022-12-28: 科技处's 12月底 (2022-12-31, a Saturday) is 2 working days away.
    const files = await documentsAsOf('2022-12-28');
    const t = await text(files, 'internal/到期提醒/到期提醒-科技处.pdf');
    expect(t).toContain('科技处：你单位在制度执行情况自查、整改中承诺的以下1项整改即将到期。请按承诺的时限完成整改');
    // The row is the first of 科技处's form (序号1).
    expect(t).toContain('自查表序号1落实《辽宁科技大学科研项目经费管理办法》整改');
    expect(t).not.toContain('督查督办事项即将到期');
    expect(t).not.toContain('延期');
  });
});
