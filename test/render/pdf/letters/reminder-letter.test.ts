import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../../pipeline/model/output.ts';
import { bytesOf, renderFixture } from '../render-fixture.ts';
import { plainText, readPdf } from '../pdf-reader.ts';

const DIR = 'internal/催办通知';
let files: Map<string, OutputFile>;
beforeAll(async () => {
  files = await renderFixture();
});

describe('催办通知', () => {
  it('writes one letter per overdue item, named by unit and id', () => {
    const letters = [...files.keys()].filter((p) => p.startsWith(`${DIR}/催办通知-`)).sort();
    expect(letters).toEqual([
      `${DIR}/催办通知-后勤管理处-DB2026-002.pdf`,
      `${DIR}/催办通知-国有资产管理处-DB2026-010.pdf`,
      `${DIR}/催办通知-学生工作处-DB2026-013.pdf`,
      `${DIR}/催办通知-教务处-DB2026-001.pdf`,
    ]);
  });

  it('has the exact wording of 附件2 with the unit, 交办 date and deadline filled in', async () => {
    const text = plainText(await readPdf(bytesOf(files, `${DIR}/催办通知-教务处-DB2026-001.pdf`)));
    expect(text).toContain('示范大学督查督办事项催办通知');
    expect(text).toContain('教务处：2026年9月8日转你单位的以上表格中的督办事项，要求你单位于2026年10月30日前完成并上报办理情况。现已超过办结时限，特此催办。请接此催办通知后迅速督促落实。');
    for (const field of ['被催办单位教务处', '责任人张明', '催办人王建平', '签收人', '催办事项完成本科教学质量年度报告编制并报送教育厅（编号：DB2026-001）']) {
      expect(text).toContain(field);
    }
    expect(text).toContain('示范大学督查督办工作办公室2026年11月25日');
    expect(text).toContain('督查督办工作办公室联系人：李文静电话：0771-2687015');
  });

  it('uses the extended deadline and counts reminders (第N次 = logged + 1)', async () => {
    const text = plainText(await readPdf(bytesOf(files, `${DIR}/催办通知-后勤管理处-DB2026-002.pdf`)));
    expect(text).toContain('要求你单位于2026年11月20日前完成');
    expect(text).toContain('（第2次催办）');
    expect(text).not.toContain('重点督办');
  });

  it('marks the third and later reminders as 重点督办 with the 从重问责 sentence', async () => {
    const text = plainText(await readPdf(bytesOf(files, `${DIR}/催办通知-教务处-DB2026-001.pdf`)));
    expect(text).toContain('（第4次催办）');
    expect(text).toContain('重点督办');
    expect(text).toContain('督办3次以上的，应当从重或者加重问责');
  });

  it('treats a reminder already logged on the as-of date as this letter', async () => {
    const text = plainText(await readPdf(bytesOf(files, `${DIR}/催办通知-学生工作处-DB2026-013.pdf`)));
    expect(text).toContain('（第2次催办）');
    const csv = String(files.get(`${DIR}/催办记录-2026-11-25.csv`)?.bytes);
    expect(csv).not.toContain('DB2026-013');
  });

  it('lists the reminders issued in this run as a 催办记录 CSV with BOM', () => {
    const csv = String(files.get(`${DIR}/催办记录-2026-11-25.csv`)?.bytes);
    expect(csv.startsWith('\uFEFF编号,催办日期,催办方式,催办人,签收人,备注\r\n')).toBe(true);
    expect(csv.trim().split('\r\n').slice(1)).toEqual(['DB2026-002,2026-11-25,书面,王建平,,第2次催办', 'DB2026-010,2026-11-25,书面,王建平,,第1次催办', 'DB2026-001,2026-11-25,书面,王建平,,第4次催办']);
  });

  it('prints every letter of the batch from an odd page, numbered per letter, padding pages blank', async () => {
    const pages = await readPdf(bytesOf(files, `${DIR}/催办通知（全部，双面打印）.pdf`));
    const starts = pages.flatMap((p, i) => (p.text.includes('督查督办事项催办通知') ? [i + 1] : []));
    expect(starts).toHaveLength(4);
    for (const start of starts) expect(start % 2).toBe(1);
    expect(starts).toEqual([1, 3, 5, 7]); // one-page letters, each followed by a blank back
    for (const start of starts) expect(pages[start - 1]?.text.replace(/\s/g, '')).toContain('—1—');
    for (const blank of [2, 4, 6]) expect(pages[blank - 1]?.items).toHaveLength(0);
  });
});
