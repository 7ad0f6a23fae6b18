/**
 * Issue 16 points 1–4, end to end through the CLI: the 进展反馈表 a build writes are filled the way
 * units fill them (one in Excel and saved as .xlsx — here with exceljs; one saved from the
 * spreadsheet as a GBK CSV), dropped back into the data folder and read by the real pipeline; the
 * office decides the requests in 本次审核记录.csv; missing feedback is chased; the report, the 登记表
 * and the campus bulletin show the result. Everything is read back from the out folder.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis, AnalyzedItem } from '../../pipeline/model/analysis.ts';
import { runCli } from '../support/run-cli.ts';
import { plainText, readPdf } from '../render/pdf/pdf-reader.ts';

const TEMPLATES = path.join(import.meta.dirname, '../../templates');

const UNITS = [
  '单位,简称,类别,负责人,分管校领导',
  '教务处,教务,职能部门,张志强,王海涛',
  '人事处,人事,职能部门,梁国华,赵明',
  '财务处,,职能部门,何静,赵明',
  '党委宣传部,宣传部,职能部门,韦红梅,刘建国',
  '网络与信息中心,网信中心,直附属单位,陆海,陈志刚',
].join('\r\n');

const LEDGER = [
  '编号,事项,承办单位,配合单位,来源,立项日期,办结时限,状态,公开范围',
  'F-01,上线新版选课模块,教务处,网络与信息中心,会议决策,2026-10-15,2026-12-15,办理中,校内公开',
  'F-02,修订教职工考勤管理办法,人事处,,年度重点工作,2026-09-01,2026-12-31,办理中,校内公开',
  'F-03,制定年度考核工作方案,人事处,教务处,领导批示,2026-11-02,2026-11-27,办理中,校内公开',
  'F-04,完成科研经费专项审计,财务处,,上级交办,2026-09-01,2026-12-31,办理中,不公开',
  'F-05,建成校史馆数字展厅,党委宣传部,,年度重点工作,2026-03-05,2026-12-31,办理中,社会公开',
].join('\r\n');

const PROGRESS = {
  f01: '选课模块已上线运行，完成春季学期选课',
  f02: '考勤管理办法修订稿已征求意见',
  f03: '方案初稿已完成',
  f03Reason: '需与中层干部考核统筹',
};

let root: string;
let data: string;
let out: string;
let templates: string;

async function build(asOf: string): Promise<Analysis> {
  const r = await runCli(['build', '--data', data, '--out', out, '--templates', templates, '--as-of', asOf, '--no-images']);
  expect(r.code, r.out + r.err).toBe(0);
  return JSON.parse(await readFile(path.join(out, 'internal', 'analysis.json'), 'utf8')) as Analysis;
}

const item = (a: Analysis, id: string): AnalyzedItem => {
  const found = a.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The header row of a 进展反馈表 and the column number of each header. */
const layout = (ws: ExcelJS.Worksheet) => layoutBy(ws, '编号');

function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  const { header } = layout(ws);
  for (let n = header + 1; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === id) return ws.getRow(n);
  throw new Error(`no row for ${id}`);
}

/** What Excel writes for 「另存为 CSV」 on Chinese Windows: every row as shown, merged cells in their first cell, GB18030, CRLF. */
function asSpreadsheetCsv(ws: ExcelJS.Worksheet, change: (row: number, col: number, text: string) => string = (_r, _c, t) => t): Buffer {
  const lines: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getRow(r).getCell(c);
      const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
      const shown = v instanceof Date ? `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}` : v === null || v === undefined ? '' : String(v);
      const text = change(r, c, shown);
      cells.push(/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    }
    lines.push(cells.join(','));
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030');
}

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'duban-feedback-'));
  data = path.join(root, 'data');
  out = path.join(root, 'out');
  templates = path.join(root, 'templates');
  await mkdir(data);
  await writeFile(path.join(data, '单位名录.csv'), UNITS);
  await writeFile(path.join(data, '督办台账.csv'), '\uFEFF' + LEDGER);
  await cp(TEMPLATES, templates, { recursive: true });
  const office = JSON.parse(await readFile(path.join(templates, 'office.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(path.join(templates, 'office.json'), JSON.stringify({ ...office, feedbackDay: 20 }, null, 2));
});

describe('the feedback loop on the CLI', () => {
  it('1. sends a workbook to every unit with open items, and nothing to chase or review before the due day', async () => {
    const a = await build('2026-11-16');
    const folder = path.join(out, 'internal', '进展反馈表');
    expect((await readdir(folder)).filter((f) => f.endsWith('.xlsx')).sort()).toEqual(['人事处.xlsx', '党委宣传部.xlsx', '教务处.xlsx', '网络与信息中心.xlsx', '财务处.xlsx'].sort());
    expect(existsSync(path.join(folder, '催报通知'))).toBe(false);
    expect(existsSync(path.join(out, 'internal', '待审核'))).toBe(false);
    expect(item(a, 'F-01')).toMatchObject({ feedback: null, feedbackDue: '2026-11-20', feedbackStatus: 'pending', request: null });
  });

  it('2. reads back a workbook filled in and saved as .xlsx, and one saved as a GBK CSV, field by field', async () => {
    const folder = path.join(out, 'internal', '进展反馈表');
    await mkdir(path.join(data, '回执'), { recursive: true });

    // 教务处: a completion request in the workbook itself; its co-unit row (F-03) left as it came.
    const jw = await openWorkbook(path.join(folder, '教务处.xlsx'));
    const js = jw.worksheets[0]!;
    const { col } = layout(js);
    const r1 = rowOf(js, 'F-01');
    r1.getCell(col.反馈日期!).value = utcDay('2026-11-19');
    r1.getCell(col.本期进展!).value = PROGRESS.f01;
    r1.getCell(col.办理状态!).value = '申请办结';
    r1.getCell(col.办结日期!).value = utcDay('2026-11-18');
    r1.getCell(col.填报人!).value = '赵敏';
    r1.getCell(col.联系电话!).value = '0771-2687102';
    await jw.xlsx.writeFile(path.join(data, '回执', '教务处 11月反馈.xlsx'));

    // 人事处: filled in the spreadsheet, saved as CSV; the 填报单位 cells emptied (the title line still names the unit).
    const rw = await openWorkbook(path.join(folder, '人事处.xlsx'));
    const rs = rw.worksheets[0]!;
    const rc = layout(rs);
    const r2 = rowOf(rs, 'F-02');
    r2.getCell(rc.col.反馈日期!).value = utcDay('2026-11-20');
    r2.getCell(rc.col.本期进展!).value = PROGRESS.f02;
    const r3 = rowOf(rs, 'F-03');
    r3.getCell(rc.col.反馈日期!).value = utcDay('2026-11-20');
    r3.getCell(rc.col.本期进展!).value = PROGRESS.f03;
    r3.getCell(rc.col.办理状态!).value = '申请延期';
    r3.getCell(rc.col.申请延期至!).value = '12月底前';
    r3.getCell(rc.col.延期理由!).value = PROGRESS.f03Reason;
    const csv = asSpreadsheetCsv(rs, (row, c, text) => (row > rc.header && c === rc.col.填报单位 ? '' : text));
    expect(iconv.decode(csv, 'gb18030').split('\r\n')[1]).toMatch(/^填报单位：人事处,/);
    await writeFile(path.join(data, '回执', '人事处反馈.csv'), csv);

    const a = await build('2026-11-24');
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(a.issues.filter((i) => i.code === 'W_FEEDBACK_UNIT')).toEqual([]);

    const f1 = item(a, 'F-01');
    expect(f1.feedback).toEqual({ on: '2026-11-19', unit: '教务处', progress: PROGRESS.f01, state: '申请办结' });
    expect(f1.feedbackDue).toBe('2026-11-20');
    expect(f1.feedbackStatus).toBe('received');
    expect(f1.request).toEqual({
      kind: '办结',
      on: '2026-11-19',
      date: '2026-11-18',
      decision: 'pending',
      decidedOn: null,
      by: null,
      text: PROGRESS.f01,
      unit: '教务处',
      checks: [],
      opinion: '',
    });
    expect(f1.status).toBe('on_track');

    const f2 = item(a, 'F-02');
    expect(f2.feedback).toEqual({ on: '2026-11-20', unit: '人事处', progress: PROGRESS.f02, state: '办理中' });
    expect(f2.feedbackStatus).toBe('received');
    expect(f2.request).toBeNull();

    const f3 = item(a, 'F-03');
    expect(f3.feedback).toEqual({ on: '2026-11-20', unit: '人事处', progress: PROGRESS.f03, state: '申请延期' });
    expect(f3.request).toEqual({
      kind: '延期',
      on: '2026-11-20',
      date: '2026-12-31',
      decision: 'pending',
      decidedOn: null,
      by: null,
      text: `${PROGRESS.f03}；${PROGRESS.f03Reason}`,
      unit: '人事处',
      checks: [],
      opinion: '',
    });

    for (const id of ['F-04', 'F-05']) expect(item(a, id)).toMatchObject({ feedback: null, feedbackDue: '2026-11-20', feedbackStatus: 'missing' });
    const missing = Object.fromEntries(a.units.map((u) => [u.unit, u.feedbackMissing]));
    expect(missing).toMatchObject({ 教务处: 0, 人事处: 0, 财务处: 1, 党委宣传部: 1 });

    // The co-unit row 教务处 left empty is named, not an error.
    const skipped = a.issues.filter((i) => i.code === 'I_SKIPPED_ROW' && i.file === '回执/教务处 11月反馈.xlsx');
    expect(skipped.map((i) => i.value)).toEqual(['F-03']);
  });

  it('3. chases the units whose feedback is missing after the due day, listing the items', async () => {
    const folder = path.join(out, 'internal', '进展反馈表', '催报通知');
    // Each letter also as DOCX (render/docx/); the duplex batch is for printing only.
    expect((await readdir(folder)).sort()).toEqual(['催报通知-党委宣传部.docx', '催报通知-党委宣传部.pdf', '催报通知-财务处.docx', '催报通知-财务处.pdf', '催报通知（全部，双面打印）.pdf'].sort());
    const text = plainText(await readPdf(await readFile(path.join(folder, '催报通知-财务处.pdf'))));
    expect(text).toContain('关于报送督查督办事项进展情况的催报通知');
    expect(text).toContain('财务处：');
    expect(text).toContain('尚未收到你单位牵头办理的以下1项督办事项11月的进展反馈，已超过反馈截止日期（2026年11月20日）');
    expect(text).toContain('F-04完成科研经费专项审计2026年11月20日2个工作日');
    expect(text).not.toContain('F-05');
  });

  it('4. lists the open requests for the office: a reading list and 本次审核记录.csv with 审核结果 empty', async () => {
    const csv = await readFile(path.join(out, 'internal', '待审核', '本次审核记录.csv'), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFF编号,审核事项,申请单位,申请日期,申请内容,审核结果,审核日期,审核人,审核意见');
    expect(lines.slice(1, 3)).toEqual([
      `F-01,办结,教务处,2026-11-19,申请办结（办结日期 2026-11-18）。${PROGRESS.f01},,2026-11-24,,`,
      `F-03,延期,人事处,2026-11-20,申请延期至 2026-12-31。${PROGRESS.f03}；${PROGRESS.f03Reason},,2026-11-24,,`,
    ]);
    expect(lines.slice(3)).toEqual(['']);

    const wb = await openWorkbook(path.join(out, 'internal', '待审核', '待审核事项.xlsx'));
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => texts.push((row.values as unknown[]).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))).join('|')));
    const f3 = texts.find((t) => t.includes('|F-03|'))!;
    expect(f3).toContain('制定年度考核工作方案');
    expect(f3).toContain('人事处');
    expect(f3).toContain('2026-12-31');
    expect(f3).toContain('2026-11-27');
    expect(f3).toContain(PROGRESS.f03Reason);
    // For reading only: without a 审核结果 column it is never taken for the 审核记录 to save.
    expect(texts.find((t) => t.startsWith('|序号|'))).not.toContain('审核结果');
  });

  it('5. applies the decisions saved into the data folder: 通过 completes, 退回 keeps open, 通过 on 延期 extends', async () => {
    const csv = await readFile(path.join(out, 'internal', '待审核', '本次审核记录.csv'), 'utf8');
    const decide = (line: string) =>
      line.startsWith('F-01,')
        ? line.replace(/,,2026-11-24,,$/u, ',通过,2026-11-24,党政办公室,同意结项')
        : line.startsWith('F-03,')
          ? line.replace(/,,2026-11-24,,$/u, ',退回,2026-11-24,分管校领导,请按期完成')
          : line;
    const decided = csv.split('\r\n').map(decide).join('\r\n');
    expect(decided.split('\r\n').filter((l) => /,(通过|退回),/u.test(l))).toHaveLength(2);
    await writeFile(path.join(data, '审核记录-2026-11-24.csv'), decided);

    const a = await build('2026-11-24');
    const f1 = item(a, 'F-01');
    expect(f1).toMatchObject({ status: 'done_on_time', completedOn: '2026-11-18', feedbackStatus: null, feedbackDue: null });
    expect(f1.request).toMatchObject({ kind: '办结', decision: 'approved', decidedOn: '2026-11-24', by: '党政办公室', opinion: '同意结项' });
    const f3 = item(a, 'F-03');
    expect(f3).toMatchObject({ status: 'due_soon', effectiveDeadline: '2026-11-27', extendedTo: null });
    expect(f3.request).toMatchObject({ kind: '延期', decision: 'returned', decidedOn: '2026-11-24', by: '分管校领导', opinion: '请按期完成' });
    // Nothing left to review: the list and the CSV of the earlier build are removed.
    expect(existsSync(path.join(out, 'internal', '待审核', '本次审核记录.csv'))).toBe(false);
    expect(existsSync(path.join(out, 'internal', '待审核', '待审核事项.xlsx'))).toBe(false);

    // 登记表: the decision in the opinion of whoever decided, the unit's feedback in 办理结果.
    const form1 = plainText(await readPdf(await readFile(path.join(out, 'internal', '登记表', '登记表-教务处-F-01.pdf'))));
    expect(form1).toContain('办公室意见同意办结。同意结项（党政办公室，2026年11月24日）校领导意见');
    expect(form1).toContain(`办理结果教务处2026年11月19日反馈：${PROGRESS.f01}`);
    const form3 = plainText(await readPdf(await readFile(path.join(out, 'internal', '登记表', '登记表-人事处-F-03.pdf'))));
    expect(form3).toContain('校领导意见不同意延期。请按期完成（分管校领导，2026年11月24日）');
    expect(form3).toContain(`人事处2026年11月20日反馈：${PROGRESS.f03}`);

    await writeFile(path.join(data, '审核记录-2026-11-24.csv'), decided.replace(',退回,2026-11-24,分管校领导,请按期完成', ',通过,2026-11-24,分管校领导,同意'));
    const b = await build('2026-11-24');
    expect(item(b, 'F-03')).toMatchObject({ status: 'on_track', extendedTo: '2026-12-31', effectiveDeadline: '2026-12-31', extensionApprovedBy: '分管校领导' });
    expect(item(b, 'F-03').request).toMatchObject({ decision: 'approved', by: '分管校领导' });
    // Back to the 退回 for the checks below.
    await writeFile(path.join(data, '审核记录-2026-11-24.csv'), decided);
    await build('2026-11-24');
  });

  it('6. the monthly report gains 按时反馈率 per lead unit and the counts of requests', async () => {
    const dir = path.join(out, 'internal', 'reports', '2026-11');
    const wb = await openWorkbook(path.join(dir, '督查督办事项办理情况表-2026年11月.xlsx'));
    const assessment = wb.getWorksheet('单位考核')!;
    const { header, col } = layoutBy(assessment, '序号');
    expect(col).toHaveProperty('按时反馈率');
    const rateOf = (unit: string) => {
      for (let n = header + 1; n <= assessment.rowCount; n++) {
        const row = assessment.getRow(n);
        if (row.getCell(col.单位!).value === unit) return [row.getCell(col.应反馈!).value, row.getCell(col.按时反馈!).value, row.getCell(col.按时反馈率!).value];
      }
      throw new Error(`no row for ${unit}`);
    };
    // 人事处 fed back both items on the due day; 财务处 and 党委宣传部 owed one each; F-01 was done before the due day.
    expect(rateOf('人事处')).toEqual([2, 2, 1]);
    expect(rateOf('财务处')).toEqual([1, 0, 0]);
    expect(rateOf('教务处')).toEqual([0, 0, '—']);

    const summary = wb.getWorksheet('汇总')!;
    const counts: Record<string, unknown> = {};
    summary.eachRow((row) => {
      const name = row.getCell(1).value;
      if (typeof name === 'string') counts[name] = row.getCell(2).value;
    });
    expect(counts).toMatchObject({ '应反馈（事项×月）': 4, 按时反馈: 2, 按时反馈率: 0.5, 收到办结申请: 1, 收到延期申请: 1, 审核通过: 1, 审核退回: 1, 尚待审核: 0 });

    const pdf = plainText(await readPdf(await readFile(path.join(dir, '督查督办工作月报-2026年11月.pdf'))));
    expect(pdf).toContain('七、进展反馈与审核');
    expect(pdf).toContain('本月应反馈4项次，按时反馈2项次，按时反馈率50%；收到申请办结1项、申请延期1项，审核通过1项、退回1项。');
    expect(pdf).toContain('人事处22100%');
  });

  it('7. the campus bulletin shows counts only, and the public edition nothing of the loop', async () => {
    const campus = await readFile(path.join(out, 'campus', 'bulletin', '2026-11.html'), 'utf8');
    // Campus items: F-01 (done), F-02 and F-03 (fed back), F-05 (社会公开, missing); F-04 is 不公开.
    expect(campus).toContain('进展反馈：已反馈2项，逾期未反馈1项；本月收到办结、延期申请2项，审核通过1项、退回1项。');
    const secrets = [PROGRESS.f01, PROGRESS.f02, PROGRESS.f03, PROGRESS.f03Reason, '同意结项', '请按期完成'];
    for (const edition of ['campus', 'public']) {
      for (const file of await filesUnder(path.join(out, edition))) {
        if (!/\.(html|js|json|css|txt)$/.test(file)) continue;
        const text = await readFile(file, 'utf8');
        for (const s of secrets) expect(text.includes(s), `${s} in ${file}`).toBe(false);
        if (edition === 'public') expect(text.includes('进展反馈'), file).toBe(false);
      }
    }
  });
});

/** The first row whose first cell is `first`, and the column number of each of its headers. */
function layoutBy(ws: ExcelJS.Worksheet, first: string): { header: number; col: Record<string, number> } {
  let header = 0;
  ws.eachRow((row, n) => {
    if (header === 0 && row.getCell(1).value === first) header = n;
  });
  const col: Record<string, number> = {};
  ws.getRow(header).eachCell((c, i) => {
    col[String(c.value)] = i;
  });
  return { header, col };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}
