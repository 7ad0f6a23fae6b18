/**
 * Excel 97–2003 workbooks written by LibreOffice (test/fixtures/xls, see its README): merged
 * cells, a two-row header, section rows, a hidden sheet, a real published table; an encrypted
 * and a damaged workbook are named issues. The .xls files are committed: no soffice needed here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';
import { readXls } from '../../pipeline/ingest/read-xls.ts';

const XLS = path.join(import.meta.dirname, '../fixtures/xls');
const file = (name: string) => ({ path: name, bytes: new Uint8Array(readFileSync(path.join(XLS, name))) });

describe('.xls ingest', () => {
  it('reads a two-row header, merged cells, section rows and a date cell; skips the hidden sheet', async () => {
    const r = await ingestFiles([file('两行表头-合并单元格.xls')]);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t).toMatchObject({ kind: 'items', sheet: '重点任务', headerRow: 2 });
    expect(t.rows.map((x) => [x.row, x.values.序号, x.values.事项, x.values.承办单位, x.values.配合单位, x.values.办结时限, x.section ?? null, x.merged ?? []])).toEqual([
      [5, '1', '完善知识产权保护制度', '科技处', '法务办', '2026年6月底前', '一、知识产权保护方面（共2项）', []],
      [6, '2', '建设知识产权服务平台', '科技处（牵头）、网信中心', '', '12月底前', '一、知识产权保护方面（共2项）', []],
      [8, '3', '推进课程思政改革', '教务处', '', '6月', '二、人才培养方面', []],
      [9, '3', '推进课程思政改革', '学工处', '', '6月', '二、人才培养方面', ['序号', '事项', '办结时限']],
      [10, '4', '修订研究生学位授予办法', '研究生院', '', '每季度', '二、人才培养方面', []],
    ]);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ['I_SECTION_ROW', 4],
      ['I_SECTION_ROW', 7],
    ]);
  });

  it('reads a real published table saved as .xls: title rows, several units on lines, an empty 序号', async () => {
    const r = await ingestFiles([file('2016年民生实事目标任务分解表.xls')]);
    const t = r.tables[0]!;
    expect(t.headerRow).toBe(3);
    expect(t.rows).toHaveLength(11);
    expect(t.rows[0]!.values).toMatchObject({ 序号: '1', 事项: '启动建设东柳河城区段综合治理工程和东湖湿地公园。', 承办单位: '县水务局\n县住建局\n县护城河指挥部', 办结时限: '12月底前' });
    expect(t.rows[5]!.values).toMatchObject({ 序号: '', 事项: '开工建设老年大学。' });
    expect(r.issues.map((i) => i.code)).toEqual(['I_GUESSED_COLUMN']);
  });

  it('names a password-protected workbook and says how to remove the password', async () => {
    const r = await ingestFiles([file('设置了打开密码.xls')]);
    expect(r.tables).toEqual([]);
    expect(r.issues).toMatchObject([{ code: 'E_ENCODING', severity: 'error', file: '设置了打开密码.xls' }]);
    expect(r.issues[0]!.message).toContain('密码');
    expect(r.issues[0]!.hint).toContain('去掉打开密码');
  });

  it('names a damaged workbook', async () => {
    const r = await ingestFiles([file('损坏的工作簿.xls')]);
    expect(r.issues).toMatchObject([{ code: 'E_ENCODING', file: '损坏的工作簿.xls' }]);
    expect(r.issues[0]!.message).toContain('损坏');
  });

  it('reads an .xls that is really a web page table (as many sites publish them)', async () => {
    const html = '<html><body><table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>修订办法</td><td>教务处</td></tr></table></body></html>';
    const r = await ingestFiles([{ path: '任务表.xls', bytes: new TextEncoder().encode(html) }]);
    expect(r.tables[0]!.rows[0]!.values).toEqual({ 序号: '1', 事项: '修订办法', 承办单位: '教务处' });
  });

  it('never throws on damaged bytes behind the OLE2 signature', async () => {
    const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const real = file('两行表头-合并单元格.xls').bytes;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.nat(real.length), async (tail, cut) => {
        for (const bytes of [new Uint8Array([...sig, ...tail]), real.slice(0, cut)]) {
          const r = await readXls(bytes, 'x.xls');
          expect(Array.isArray(r.sheets)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
