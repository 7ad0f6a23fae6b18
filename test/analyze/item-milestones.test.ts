/**
 * Milestones as of T (spec §2.1, §5; docs/台账格式说明.md 时序进度): their dates and statuses, the
 * item's deadline when 办结时限 is empty, the stage rule (a missed milestone makes the item overdue
 * for it, one due within 3 working days due_soon), recurring checks, and what `duban check` says.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLedgers, readLedgers } from '../../pipeline/app/ledgers.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { columnLines } from '../../pipeline/cli/column-lines.ts';
import { unaccountedRows } from '../../pipeline/ingest/row-account.ts';

const plain = { red: (s: string) => s, yellow: (s: string) => s, green: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };

async function run(csv: string, asOf: string, name = '督办台账.csv', columns: Record<string, string> = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-ms-'));
  try {
    await writeFile(path.join(dir, name), csv);
    const ledgers = await readLedgers(dir, { columns });
    return { ledgers, ...analyzeLedgers(ledgers, asOf, { ...DEFAULT_OFFICE_CONFIG, columns }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const HEADER = '编号,事项,承办单位,立项日期,办结时限,时序进度,状态,办结日期';

describe('milestones', () => {
  it('each has its own date and status; the last is the deadline when 办结时限 is empty', async () => {
    const { analysis } = await run(`${HEADER}\nA-1,建设平台,网信中心,2026-02-01,,"3月：调研（已完成）\n6月：招标\n12月：上线",办理中,\n`, '2026-05-20');
    const a = analysis.items[0]!;
    expect(a.milestones).toEqual([
      { text: '调研', deadlineText: '3月', deadline: '2026-03-31', status: 'done_on_time', light: 'blue' },
      { text: '招标', deadlineText: '6月', deadline: '2026-06-30', status: 'on_track', light: 'green' },
      { text: '上线', deadlineText: '12月', deadline: '2026-12-31', status: 'on_track', light: 'green' },
    ]);
    expect(a.deadline).toBe('2026-12-31');
    expect(a.status).toBe('on_track');
    expect(a.dueMilestone).toBeNull();
    expect(analysis.issues.filter((i) => i.code === 'W_NO_DEADLINE')).toEqual([]);
  });

  it('a missed milestone makes the open item overdue for that stage, counted from its date', async () => {
    const { analysis } = await run(`${HEADER}\nA-1,建设平台,网信中心,2026-02-01,12月底前,"3月：调研\n6月：招标",办理中,\n`, '2026-04-15');
    const a = analysis.items[0]!;
    expect(a).toMatchObject({ status: 'overdue', light: 'red', deadline: '2026-12-31', workdaysLeft: null, dueMilestone: { deadlineText: '3月', status: 'overdue' } });
    expect(a.overdueWorkdays).toBe(10);
  });

  it('the next milestone within 3 working days makes it due_soon', async () => {
    const { analysis } = await run(`${HEADER}\nA-1,建设平台,网信中心,2026-02-01,12月底前,"3月：调研（已完成）\n6月：招标",办理中,\n`, '2026-06-26');
    expect(analysis.items[0]).toMatchObject({ status: 'due_soon', workdaysLeft: 2, dueMilestone: { deadlineText: '6月' } });
  });

  it('a done item’s milestones are done; its last one late when it finished after it', async () => {
    const { analysis } = await run(`${HEADER}\nA-1,建设平台,网信中心,2026-02-01,,"3月：调研\n6月：招标",已办结,2026-07-10\n`, '2026-08-01');
    expect(analysis.items[0]!.milestones!.map((m) => m.status)).toEqual(['done_on_time', 'done_late']);
    expect(analysis.items[0]!.status).toBe('done_late');
  });

  it('a month before the previous line’s start is in the next year', async () => {
    const { analysis } = await run(`${HEADER}\nA-1,建设工程,基建处,2026-02-01,,"9月-12月：施工\n1月：主体完工\n全年：设备招标",办理中,\n`, '2026-05-20');
    expect(analysis.items[0]!.milestones!.map((m) => m.deadline)).toEqual(['2026-12-31', '2027-01-31', '2026-12-31']);
    expect(analysis.items[0]!.deadline).toBe('2027-01-31');
  });
});

describe('recurring work', () => {
  it('每季度 is ongoing with this quarter’s end as the due date of its progress; due_soon near it', async () => {
    const csv = `${HEADER}\nA-1,报送督查情况,党政办公室,2026-01-05,每季度,,办理中,\n`;
    expect((await run(csv, '2026-05-20')).analysis.items[0]).toMatchObject({ status: 'ongoing', ongoing: true, deadline: '2026-06-30', recurring: 'quarter' });
    expect((await run(csv, '2026-06-26')).analysis.items[0]).toMatchObject({ status: 'due_soon', deadline: '2026-06-30' });
  });
});

describe('duban check: which column was taken for what', () => {
  it('lists guesses, mappings and looser names per file', async () => {
    const csv = '序号,民生实事,主要责任单位,完成时限,牵头领导\n1,新建2座人行天桥,县住建局,9月投入使用,张三\n';
    const guessed = await run(csv, '2026-05-20', '民生实事.csv');
    const lines = columnLines(guessed.ledgers.tables, plain).join('\n');
    expect(lines).toContain('民生实事.csv（第 1 行表头）');
    expect(lines).toContain('「民生实事」→ 事项（猜测，见 I_GUESSED_COLUMN）');
    expect(lines).toContain('「主要责任单位」→ 承办单位（按相近的列名）');
    const mapped = await run(csv, '2026-05-20', '民生实事.csv', { 民生实事: '事项', 牵头领导: '责任人' });
    const m = columnLines(mapped.ledgers.tables, plain).join('\n');
    expect(m).toContain('「民生实事」→ 事项（按 office.json 的 columns）');
    expect(m).toContain('「牵头领导」→ 责任人（按 office.json 的 columns）');
    expect(mapped.analysis.items[0]!.responsible).toBe('张三');
    expect(mapped.analysis.issues.map((i) => i.code)).not.toContain('I_GUESSED_COLUMN');
  });

  it('says nothing for tables read by their standard names', async () => {
    const r = await run(`${HEADER}\nA-1,甲,教务处,2026-02-01,年底前,,办理中,\n`, '2026-05-20');
    expect(columnLines(r.ledgers.tables, plain)).toEqual([]);
  });
});

describe('no row vanishes under the real-table rules', () => {
  const row = fc.oneof(
    fc.constantFrom('一、知识产权保护方面（共2项）', '（二）深化改革', '第一部分 重点任务', '1. 统计截止时间为11月30日').map((t) => [t, '', '', '', '']),
    fc.tuple(
      fc.constantFrom('1', '2', '3', '', '一'),
      fc.constantFrom('建设平台', '', '修订办法'),
      fc.constantFrom('教务处', '', '县水务局（牵头）、县住建局', '牵头单位：教务处；配合单位：人事处'),
      fc.constantFrom('12月底前', '', '每月', '尽快', '春季开学前'),
      fc.constantFrom('', '3月：调研\n6月：招标', '按计划推进', '1月：完工'),
    ),
  );
  const header = fc.constantFrom(['序号', '民生实事', '责任单位', '完成时限', '时序进度'], ['序号', '工作任务', '主要责任单位', '办结时限', '进度安排'], ['', '工作任务', '', '', '任务分解/时序进度']);
  it('every data row is an item, an info or an error', async () => {
    await fc.assert(
      fc.asyncProperty(header, fc.array(row, { minLength: 1, maxLength: 10 }), async (h, rows) => {
        const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const csv = [h, ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n';
        const r = await run(csv, '2026-05-20', '教务处2026年重点工作任务分解表.csv');
        expect(unaccountedRows(r.ledgers.tables, r.records, r.inputIssues)).toEqual([]);
        const items = new Set(r.analysis.items.map((i) => i.row));
        const named = (sev: string) => new Set(r.analysis.issues.filter((i) => i.severity === sev && i.row !== null).map((i) => i.row));
        const infos = named('info');
        const errors = named('error');
        const table = r.ledgers.tables[0];
        for (const x of table?.rows ?? [])
          expect([items.has(x.row), infos.has(x.row), errors.has(x.row)].filter(Boolean).length, JSON.stringify([x, r.analysis.issues.map((i) => [i.code, i.row])])).toBe(1);
      }),
      { numRuns: 40 },
    );
  });
});
