/**
 * Sentences that must fit the case (issue 13 points 5 and 6): 到期提醒 asks for an extension only
 * while one can still be applied for; the report's 回访复查 sentence says what was drawn and how;
 * ids stay on one line; ids duban built from a file name never reach a document or a file name.
 * Every check reads the real PDF back.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis, AnalyzedItem } from '../../../../pipeline/model/analysis.ts';
import type { OutputFile } from '../../../../pipeline/model/output.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../../../pipeline/config/office-config.ts';
import { buildReportData } from '../../../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod } from '../../../../pipeline/aggregate/period.ts';
import { renderFormalDocuments } from '../../../../pipeline/render/pdf/index.ts';
import { renderReportPdf } from '../../../../pipeline/render/pdf/report/report-pdf.ts';
import { fixtureAnalysis, fixtureItem } from '../../../support/analysis-fixture.ts';
import { CONFIG, bytesOf, pdfAssets } from '../render-fixture.ts';
import { plainText, readPdf } from '../pdf-reader.ts';

const AS_OF = '2026-11-25';

function analysisOf(items: AnalyzedItem[]): Analysis {
  return { ...fixtureAnalysis(), asOf: AS_OF, items, notices: [] };
}

async function documents(items: AnalyzedItem[]): Promise<Map<string, OutputFile>> {
  const files = await renderFormalDocuments(analysisOf(items), CONFIG, pdfAssets());
  return new Map(files.map((f) => [f.path, f]));
}

async function textOf(files: Map<string, OutputFile>, path: string): Promise<string> {
  return plainText(await readPdf(bytesOf(files, path)));
}

const dueSoon = (id: string, unit: string, left: number, over: Partial<AnalyzedItem> = {}): AnalyzedItem =>
  fixtureItem({
    id,
    title: `事项${id}`,
    leadUnit: unit,
    assignedOn: '2026-11-02',
    deadline: '2026-12-04',
    effectiveDeadline: '2026-12-04',
    status: 'due_soon',
    light: 'yellow',
    workdaysLeft: left,
    ...over,
  });

const OPEN = '如确需延期，请于办结时限前5个工作日提出申请（每个事项只能延期一次）。';

describe('到期提醒: extensions only while they can still be asked for (seed 004 art. 22)', () => {
  it('2 working days left: no request for an extension 5 working days ahead; what to do instead', async () => {
    const files = await documents([dueSoon('A-1', '教务处', 2)]);
    const t = await textOf(files, 'internal/到期提醒/到期提醒-教务处.pdf');
    expect(t).not.toContain('请于办结时限前5个工作日提出申请');
    expect(t).toContain('表中督查督办事项已不能再申请延期（延期申请最迟在办结时限前5个工作日提出，每个事项只能延期一次）。如确有困难无法按期办结，请立即书面说明情况。');
    expect(t).toContain('以下1项督查督办事项即将到期');
  });

  it('5 or more working days left and never extended: the extension sentence of the 办法', async () => {
    const files = await documents([dueSoon('A-1', '教务处', 6)]);
    expect(await textOf(files, 'internal/到期提醒/到期提醒-教务处.pdf')).toContain(OPEN);
  });

  it('already extended once: no second extension is offered, however long is left', async () => {
    const files = await documents([dueSoon('A-1', '教务处', 8, { extendedTo: '2026-12-04', deadline: '2026-11-20' })]);
    const t = await textOf(files, 'internal/到期提醒/到期提醒-教务处.pdf');
    expect(t).not.toContain(OPEN);
    expect(t).toContain('已不能再申请延期');
  });

  it('some still can, some cannot: says which', async () => {
    const files = await documents([dueSoon('A-1', '教务处', 6), dueSoon('A-2', '教务处', 1)]);
    const t = await textOf(files, 'internal/到期提醒/到期提醒-教务处.pdf');
    expect(t).toContain('以下2项督查督办事项即将到期');
    expect(t).toContain('表中督查督办事项距办结时限不少于5个工作日且未延期的，如确需延期，请于办结时限前5个工作日提出申请');
    expect(t).toContain('其余事项已不能再申请延期，如确有困难无法按期办结，请立即书面说明情况。');
  });

  it('due today and due before the next working day read as such, not as 0个工作日', async () => {
    const files = await documents([
      dueSoon('A-1', '教务处', 0, { deadline: AS_OF, effectiveDeadline: AS_OF }),
      dueSoon('A-2', '教务处', 0, { deadline: '2026-11-28', effectiveDeadline: '2026-11-28' }),
    ]);
    const t = await textOf(files, 'internal/到期提醒/到期提醒-教务处.pdf');
    expect(t).toContain('今日到期');
    expect(t).toContain('不足1个工作日');
    expect(t).not.toContain('0个工作日');
  });
});

describe('ids in documents and file names', () => {
  it('a long 编号 stays on one line of the table (no XB2026-02 / 1)', async () => {
    const id = 'XB2026-0213-ABCD';
    const files = await documents([dueSoon(id, '教务处', 2)]);
    const pages = await readPdf(bytesOf(files, 'internal/到期提醒/到期提醒-教务处.pdf'));
    const items = pages.flatMap((p) => p.items);
    expect(items.some((it) => it.str.includes(id))).toBe(true);
    // Shrunk to fit its column rather than broken.
    const cell = items.find((it) => it.str.includes(id))!;
    expect(cell.size).toBeLessThan(12);
  });

  it('an id built from a file name and 序号 is shown as the 序号; file names carry no #', async () => {
    const file = '10月督查督办事项办理情况表.xlsx';
    const item = fixtureItem({
      id: '10月督查督办事项办理情况表#5',
      seq: '5',
      file,
      title: '修订实验室安全管理办法',
      leadUnit: '教务处',
      deadline: '2026-11-10',
      effectiveDeadline: '2026-11-10',
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 11,
      overdueDays: 15,
    });
    const files = await documents([item, dueSoon('10月督查督办事项办理情况表#6', '教务处', 2, { file, seq: '6', title: '清理过期试剂' })]);
    for (const path of files.keys()) expect(path).not.toContain('#');
    const letter = await textOf(files, 'internal/催办通知/催办通知-教务处-10月督查督办事项办理情况表-5.pdf');
    expect(letter).toContain('修订实验室安全管理办法（编号：序号5）');
    expect(letter).not.toContain('#');
    const form = await textOf(files, 'internal/登记表/登记表-教务处-10月督查督办事项办理情况表-5.pdf');
    expect(form).toContain('编号：序号5');
    expect(form).not.toContain('#');
    const due = await textOf(files, 'internal/到期提醒/到期提醒-教务处.pdf');
    expect(due).toContain('序号6清理过期试剂');
    expect(due).not.toContain('#');
    // The CSV goes back into data/: it keeps the id the ledger rows are matched by.
    expect(String(files.get('internal/催办通知/催办记录-2026-11-25.csv')?.bytes)).toContain('10月督查督办事项办理情况表#5,2026-11-25');
  });

  it('with two such ledgers, the ledger is named too', async () => {
    const a = fixtureItem({
      id: '10月台账#5',
      seq: '5',
      file: '10月台账.csv',
      title: '事项甲',
      leadUnit: '教务处',
      deadline: '2026-11-10',
      effectiveDeadline: '2026-11-10',
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 11,
      overdueDays: 15,
    });
    const b = fixtureItem({ ...a, id: '11月台账#5', file: '11月台账.csv', title: '事项乙' });
    const files = await documents([a, b]);
    expect(await textOf(files, 'internal/催办通知/催办通知-教务处-10月台账-5.pdf')).toContain('事项甲（编号：《10月台账》序号5）');
    expect(await textOf(files, 'internal/催办通知/催办通知-教务处-11月台账-5.pdf')).toContain('事项乙（编号：《11月台账》序号5）');
  });
});

describe('the report says how the 回访复查 sample was drawn, in plain words', () => {
  const period = (() => {
    const p = parsePeriod('2026-11');
    if (isPeriodError(p)) throw new Error(p.error);
    return p;
  })();
  const done = (id: string, on: string) =>
    fixtureItem({ id, title: `事项${id}`, assignedOn: '2026-11-02', deadline: '2026-11-30', effectiveDeadline: '2026-11-30', completedOn: on, state: '已办结', status: 'done_on_time', light: 'blue' });
  const reportText = async (items: AnalyzedItem[]) => {
    const data = buildReportData(analysisOf(items), period, { ...DEFAULT_OFFICE_CONFIG, organization: '示范大学' });
    const file = await renderReportPdf(data, DEFAULT_OFFICE_CONFIG, pdfAssets());
    return plainText(await readPdf(file.bytes as Uint8Array));
  };

  it('fewer completed items than the rule asks: all of them, said so', async () => {
    const t = await reportText([done('A-1', '2026-11-10'), done('A-2', '2026-11-12')]);
    expect(t).toContain('本月可回访的办结事项仅2项（不足3项），全部抽取开展回访复查。');
    expect(t).toContain('本月办结的2项事项全部列入回访复查');
    expect(t).not.toContain('随机抽取2项');
    expect(t).not.toContain('种子');
    expect(t).not.toContain('比例随机');
  });

  it('a real draw: the share, the minimum, and that it can be checked', async () => {
    const items = Array.from({ length: 40 }, (_, k) => done(`A-${String(k + 1).padStart(2, '0')}`, '2026-11-10'));
    const t = await reportText(items);
    expect(t).toContain('本月办结事项40项，按10%的比例（不少于3项）随机抽取4项开展回访复查，抽取结果可复核。');
    expect(t).not.toContain('种子');
  });

  it('no items at all: one sentence, no zero counts', async () => {
    const t = await reportText([]);
    expect(t).toContain('本月（2026年11月）无督办事项。');
    expect(t).not.toContain('共督办事项0项');
    expect(t).toContain('本月无办结事项，不开展回访复查。');
    expect(t).toContain('各单位按期办结率（2026年11月）');
  });

  it('nothing done yet: no 已办结0项', async () => {
    const t = await reportText([dueSoon('A-1', '教务处', 2)]);
    expect(t).toContain('截至2026年11月25日，尚无办结事项；尚无到期应办结事项；无逾期未办结事项；正在办理1项，其中1项即将到期。');
  });
});
