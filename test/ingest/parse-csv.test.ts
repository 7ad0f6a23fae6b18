import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../pipeline/ingest/parse-csv.ts';

const header = (cells: readonly string[]) => cells.includes('编号') && cells.includes('事项');
const rows = (text: string) => parseCsv(text, header).rows.map((r) => [r.row, r.cells] as const);

describe('parseCsv', () => {
  it('handles CRLF, LF, CR and a last line without newline alike', () => {
    const want = [
      [1, ['编号', '事项']],
      [2, ['1', '甲']],
    ];
    expect(rows('编号,事项\r\n1,甲\r\n')).toEqual(want);
    expect(rows('编号,事项\n1,甲')).toEqual(want);
    expect(rows('编号,事项\r1,甲\r')).toEqual(want);
  });

  it('numbers rows as a spreadsheet does: a quoted multi-line cell is one row, an empty line is a row', () => {
    const r = rows('编号,事项\n1,"第一行\r\n第二行"\n\n2,"说""引号"""\n');
    expect(r).toEqual([
      [1, ['编号', '事项']],
      [2, ['1', '第一行\n第二行']],
      [3, ['']],
      [4, ['2', '说"引号"']],
    ]);
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
    expect(rows('编号,事项\n1,"征求意见稿"已发出,x\n2,乙\n')).toEqual([
      [1, ['编号', '事项']],
      [2, ['1', '征求意见稿已发出', 'x']],
      [3, ['2', '乙']],
    ]);
  });

  it('keeps quotes inside an unquoted cell', () => {
    expect(rows('编号,事项\n1,说"明"\n')).toEqual([
      [1, ['编号', '事项']],
      [2, ['1', '说"明"']],
    ]);
  });

  it('reads well-formed input as every CSV reader does', async () => {
    const { readRecords } = await import('../../pipeline/ingest/parse-csv.ts');
    expect(readRecords('a,"b\nc",d\n\n"e""f",\n', ',').records.map((r) => r.cells)).toEqual([['a', 'b\nc', 'd'], [''], ['e"f', '']]);
  });
});

describe('a quote typed and never closed (issue: rows swallowed, check passed)', () => {
  const broken = (text: string) =>
    parseCsv(text, header)
      .rows.filter((r) => r.brokenQuote)
      .map((r) => [r.row, r.brokenQuote!.cell]);

  it('keeps the unclosed cell to its line and reads every line after it as a row', () => {
    const r = parseCsv('编号,事项,承办单位\nQ-1,制定方案,教务处\nQ-2,"征求意见稿 已发出,…\nQ-3,修订制度,人事处\nQ-4,完善台账,资产处\n', header).rows;
    expect(r.map((x) => [x.row, x.cells])).toEqual([
      [1, ['编号', '事项', '承办单位']],
      [2, ['Q-1', '制定方案', '教务处']],
      [3, ['Q-2', '征求意见稿 已发出,…']],
      [4, ['Q-3', '修订制度', '人事处']],
      [5, ['Q-4', '完善台账', '资产处']],
    ]);
    expect(r[2]!.brokenQuote).toEqual({ cell: 1, text: 'Q-2,"征求意见稿 已发出,…' });
  });

  it('does not take a quote further down for its closing quote', () => {
    // The typed quote would pair with the quote that opens Q-4's multi-line cell.
    const text = '编号,事项,承办单位\nQ-2,"征求意见稿 已发出,教务处\nQ-3,修订制度,人事处\nQ-4,"第一行\n第二行",教务处\n';
    expect(rows(text)).toEqual([
      [1, ['编号', '事项', '承办单位']],
      [2, ['Q-2', '征求意见稿 已发出,教务处']],
      [3, ['Q-3', '修订制度', '人事处']],
      [4, ['Q-4', '第一行\n第二行', '教务处']],
    ]);
    // …also when that cell starts with a line break, so the pair would look well-formed.
    expect(broken('编号,事项\nQ-2,"征求意见稿\nQ-3,修订制度\nQ-4,"\n第二行"\n')).toEqual([[2, 1]]);
    // …and when a second typed quote follows.
    expect(broken('编号,事项\nQ-2,"征求意见稿\nQ-3,修订制度\nQ-4,"已发出\nQ-5,乙\n')).toEqual([
      [2, 1],
      [4, 1],
    ]);
  });

  it('still reads real multi-line cells, also ones that end or start with a line break', () => {
    expect(rows('编号,事项,承办单位\nQ-1,"第一行\n",教务处\nQ-2,"\n第二行",人事处\n')).toEqual([
      [1, ['编号', '事项', '承办单位']],
      [2, ['Q-1', '第一行\n', '教务处']],
      [3, ['Q-2', '\n第二行', '人事处']],
    ]);
    expect(broken('编号,事项\nQ-1,"甲,\n"\nQ-2,"""\n乙"\n')).toEqual([]);
  });

  it('marks a quote left open on the last line, with or without a final newline', () => {
    expect(broken('编号,事项\nQ-1,"甲')).toEqual([[2, 1]]);
    expect(broken('编号,事项\nQ-1,"甲\n')).toEqual([[2, 1]]);
    expect(broken('编号,事项\n"\n')).toEqual([[2, 0]]);
  });

  it('keeps the last row when the text ends with a newline (it used to drop it after an unclosed quote)', () => {
    expect(rows('编号,事项\nQ-1,"甲\nQ-2,乙\n').map(([row]) => row)).toEqual([1, 2, 3]);
    expect(rows('编号,事项\nQ-1,甲\n\n').map(([row]) => row)).toEqual([1, 2, 3]);
  });

  it('counts, and does not keep, rows past the limit', () => {
    const p = parseCsv('编号,事项\n1,甲\n2,乙\n\n3,"丙\n丁"\n4,戊\n', header, 3);
    expect(p.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(p.unread).toBe(2);
  });

  it('reads a long file in time proportional to its length', () => {
    const line = 'DB-1,"制定方案，""落实""",教务处,"多行\n内容",\t;x\n';
    const text = '编号,事项,承办单位,落实情况\n' + line.repeat(100_000) + 'Q-9,"没有闭合\n';
    const t = performance.now();
    const p = parseCsv(text, header);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(p.rows).toHaveLength(100_002);
    expect(p.rows.at(-1)!.brokenQuote?.cell).toBe(1);
  });
});
