import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Analysis } from '../../../pipeline/model/analysis.ts';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { CAMPAIGN_FILES, renderCampaignOutputs } from '../../../pipeline/render/campaign.ts';
import { LIGHT_COLORS } from '../../../pipeline/render/xlsx/report-styles.ts';
import { FORMULA_BAIT, fixtureAnalysis } from '../../support/analysis-fixture.ts';
import { CONFIG, pdfAssets } from '../pdf/render-fixture.ts';
import { seed000Analysis } from '../../campaign/seed000-expected.ts';
import { zipEntries } from './zip-entries.ts';

const books = new Map<string, ExcelJS.Workbook>();
let files: OutputFile[];

async function open(bytes: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  return wb;
}

function sheet(path: string, name: string): ExcelJS.Worksheet {
  const ws = books.get(path)?.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${path}`);
  return ws;
}

const values = (ws: ExcelJS.Worksheet, r: number): unknown[] => cells(ws.getRow(r));
const cells = (row: ExcelJS.Row): unknown[] => (row.values as unknown[]).slice(1);

function rowOf(ws: ExcelJS.Worksheet, col: number, value: unknown, from = 1): ExcelJS.Row {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === value) return ws.getRow(r);
  throw new Error(`no row with ${String(value)} in ${ws.name}`);
}

/** A date cell as exceljs reads it back: the day at UTC midnight. */
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const fillOf = (cell: ExcelJS.Cell): string => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? '';

/** The seed-000 analysis with formula-looking texts in every free-text field. */
function baitAnalysis(): Analysis {
  const a = seed000Analysis();
  a.selfChecks.forEach((s, k) => Object.assign(s, { measure: FORMULA_BAIT[k % 4], name: `${FORMULA_BAIT[(k + 1) % 4]}` }));
  a.rectifications.forEach((r, k) => Object.assign(r, { progress: FORMULA_BAIT[k % 4], issuer: FORMULA_BAIT[(k + 2) % 4] }));
  a.submissions[0]!.unit = '=1+1';
  a.regulations.forEach((r) => Object.assign(r, { docNo: '@SUM(A1)', name: '-2' }));
  return a;
}

beforeAll(async () => {
  files = await renderCampaignOutputs(seed000Analysis(), CONFIG, pdfAssets());
  for (const f of files) if (f.path.endsWith('.xlsx')) books.set(f.path, await open(f.bytes));
});

describe('campaign outputs', () => {
  it('writes the four workbooks and the 催报 letters under internal/campaign/', () => {
    expect(files.map((f) => f.path)).toEqual([
      CAMPAIGN_FILES.selfChecks,
      CAMPAIGN_FILES.rectifications,
      CAMPAIGN_FILES.submissions,
      CAMPAIGN_FILES.regulations,
      'internal/campaign/催报通知/催报通知-党政办公室.pdf',
      'internal/campaign/催报通知/催报通知-科技处.pdf',
      'internal/campaign/催报通知/催报通知-团委.pdf',
      'internal/campaign/催报通知/催报通知-学生工作处.pdf',
      'internal/campaign/催报通知/催报通知（全部，双面打印）.pdf',
    ]);
  });

  it('makes nothing when the analysis has no campaign data', async () => {
    expect(await renderCampaignOutputs(fixtureAnalysis(), CONFIG, pdfAssets())).toEqual([]);
  });

  it('makes only the files whose ledgers exist', async () => {
    const a = seed000Analysis();
    a.selfChecks = [];
    a.submissions = [];
    expect((await renderCampaignOutputs(a, CONFIG, pdfAssets())).map((f) => f.path)).toEqual([CAMPAIGN_FILES.rectifications, CAMPAIGN_FILES.regulations]);
  });

  it('gives identical bytes for the same data', async () => {
    const again = await renderCampaignOutputs(seed000Analysis(), CONFIG, pdfAssets());
    expect(again.map((f) => Buffer.from(f.bytes as Uint8Array).toString('base64'))).toEqual(files.map((f) => Buffer.from(f.bytes as Uint8Array).toString('base64')));
  });
});

describe('自查情况汇总表', () => {
  it('汇总: units × the five 执行现状, a total row, overdue in red', () => {
    const ws = sheet(CAMPAIGN_FILES.selfChecks, '汇总');
    expect(ws.getCell('A1').value).toBe('示范大学制度执行情况自查汇总表');
    expect(ws.getCell('A2').value).toBe('统计截至：2022-12-10　共4个单位报送自查表11条，需整改7条');
    expect(values(ws, 3)).toEqual(['序号', '填报单位', '比较好', '需要补充修订', '需要强化执行', '执行不好', '未执行', '合计', '需整改', '逾期未整改']);
    expect(values(ws, 4)).toEqual([1, '教务处', 1, 1, 1, 1, 0, 4, 3, 1]);
    expect(values(ws, 6)).toEqual([3, '人事处', 1, 0, 1, 0, 1, 3, 2, 1]);
    expect(values(ws, 8)).toEqual([undefined, '合计', 4, 3, 2, 1, 1, 11, 7, 3]);
    expect(fillOf(ws.getCell('J4'))).toBe(LIGHT_COLORS.red.fill);
    expect(fillOf(ws.getCell('J5'))).not.toBe(LIGHT_COLORS.red.fill);
  });

  it('明细: every row, the status word with its light fill; 比较好 needs no rectification', () => {
    const ws = sheet(CAMPAIGN_FILES.selfChecks, '明细');
    expect(values(ws, 3)).toEqual(['序号', '填报单位', '制发单位', '制度名称', '执行现状', '原因', '具体执行情况和下一步整改措施', '整改时限', '折算日期', '整改状态', '灯号', '来源文件', '行号']);
    expect(ws.rowCount).toBeGreaterThanOrEqual(3 + 11);
    const bad = rowOf(ws, 4, '辽宁科技大学教材选用管理办法');
    expect(cells(bad).slice(1, 11)).toEqual([
      '教务处',
      '教务处',
      '辽宁科技大学教材选用管理办法',
      '执行不好',
      '经费不足',
      '修订选用流程，落实教材选用审核',
      '11月底',
      day('2022-11-30'),
      '逾期未办结',
      '红灯',
    ]);
    expect(fillOf(bad.getCell(10))).toBe(LIGHT_COLORS.red.fill);
    const good = rowOf(ws, 4, '辽宁科技大学职称评审办法');
    expect(good.getCell(10).value).toBe('无需整改');
    expect(fillOf(good.getCell(10))).toBe('');
    expect(fillOf(rowOf(ws, 4, '辽宁科技大学章程').getCell(10))).toBe(LIGHT_COLORS.green.fill);
  });
});

describe('整改台账', () => {
  it('all rectifications; overdue flagged red with words, 已完成 blue', () => {
    const ws = sheet(CAMPAIGN_FILES.rectifications, '整改台账');
    expect(values(ws, 3)).toEqual(['序号', '填报单位', '制发单位', '制度名称', '整改措施', '整改措施落实情况', '是否完成', '完成时限', '折算日期', '状态', '灯号', '来源文件', '行号']);
    const late = rowOf(ws, 4, '辽宁科技大学教职工考勤管理办法');
    expect(cells(late).slice(6, 11)).toEqual(['近期完成', '11月底', day('2022-11-30'), '逾期未办结', '红灯']);
    expect(fillOf(late.getCell(10))).toBe(LIGHT_COLORS.red.fill);
    expect(fillOf(late.getCell(11))).toBe(LIGHT_COLORS.red.fill);
    const done = rowOf(ws, 4, '辽宁科技大学人才引进管理办法');
    expect(done.getCell(10).value).toBe('已完成');
    expect(fillOf(done.getCell(10))).toBe(LIGHT_COLORS.blue.fill);
    expect(ws.getCell('A2').value).toBe('统计截至：2022-12-10　整改事项6条，已完成2条，逾期未完成1条');
  });
});

describe('报送情况', () => {
  it('requirement × unit with sent date and status word and fill', () => {
    const ws = sheet(CAMPAIGN_FILES.submissions, '报送情况');
    expect(values(ws, 3)).toEqual(['序号', '材料', '截止日期', '报送单位', '报送日期', '报送情况']);
    expect(values(ws, 4)).toEqual([1, '自查表', day('2022-11-12'), '党政办公室', '', '未报送']);
    expect(values(ws, 7)).toEqual([4, '自查表', day('2022-11-12'), '人事处', day('2022-11-14'), '逾期报送']);
    expect(values(ws, 6)).toEqual([3, '自查表', day('2022-11-12'), '科技处', '已报送（日期未注明）', '按时报送']);
    expect(fillOf(ws.getCell('F4'))).toBe(LIGHT_COLORS.red.fill);
    expect(fillOf(ws.getCell('F5'))).toBe(LIGHT_COLORS.blue.fill);
    expect(fillOf(ws.getCell('F7'))).toBe(LIGHT_COLORS.yellow.fill);
  });

  it('催报名单: the units that missed a deadline', () => {
    const ws = sheet(CAMPAIGN_FILES.submissions, '催报名单');
    expect([4, 5, 6, 7].map((r) => values(ws, r))).toEqual([
      [1, '党政办公室', '自查表', day('2022-11-12'), 20],
      [2, '科技处', '整改表', day('2022-12-01'), 6],
      [3, '团委', '自查表', day('2022-11-12'), 20],
      [4, '学生工作处', '整改表', day('2022-12-01'), 6],
    ]);
  });
});

describe('制度清理目录', () => {
  it('per issuing unit, the 现行 regulations 10 years or older, with year and age', () => {
    const ws = sheet(CAMPAIGN_FILES.regulations, '制度清理目录');
    expect(values(ws, 3).slice(0, 7)).toEqual(['序号', '制发单位', '制度名称', '文号', '发布年份', '已施行年数', '状态']);
    expect([4, 5, 6, 7].map((r) => values(ws, r).slice(0, 7))).toEqual([
      [1, '教务处', '辽宁科技大学本科课程考核管理办法', '辽科大发〔2011〕15号', 2011, 10, '现行'],
      [2, '教务处', '辽宁科技大学教材选用管理办法', '辽科大发〔2012〕40号', 2012, 10, '现行'],
      [3, '人事处', '辽宁科技大学教职工考勤管理办法', '辽科大发〔2009〕21号', 2009, 13, '现行'],
      [4, '人事处', '辽宁科技大学职称评审办法', '辽科大发〔2012〕8号', 2012, 10, '现行'],
    ]);
    expect(ws.getRow(8).getCell(1).value).toBeNull();
  });
});

describe('the report rules', () => {
  it('every sheet: A4 landscape, fit to width, frozen header repeated on each page', () => {
    for (const wb of books.values()) {
      for (const ws of wb.worksheets) {
        expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 });
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
        expect(ws.pageSetup.printTitlesRow).toBe('3:3');
      }
    }
  });

  it('columns are wide enough for Chinese text; long text wraps', () => {
    const ws = sheet(CAMPAIGN_FILES.selfChecks, '明细');
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(20);
    expect(rowOf(ws, 4, '辽宁科技大学章程').getCell(7).alignment?.wrapText).toBe(true);
  });

  it('formula-looking texts stay strings: no formula cell, no <f> in the XML', async () => {
    const out = await renderCampaignOutputs(baitAnalysis(), CONFIG, pdfAssets());
    let seen = 0;
    for (const f of out.filter((x) => x.path.endsWith('.xlsx'))) {
      const wb = await open(f.bytes);
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.formula).toBeUndefined();
            if (typeof cell.value === 'string' && FORMULA_BAIT.some((b) => cell.value === b)) seen++;
          }),
        ),
      );
      for (const [name, xml] of zipEntries(f.bytes as Uint8Array)) {
        if (name.startsWith('xl/worksheets/')) expect(xml.toString('utf8')).not.toMatch(/<f[ >]|<hyperlink/);
      }
    }
    expect(seen).toBeGreaterThan(20);
  });
});
