/** 进展反馈表: the fill-in workbook read back with exceljs (layout, validation, protection, print setup) and through ingest. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { feedbackForms, type FeedbackForm } from '../../../pipeline/aggregate/feedback-plans.ts';
import { instructionLines, renderFeedbackWorkbook, type FeedbackWorkbookContext } from '../../../pipeline/render/xlsx/feedback-workbook.ts';
import { ingestFiles } from '../../../pipeline/ingest/ingest.ts';
import type { AnalyzedItem } from '../../../pipeline/model/analysis.ts';
import { fixtureItem } from '../../support/analysis-fixture.ts';
import { zipEntries, zipTimes } from './zip-entries.ts';

const CTX: FeedbackWorkbookContext = {
  organization: '示范大学',
  officeName: '示范大学督查督办工作办公室',
  contactPerson: '李文静',
  contactPhone: '0771-2687015',
  asOf: '2026-11-16',
  when: new Date('2026-11-16T00:00:00+08:00'),
};

const ITEMS: AnalyzedItem[] = [
  fixtureItem({ id: 'F-01', title: '上线新版选课模块', leadUnit: '教务处', coUnits: ['网络与信息中心'], deadline: '2026-12-15', effectiveDeadline: '2026-12-15', feedbackDue: '2026-11-20' }),
  fixtureItem({
    id: 'F-02',
    title: '修订外籍教师聘任办法',
    leadUnit: '人事处',
    coUnits: ['教务处'],
    deadline: '2026-11-27',
    effectiveDeadline: '2026-11-27',
    status: 'due_soon',
    feedbackDue: '2026-11-20',
  }),
  fixtureItem({ id: 'F-03', title: '已办结的事项', leadUnit: '教务处', status: 'done_on_time', completedOn: '2026-10-20' }),
  fixtureItem({
    id: 'F-04',
    title: '常态化开展思政第一课',
    leadUnit: '教务处',
    deadline: null,
    effectiveDeadline: null,
    ongoing: true,
    deadlineText: '常态化推进',
    status: 'ongoing',
    feedbackDue: '2026-11-20',
  }),
];

function form(unit: string, items: AnalyzedItem[] = ITEMS): FeedbackForm {
  const f = feedbackForms({ items }).find((x) => x.unit === unit);
  if (!f) throw new Error(`no form for ${unit}`);
  return f;
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

function headerRowOf(ws: ExcelJS.Worksheet): number {
  let at = 0;
  ws.eachRow((row, n) => {
    if (at === 0 && row.getCell(1).value === '编号') at = n;
  });
  return at;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(headerRowOf(ws)).eachCell((c) => out.push(String(c.value)));
  return out;
}

describe('进展反馈表 for one unit', () => {
  it('has one row per open item the unit leads, then those it co-owns, pre-filled', async () => {
    const ws = await open(await renderFeedbackWorkbook(form('教务处'), CTX));
    expect(headers(ws)).toEqual(['编号', '事项', '办结时限', '职责', '填报单位', '反馈日期', '本期进展', '办理状态', '办结日期', '申请延期至', '延期理由', '填报人', '联系电话']);
    const h = headerRowOf(ws);
    const rows = [1, 2, 3].map((k) => [1, 2, 3, 4, 5].map((c) => String(ws.getRow(h + k).getCell(c).value ?? '')));
    expect(rows).toEqual([
      ['F-01', '上线新版选课模块', '2026-12-15', '牵头', '教务处'],
      ['F-04', '常态化开展思政第一课', '常态化推进', '牵头', '教务处'],
      ['F-02', '修订外籍教师聘任办法', '2026-11-27', '配合（牵头单位人事处）', '教务处'],
    ]);
    expect(ws.getRow(h + 4).getCell(1).value).toBeNull();
  });

  it('says above the header whom it is for, by when, and that co-units report to the lead unit — with no colon but the 填报单位 line', async () => {
    const ws = await open(await renderFeedbackWorkbook(form('教务处'), CTX));
    const h = headerRowOf(ws);
    const above = Array.from({ length: h - 1 }, (_, k) => String(ws.getRow(k + 1).getCell(1).value ?? ''));
    expect(above[0]).toBe('示范大学督查督办事项进展反馈表（2026年11月）');
    expect(above[1]).toBe('填报单位：教务处');
    const text = above.slice(2).join('\n');
    expect(text).toContain('请于2026年11月20日前填写本表');
    expect(text).toContain('职责为配合的事项由牵头单位汇总后统一反馈');
    expect(text).toContain('联系人 李文静，电话 0771-2687015');
    for (const line of above.slice(2)) expect(line).not.toMatch(/[:：]/);
    // A unit with only its own items is not told about co-units.
    expect(instructionLines(form('人事处'), CTX).join('')).not.toContain('配合');
    // Past the due day the sentence says so.
    expect(instructionLines(form('人事处'), { ...CTX, asOf: '2026-11-24' })[0]).toContain('本月反馈已于2026年11月20日截止，请尽快');
  });

  it('locks the pre-filled columns and leaves the columns of §2.10 open, under a sheet protection without password', async () => {
    const ws = await open(await renderFeedbackWorkbook(form('教务处'), CTX));
    const h = headerRowOf(ws);
    const cols = headers(ws);
    const lockedOf = (name: string) => ws.getRow(h + 1).getCell(cols.indexOf(name) + 1).protection?.locked;
    for (const name of ['编号', '事项', '办结时限', '职责', '填报单位']) expect(lockedOf(name), name).not.toBe(false);
    for (const name of ['反馈日期', '本期进展', '办理状态', '办结日期', '申请延期至', '延期理由', '填报人', '联系电话']) expect(lockedOf(name), name).toBe(false);
    // exceljs keeps the parsed <sheetProtection> on the worksheet without typing it.
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(protection).not.toHaveProperty('hashValue');
    expect(protection).not.toHaveProperty('saltValue');
  });

  it('validates the fill-in cells: a drop-down for 办理状态, dates, and text lengths', async () => {
    const ws = await open(await renderFeedbackWorkbook(form('教务处'), CTX));
    const h = headerRowOf(ws);
    const cols = headers(ws);
    const dv = (name: string, k = 1) => ws.getRow(h + k).getCell(cols.indexOf(name) + 1).dataValidation;
    for (const k of [1, 2, 3]) expect(dv('办理状态', k)).toMatchObject({ type: 'list', formulae: ['"办理中,申请办结,申请延期"'], showErrorMessage: true });
    for (const name of ['反馈日期', '办结日期']) {
      expect(dv(name)).toMatchObject({ type: 'date', operator: 'between', showErrorMessage: true });
      expect(ws.getRow(h + 1).getCell(cols.indexOf(name) + 1).numFmt).toBe('yyyy-mm-dd');
    }
    expect(dv('本期进展')).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [2000] });
    expect(dv('延期理由')).toMatchObject({ type: 'textLength', formulae: [500] });
    expect(dv('联系电话')).toMatchObject({ type: 'textLength', formulae: [30] });
    expect(dv('编号')).toBeUndefined();
  });

  it('writes one validation per fill-in column over all its rows (no overlapping ranges), in the order of the sheet schema', async () => {
    // 12 rows: per-cell validations used to come out as overlapping F8:F19 and F10:F19 (exceljs sorted addresses as text).
    const many = Array.from({ length: 12 }, (_, k) =>
      fixtureItem({ id: `M-${k + 1}`, title: `事项${k + 1}`, leadUnit: '教务处', deadline: '2026-12-15', effectiveDeadline: '2026-12-15', feedbackDue: '2026-11-20' }),
    );
    const bytes = await renderFeedbackWorkbook(form('教务处', many), CTX);
    const xml = zipEntries(bytes).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const ws = await open(bytes);
    const h = headerRowOf(ws);
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(['F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'].map((c) => `${c}${h + 1}:${c}${h + 12}`));
    // CT_Worksheet is a sequence: Excel repairs a sheet whose protection comes after its validations.
    const order = ['sheetData', 'sheetProtection', 'mergeCells', 'dataValidations', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter'].map((tag) => xml.indexOf(`<${tag}`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('prints on A4 landscape, one page wide, repeating the header row', async () => {
    const ws = await open(await renderFeedbackWorkbook(form('教务处'), CTX));
    const h = headerRowOf(ws);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${h}:${h}` });
  });

  it('shows the next milestone when items carry milestones, and no such column otherwise', async () => {
    const withMilestones = ITEMS.map((i) =>
      i.id === 'F-01'
        ? Object.assign({}, i, {
            milestones: [
              { text: '完成需求调研', deadlineText: '10月底', deadline: '2026-10-31', status: 'done_on_time', light: 'blue' },
              { text: '完成测试', deadlineText: '12月10日', deadline: '2026-12-10', status: 'on_track', light: 'green' },
              { text: '试运行', deadlineText: '11月30日', deadline: '2026-11-30', status: 'due_soon', light: 'yellow' },
            ],
          })
        : i,
    );
    const ws = await open(await renderFeedbackWorkbook(form('教务处', withMilestones), CTX));
    const cols = headers(ws);
    expect(cols.slice(0, 4)).toEqual(['编号', '事项', '办结时限', '下一节点']);
    expect(ws.getRow(headerRowOf(ws) + 1).getCell(4).value).toBe('试运行（2026-11-30）');
    expect(ws.getRow(headerRowOf(ws) + 2).getCell(4).value).toBe('');
  });

  it('gives the same bytes for the same data, whenever it is made, with every zip entry at the fixed time', async () => {
    const a = await renderFeedbackWorkbook(form('教务处'), CTX);
    await new Promise((r) => setTimeout(r, 2100));
    const b = await renderFeedbackWorkbook(form('教务处'), CTX);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(new Set(zipTimes(a)).size).toBe(1);
  });

  it('reads back through ingest as 进展反馈 (never as 督办事项), the title line giving the file unit', async () => {
    const bytes = await renderFeedbackWorkbook(form('教务处'), CTX);
    const r = await ingestFiles([{ path: '回执/随便起的名字.xlsx', bytes }]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.tables.map((t) => t.kind)).toEqual(['feedback']);
    const t = r.tables[0]!;
    expect(t.fileValues).toMatchObject({ 填报单位: '教务处' });
    expect(Object.keys(t.fileValues)).toEqual(['填报单位']);
    expect(t.rows.map((row) => row.values.编号)).toEqual(['F-01', 'F-04', 'F-02']);
  });
});

describe('feedbackForms', () => {
  it('makes a form for every unit with an open item it leads or co-owns, and none for units with only closed items', () => {
    const forms = feedbackForms({ items: [...ITEMS, fixtureItem({ id: 'F-09', leadUnit: '财务处', status: 'done_late' })] });
    expect(forms.map((f) => f.unit).sort()).toEqual(['人事处', '教务处', '网络与信息中心'].sort());
    expect(forms.find((f) => f.unit === '网络与信息中心')!.rows.map((r) => [r.item.id, r.role])).toEqual([['F-01', 'co']]);
    expect(forms.find((f) => f.unit === '教务处')!.due).toBe('2026-11-20');
  });
});
