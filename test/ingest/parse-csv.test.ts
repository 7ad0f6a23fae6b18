import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../pipeline/ingest/parse-csv.ts';

const header = (cells: readonly string[]) => cells.includes('编号') && cells.includes('事项');
const rows = (text: string) => parseCsv(text, header).rows.map((r) => [r.row, r.cells] as const);

describe('parseCsv', () => {
  it('handles CRLF, LF, CR and a last line without newline alike', () => {
    const want = [[1, ['编号', '事项']], [2, ['1', '甲']]];
    expect(rows('编号,事项\r\n1,甲\r\n')).toEqual(want);
    expect(rows('编号,事项\n1,甲')).toEqual(want);
    expect(rows('编号,事项\r1,甲\r')).toEqual(want);
  });

  it('numbers rows as a spreadsheet does: a quoted multi-line cell is one row, an empty line is a row', () => {
    const r = rows('编号,事项\n1,"第一行\r\n第二行"\n\n2,"说""引号"""\n');
    expect(r).toEqual([[1, ['编号', '事项']], [2, ['1', '第一行\n第二行']], [3, ['']], [4, ['2', '说"引号"']]]);
  });

  it('uses tab or semicolon when the header is split by it', () => {
    expect(parseCsv('编号\t事项\n1\t甲,乙', header)).toMatchObject({ delimiter: '\t', rows: [{ cells: ['编号', '事项'] }, { cells: ['1', '甲,乙'] }] });
    expect(parseCsv('标题；说明\n编号;事项\n1;甲,乙', header).delimiter).toBe(';');
    expect(parseCsv('编号,事项\n1,甲\t乙', header).delimiter).toBe(',');
  });

  it("honours Excel's sep= line and hides it as Excel does", () => {
    expect(parseCsv('sep=;\n编号;事项\n1;甲', () => false)).toMatchObject({ delimiter: ';', rows: [{ row: 1, cells: ['编号', '事项'] }, { row: 2 }] });
  });

  it('returns no rows for empty text', () => {
    expect(rows('')).toEqual([]);
  });
});

describe('malformed quotes (a CSV typed in Notepad)', () => {
  it('reads a cell with text after its closing quote as Excel does, and goes on', () => {
    expect(rows('编号,事项\n1,"征求意见稿"已发出,x\n2,乙\n')).toEqual([[1, ['编号', '事项']], [2, ['1', '征求意见稿已发出', 'x']], [3, ['2', '乙']]]);
  });

  it('keeps quotes inside an unquoted cell', () => {
    expect(rows('编号,事项\n1,说"明"\n')).toEqual([[1, ['编号', '事项']], [2, ['1', '说"明"']]]);
  });

  it('matches papaparse on well-formed input', async () => {
    const { splitLikeExcel } = await import('../../pipeline/ingest/parse-csv.ts');
    expect(splitLikeExcel('a,"b\nc",d\n\n"e""f",\n', ',')).toEqual([['a', 'b\nc', 'd'], [''], ['e"f', ''], ['']]);
  });
});
