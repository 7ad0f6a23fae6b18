/**
 * `duban archive --year`: the documents of a closed item drawn again as they were issued. An item
 * is followed through a year of builds the way the office runs them — the notice numbered and its
 * register saved, two letters sent and their 催办记录 saved, an extension asked for and approved,
 * the item closed — keeping the files each build wrote; the archive made later must hold the same
 * bytes, and a build afterwards must leave it alone.
 */
import { appendFile, cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const SAMPLE = path.join(import.meta.dirname, '../../data');
const LEDGER = '2026年校长办公会督办台账.csv';
const ID = 'AR2026-901';
const ROW = `${ID},修订《示范大学学生违纪处分规定》并提交校长办公会审议。,教务处,学生工作处,会议决策,2026年第19次校长办公会纪要,2026/11/2,张志强,11月10日,,,,%STATE%,%DONE%,征求意见稿已形成。,不公开`;

let data: string;
let out: string;
const kept: Record<string, Buffer> = {};

async function build(asOf: string): Promise<void> {
  const r = await runCli(['build', '--data', data, '--out', out, '--as-of', asOf, '--no-images', '--quiet']);
  expect(r.code, r.err + r.out).toBeLessThan(2);
}

async function ledgerRow(state: string, done: string): Promise<void> {
  const text = await readFile(path.join(data, LEDGER), 'utf8');
  const lines = text
    .trimEnd()
    .split(/\r?\n/)
    .filter((l) => !l.startsWith(`${ID},`));
  await writeFile(path.join(data, LEDGER), [...lines, ROW.replace('%STATE%', state).replace('%DONE%', done)].join('\n') + '\n');
}

const archiveDir = () => path.join(out, 'archive', '2026', ID);

beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'duban-archive-'));
  data = path.join(base, 'data');
  out = path.join(base, 'out');
  await cp(SAMPLE, data, { recursive: true });
  await ledgerRow('办理中', '');

  // 2 November: assigned; the 督办通知 is numbered and its register saved into the data folder.
  await build('2026-11-02');
  const analysis = JSON.parse(await readFile(path.join(out, 'internal/analysis.json'), 'utf8')) as { items: { id: string; docNo: string | null }[] };
  const docNo = analysis.items.find((i) => i.id === ID)!.docNo!;
  expect(docNo).toMatch(/^校督办〔2026〕\d+号$/);
  kept.notice = await readFile(path.join(out, 'internal/督办通知', `督办通知-教务处-${docNo}.pdf`));
  kept.docNo = Buffer.from(docNo);
  await cp(path.join(out, 'internal/督办通知/本次发文登记.csv'), path.join(data, '发文登记-2026-11.csv'));

  // 12 and 17 November: overdue, a letter each day, each day's 催办记录 saved.
  for (const [k, day] of [
    [1, '2026-11-12'],
    [2, '2026-11-17'],
  ] as const) {
    await build(day);
    kept[`letter${k}`] = await readFile(path.join(out, 'internal/催办通知', `催办通知-教务处-${ID}.pdf`));
    await cp(path.join(out, 'internal/催办通知', `催办记录-${day}.csv`), path.join(data, `催办记录-${day}.csv`));
  }

  // 18–19 November: an extension asked for and approved; 20 November: done.
  await writeFile(
    path.join(data, '教务处进展反馈.csv'),
    `编号,反馈日期,填报单位,本期进展,办理状态,申请延期至,延期理由\n${ID},2026-11-18,教务处,已完成征求意见。,申请延期,2026年12月31日,需提交教代会执委会讨论\n`,
  );
  await writeFile(path.join(data, '审核记录-2026-11.csv'), `编号,审核结果,审核日期,审核事项,审核人,审核意见\n${ID},通过,2026-11-19,延期,分管校领导,同意延期\n`);
  await ledgerRow('已办结', '2026/11/20');
  await build('2026-11-20');
  kept.form = await readFile(path.join(out, 'internal/登记表', `登记表-教务处-${ID}.pdf`));
}, 300_000);

describe('duban archive --year 2026', () => {
  it('files the notice, every letter and the 登记表 byte for byte as the builds of their days wrote them', async () => {
    const r = await runCli(['archive', '--year', '2026', '--data', data, '--out', out, '--as-of', '2026-11-27']);
    expect(r.code, r.err + r.out).toBeLessThan(2); // 1 if the sample ledgers have errors of their own
    expect(r.out).toContain('2026年立卷归档');
    const files = (await readdir(archiveDir())).sort();
    const docNo = kept.docNo!.toString();
    expect(files).toEqual([`01-督办通知-${docNo}.pdf`, '02-催办通知-第1次-2026-11-12.pdf', '03-催办通知-第2次-2026-11-17.pdf', '04-进展反馈与审核记录.xlsx', '05-登记表.pdf', '卷内目录.xlsx']);
    const read = (f: string) => readFile(path.join(archiveDir(), f));
    expect((await read(files[0]!)).equals(kept.notice!)).toBe(true);
    expect((await read(files[1]!)).equals(kept.letter1!)).toBe(true);
    expect((await read(files[2]!)).equals(kept.letter2!)).toBe(true);
    expect((await read(files[4]!)).equals(kept.form!)).toBe(true);
  });

  it('lists the folder in a 卷内目录 and the rows of the item in the records workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(archiveDir(), '卷内目录.xlsx'));
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '文件名称', '文号', '日期', '页数', '备注']);
    const entries = rows.slice(header + 1, header + 6);
    expect(entries.map((e) => e[0])).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]![1]).toBe('关于交办2026年11月督查督办事项的通知');
    expect(entries[0]![2]).toBe(kept.docNo!.toString());
    expect(entries[1]![1]).toBe('示范大学督查督办事项催办通知（第1次催办）');
    expect(entries[2]![1]).toBe('示范大学督查督办事项催办通知（第2次催办）');
    expect((entries[1]![3] as Date).toISOString().slice(0, 10)).toBe('2026-11-12');
    for (const k of [0, 1, 2, 4]) expect(entries[k]![4], String(k)).toBeGreaterThan(0);
    expect(String(entries[3]![5])).toContain('进展反馈1条、审核记录1条、催办记录2条');
    expect(String(entries[4]![5])).toContain('文件：05-登记表.pdf');

    const records = new ExcelJS.Workbook();
    await records.xlsx.readFile(path.join(archiveDir(), '04-进展反馈与审核记录.xlsx'));
    expect(records.worksheets.map((w) => w.name)).toEqual(['进展反馈', '审核记录', '催办记录']);
    const text = (name: string) => {
      const all: string[] = [];
      records.getWorksheet(name)!.eachRow((row) =>
        all.push(
          (row.values as unknown[])
            .slice(1)
            .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))
            .join('|'),
        ),
      );
      return all.join('\n');
    };
    expect(text('进展反馈')).toContain('申请延期|已完成征求意见。||2026年12月31日|需提交教代会执委会讨论');
    expect(text('审核记录')).toContain('2026-11-19|延期|通过|分管校领导|同意延期');
    expect(text('催办记录')).toContain('2026-11-12');
    expect(text('催办记录')).toContain('2026-11-17');

    const year = new ExcelJS.Workbook();
    await year.xlsx.readFile(path.join(out, 'archive/2026/归档目录.xlsx'));
    const lines: string[] = [];
    year.worksheets[0]!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join('|')));
    expect(lines.find((l) => l.includes(ID))).toContain('|5|');
  });

  it('is deterministic, and no build touches it', async () => {
    const snapshot = async () => {
      const all: Record<string, string> = {};
      for (const f of (await readdir(path.join(out, 'archive/2026'), { recursive: true })).map(String).sort()) {
        if (f.includes('.')) all[f] = (await readFile(path.join(out, 'archive/2026', f))).toString('base64');
      }
      return all;
    };
    const before = await snapshot();
    expect(Object.keys(before).length).toBeGreaterThan(6);
    const again = await runCli(['archive', '--year', '2026', '--data', data, '--out', out, '--as-of', '2026-11-27', '--json']);
    const result = JSON.parse(again.out) as { written: number; unchanged: number };
    expect(result.written).toBe(0);
    expect(result.unchanged).toBe(Object.keys(before).length);
    await build('2026-11-27');
    expect(await snapshot()).toEqual(before);
  });

  it('needs a year, and not one still to come', async () => {
    expect((await runCli(['archive', '--data', data, '--out', out])).code).toBe(2);
    const bad = await runCli(['archive', '--year', '26', '--data', data, '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--year 需要四位年份');
    const r = await runCli(['archive', '--year', '2027', '--data', data, '--out', out, '--as-of', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2027');
  });
});

// A reminder by telephone on a day the item was not overdue has no letter: the 卷内目录 says so.
describe('a reminder without a letter', () => {
  it('is noted, not invented', async () => {
    await appendFile(path.join(data, '催办记录.csv'), `99,${ID},2026-11-05,电话,王建平,覃晓燕,到期前提醒\n`);
    const r = await runCli(['archive', '--year', '2026', '--data', data, '--out', out, '--as-of', '2026-11-27', '--json']);
    const result = JSON.parse(r.out) as { notes: string[] };
    expect(result.notes.join('\n')).toContain('第1次催办（2026-11-05）当日事项不是逾期未办结');
    const files = (await readdir(archiveDir())).sort();
    // the letters are numbered by the log: the call is the 1st reminder, the letters the 2nd and 3rd
    expect(files.filter((f) => f.includes('催办通知'))).toEqual(['02-催办通知-第2次-2026-11-12.pdf', '03-催办通知-第3次-2026-11-17.pdf']);
  });
});
