/**
 * Nothing silently dropped (spec §1): every data row of a ledger ends up as exactly one of an
 * analyzed item (its `row`), a skipped row named by an info issue, or a row named by an error.
 * Random 督办事项 ledgers — cells with quotes, newlines and delimiters, quotes typed and never
 * closed, blank, heading and note rows, title lines, CSV in UTF-8 (with or without BOM) or
 * GBK with any line ending, and XLSX — are written to a temp folder and read through the real
 * readLedgers → analyzeLedgers, as `duban check` reads them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { analyzeLedgers, readLedgers } from '../../pipeline/app/ledgers.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { unaccountedRows } from '../../pipeline/ingest/row-account.ts';
import type { IsoDate } from '../../pipeline/model/dates.ts';

const AS_OF = '2026-11-25' as IsoDate;
const HEADER = ['编号', '事项', '承办单位', '来源', '立项日期', '办结时限', '状态', '办结日期', '落实情况'];

/** A row as meant, before it is written; `broken` writes cell `at` with an opening quote only. */
type Row = { kind: 'data'; cells: string[]; broken?: { at: number; text: string } } | { kind: 'blank' } | { kind: 'note'; text: string };

const chars = (s: string) => fc.constantFrom(...Array.from(s));
const text = (unit: fc.Arbitrary<string>, maxLength = 12) => fc.string({ unit, maxLength });
/**
 * Cell text with what makes CSV hard: quotes, newlines, all three delimiters, spaces — but not
 * first (after any quotes). A quoted cell that starts with a delimiter or a line break,
 * somewhere below a quote typed and never closed, is the one spot where two readings of the
 * bytes are equally good (parse-csv.ts, neverClosed); spreadsheets take it as a multi-line
 * cell, and so do we — unit tests in parse-csv.test.ts cover it.
 */
const messy = text(chars('督办事项教务处落实已发出征求意见稿，、"\n,;\t 12')).filter((s) => !/^"*[\n,;\t]/.test(s));
/**
 * What a hand-typed line holds after a quote it never closes: words, then anything but a quote
 * or a newline. (A quote alone on a line, or one followed by a delimiter, is not a typing slip
 * but a cell: `"` + newline + `"` is a well-formed cell holding a newline, and is read so.)
 */
const typed = fc.tuple(chars('征求意见稿已发出各单位反馈中'), text(chars('征求意见稿已发出各单位反馈中，、,;\t 12'), 16)).map(([a, b]) => a + b);

const cellsArb: fc.Arbitrary<string[]> = fc.tuple(
  fc.oneof(fc.constantFrom('Q-1', 'Q-2', 'Q-3', 'Q-4', 'Q-5', 'Q-6', 'Q-7', 'Q-8', 'Q-9', ''), messy),
  fc.oneof(fc.constantFrom('制定方案', '修订考核办法', '一、教学工作', ''), messy),
  fc.oneof(fc.constantFrom('教务处', '人事处', '资产处、保卫处', ''), messy),
  fc.constantFrom('会议决策', '年度重点工作', '', '随便写的'),
  fc.constantFrom('2026-03-01', '2026/9/24', '', '2026-02-30', '去年'),
  fc.constantFrom('11月底', '10个工作日内', '', '尽快', '年底前'),
  fc.constantFrom('办理中', '已办结', '', '未启动', '乱写'),
  fc.constantFrom('', '2026-10-01', '2027-01-01'),
  messy,
);

const rowArb: fc.Arbitrary<Row> = fc.oneof(
  { weight: 8, arbitrary: cellsArb.map((cells): Row => ({ kind: 'data', cells })) },
  { weight: 2, arbitrary: fc.tuple(cellsArb, fc.nat(HEADER.length - 1), typed).map(([cells, at, t]): Row => ({ kind: 'data', cells, broken: { at, text: t } })) },
  { weight: 1, arbitrary: fc.constant<Row>({ kind: 'blank' }) },
  { weight: 1, arbitrary: fc.constantFrom('备注：以上事项由党政办公室督办', '1. 统计截止时间为11月30日', '一、教学工作', '填表人：王建平', '3').map((t): Row => ({ kind: 'note', text: t })) },
);

const ledgerArb = fc.record({
  title: fc.constantFrom<string[]>([], ['督查督办事项办理情况表'], ['督查督办事项办理情况表', '填报单位：党政办公室']),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 14 }),
});

/** As Excel writes a cell: quoted when it holds the delimiter, a quote or a newline. */
function csvCell(s: string, d: string): string {
  return s.includes(d) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replaceAll('"', '""')}"` : s;
}

function csvLine(r: Row, d: string): string {
  if (r.kind === 'blank') return '';
  if (r.kind === 'note') return r.text.includes(d) ? `"${r.text}"` : r.text;
  if (!r.broken) return r.cells.map((c) => csvCell(c, d)).join(d);
  // The cells before the broken one as written; then a quote and the rest of the line as typed.
  return [...r.cells.slice(0, r.broken.at).map((c) => csvCell(c, d)), `"${r.broken.text}`].join(d);
}

interface Written {
  file: string;
  /** Spreadsheet row of every row meant as data (not blank). */
  dataRows: number[];
}

function isBlank(r: Row): boolean {
  return r.kind === 'blank' || (r.kind === 'data' && !r.broken && r.cells.every((c) => c.trim() === ''));
}

async function writeCsv(dir: string, l: { title: string[]; rows: Row[] }, o: { d: string; eol: string; final: boolean; enc: string }): Promise<Written> {
  const lines = [...l.title, HEADER.join(o.d), ...l.rows.map((r) => csvLine(r, o.d))];
  const body = lines.join(o.eol) + (o.final ? o.eol : '');
  const bytes = o.enc === 'gbk' ? iconv.encode(body, 'gbk') : Buffer.concat([Buffer.from(o.enc === 'bom' ? [0xef, 0xbb, 0xbf] : []), Buffer.from(body, 'utf8')]);
  const file = '督办台账.csv';
  await writeFile(path.join(dir, file), bytes);
  const first = l.title.length + 2;
  return { file, dataRows: l.rows.flatMap((r, i) => (isBlank(r) ? [] : [first + i])) };
}

async function writeXlsx(dir: string, l: { title: string[]; rows: Row[] }): Promise<Written> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  l.title.forEach((t, i) => (ws.getRow(i + 1).getCell(1).value = t));
  ws.getRow(l.title.length + 1).values = HEADER;
  const first = l.title.length + 2;
  l.rows.forEach((r, i) => {
    const row = ws.getRow(first + i);
    if (r.kind === 'note') row.getCell(1).value = r.text;
    // In a workbook a quote is only a character: the "broken" cell is its text with the quote.
    else if (r.kind === 'data') (r.broken ? [...r.cells.slice(0, r.broken.at), `"${r.broken.text}`] : r.cells).forEach((c, k) => c !== '' && (row.getCell(k + 1).value = c));
  });
  const file = '督办台账.xlsx';
  await writeFile(path.join(dir, file), new Uint8Array(await wb.xlsx.writeBuffer()));
  const blank = (r: Row) => r.kind === 'blank' || (r.kind === 'data' && (r.broken ? [...r.cells.slice(0, r.broken.at), '"'] : r.cells).every((c) => c.trim() === ''));
  return { file, dataRows: l.rows.flatMap((r, i) => (blank(r) ? [] : [first + i])) };
}

/** Every data row in exactly one of: an item, an info issue, an error issue. */
async function checkConserved(dir: string, w: Written): Promise<void> {
  const ledgers = await readLedgers(dir);
  const { analysis, records } = analyzeLedgers(ledgers, AS_OF, DEFAULT_OFFICE_CONFIG);
  const items = new Set(analysis.items.filter((i) => i.file === w.file).map((i) => i.row));
  const at = (severity: string) => new Set(analysis.issues.filter((i) => i.file === w.file && i.severity === severity && i.row !== null).map((i) => i.row!));
  const infos = at('info');
  const errors = at('error');
  const where = (row: number) => [items.has(row) ? 'item' : '', infos.has(row) ? 'info' : '', errors.has(row) ? 'error' : ''].filter(Boolean);
  const unaccounted = w.dataRows.filter((row) => where(row).length !== 1).map((row) => [row, where(row)]);
  expect(unaccounted, JSON.stringify(analysis.issues.map((i) => [i.code, i.row, i.value]))).toEqual([]);
  // The helper that `check` relies on agrees: no row of any table is lost.
  expect(unaccountedRows(ledgers.tables, records, analysis.issues)).toEqual([]);
}

async function withFolder(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-rows-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('no data row vanishes', () => {
  it('from a CSV ledger: any cells, broken quotes, encodings, delimiters and line endings', async () => {
    const options = fc.record({
      d: fc.constantFrom(',', ',', '\t', ';'),
      eol: fc.constantFrom('\n', '\r\n'),
      final: fc.boolean(),
      enc: fc.constantFrom('utf8', 'bom', 'gbk'),
    });
    await fc.assert(
      fc.asyncProperty(ledgerArb, options, (l, o) => withFolder(async (dir) => checkConserved(dir, await writeCsv(dir, l, o)))),
      { numRuns: 250 },
    );
  }, 120_000);

  it('from an XLSX ledger', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, (l) => withFolder(async (dir) => checkConserved(dir, await writeXlsx(dir, l)))),
      { numRuns: 40 },
    );
  }, 120_000);
});
