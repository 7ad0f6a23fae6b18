/**
 * The XLSX reader (pipeline/ingest/read-xlsx.ts, xlsx-workbook.ts) reads the zip and its XML
 * itself; until then duban read workbooks with exceljs. Every row it gives must be the row exceljs
 * gave (exceljs-reader.ts keeps that reader): workbooks written by exceljs with any cells, and
 * workbooks whose XML is written here the ways Excel, WPS and LibreOffice write it (shared and
 * inline strings, _x000D_ escapes, CR LF, phonetic guides, shared formulas, built-in and custom
 * formats, 1904 dates, merges, hyperlinks, hidden sheets); damaged and empty workbooks give the
 * same issues. Then the few places where exceljs was wrong and the new reader is not.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../pipeline/ingest/read-xlsx.ts';
import { readXlsxWithExcelJS } from './exceljs-reader.ts';

async function same(bytes: Uint8Array): Promise<void> {
  const expected = await readXlsxWithExcelJS(bytes, 'a.xlsx');
  // Byte for byte: key order, sparse arrays (links, merged) and all.
  expect(JSON.stringify(await readXlsx(bytes, 'a.xlsx'))).toBe(JSON.stringify(expected));
}

// --- Workbooks written by exceljs -------------------------------------------------------------

const piece = fc.constantFrom('督办', '教务处', ' ', '\n', '\r\n', '\t', '_x000D_', '_x005F_x0041_', '&', '<b>', '"', "'", '1', '2025-11-30', '、', '😀', 'a');
const text = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
const numFmt = fc.constantFrom(
  undefined,
  'yyyy-mm-dd',
  'yyyy"年"m"月"d"日"',
  'yyyy/m/d;@',
  'm/d/yy',
  'mm-dd-yy',
  'h:mm',
  '0%',
  '0.00%',
  '@',
  '#,##0.00',
  'YYYY"年"M"月"',
  '0"年"',
  '[$-804]yyyy"年"m"月"d"日";@',
  '[Red]0.00',
  'General',
  '"¥"#,##0',
  '0.0_ ',
);
const day = fc.integer({ min: -20_000, max: 80_000 }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000 + (d % 3) * 3_600_000));
const truthy = fc.oneof(text, fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.constant(true), day);
const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 0.1 + 0.2, 1e21, 1e-7, 45991, 45991.5)) },
  { weight: 1, arbitrary: day },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!').map((error) => ({ error }) as ExcelJS.CellErrorValue) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((t, i) => ({ text: t, font: i % 2 ? { bold: true } : {} })) })) },
  // exceljs lost a formula's result of 0 or FALSE: only results it kept are compared here (see below).
  { weight: 1, arbitrary: truthy.map((result) => ({ formula: 'A1', result }) as ExcelJS.CellFormulaValue) },
  { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom('https://x.edu.cn/a?b=1&c=2', 'mailto:a@b.cn')).map(([t, hyperlink]) => ({ text: t, hyperlink })) },
  { weight: 2, arbitrary: fc.constant(null) },
);
/** exceljs' test for a date format (utils.isDateFmt). */
const excelJsDate = (fmt: string | undefined) => !!fmt && /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
const isFormula = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue => typeof v === 'object' && v !== null && 'formula' in v;
// exceljs read every cached result of a formula in a date format as a serial (a text result as an
// invalid date, so empty): only numbers and dates are compared there (see below).
const cell = fc
  .record({ value, numFmt, styled: fc.boolean() })
  .filter((c) => !(isFormula(c.value) && excelJsDate(c.numFmt) && typeof c.value.result !== 'number' && !(c.value.result instanceof Date)));
const rect = fc.record({ top: fc.integer({ min: 1, max: 10 }), left: fc.integer({ min: 1, max: 6 }), h: fc.integer({ min: 1, max: 4 }), w: fc.integer({ min: 1, max: 3 }) });
const sheet = fc.record({
  rows: fc.uniqueArray(fc.record({ at: fc.integer({ min: 1, max: 12 }), cells: fc.array(fc.option(cell, { nil: undefined }), { maxLength: 7 }) }), { maxLength: 10, selector: (r) => r.at }),
  merges: fc.array(rect, { maxLength: 4 }),
  state: fc.constantFrom('visible', 'visible', 'hidden', 'veryHidden'),
});

type SheetSpec = typeof sheet extends fc.Arbitrary<infer S> ? S : never;

/** Merges that do not overlap (exceljs refused a workbook whose merges do), as references. */
function mergeRefs(rects: { top: number; left: number; h: number; w: number }[]): string[] {
  const taken: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const m of rects) {
    const r = { top: m.top, left: m.left, bottom: m.top + m.h - 1, right: m.left + m.w - 1 };
    if (r.bottom === r.top && r.right === r.left) continue;
    if (taken.some((t) => t.left <= r.right && r.left <= t.right && t.top <= r.bottom && r.top <= t.bottom)) continue;
    taken.push(r);
  }
  return taken.map((r) => `${col(r.left - 1)}${r.top}:${col(r.right - 1)}${r.bottom}`);
}

async function exceljsWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`);
    for (const r of s.rows) {
      r.cells.forEach((c, k) => {
        if (!c) return;
        const target = ws.getCell(r.at, k + 1);
        target.value = c.value;
        if (c.numFmt) target.numFmt = c.numFmt;
        if (c.styled) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
      });
    }
    for (const ref of mergeRefs(s.merges)) ws.mergeCells(ref);
    ws.state = s.state as ExcelJS.WorksheetState;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the rows of an XLSX workbook are the rows exceljs read', () => {
  it('any cells written by exceljs: strings, rich text, numbers, dates and formats, formulas, hyperlinks, merges, hidden sheets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => same(await exceljsWorkbook(sheets))),
      { numRuns: 60 },
    );
  }, 120_000);

  it('any cells written the ways Excel, WPS and LibreOffice write them', async () => {
    await fc.assert(
      fc.asyncProperty(handCells, fc.array(rect, { maxLength: 3 }), fc.boolean(), fc.boolean(), fc.boolean(), async (cells, rects, pretty, crlf, date1904) =>
        same(handWorkbook(cells, { pretty, crlf, date1904, merges: mergeRefs(rects) })),
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('the workbooks of the build: feedback forms and reports (the ones a department sends back)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进展反馈');
    ws.addRow(['示范大学督查督办事项进展反馈表（2026年11月）']);
    ws.mergeCells('A1:F1');
    ws.addRow(['编号', '事项', '承办单位', '反馈日期', '办理状态', '本期进展']);
    ws.addRow(['DB-1', '修订办法', '教务处', new Date(Date.UTC(2026, 10, 12)), '办理中', '已完成初稿\r\n下周报审']);
    ws.getCell('D3').numFmt = 'yyyy-mm-dd';
    ws.getCell('F3').protection = { locked: false };
    await same(new Uint8Array(await wb.xlsx.writeBuffer()));
  });

  it.each([
    ['not a zip behind the signature', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])],
    ['cut short', () => handWorkbook([[{ t: 's', v: '督办' }]], {}).subarray(0, 300)],
    ['a sheet that does not inflate', () => corruptPart(handWorkbook([[{ t: 's', v: '督办' }]], {}), 'xl/worksheets/sheet1.xml')],
    ['XML that is not well-formed', () => handWorkbook([], { sheetXml: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>' })],
    ['an undefined entity', () => handWorkbook([], { sheetXml: '<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>a&nbsp;b</v></c></row></sheetData></worksheet>' })],
    [
      'a zip that is another Office document',
      () =>
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['word/document.xml', '<w:document xmlns:w="w"/>'],
        ]),
    ],
    ['a workbook without sheets', () => handWorkbook([], { sheets: [] })],
    ['only hidden sheets', () => handWorkbook([[{ t: 'n', v: '1' }]], { sheets: [{ name: 'H', state: 'hidden' }] })],
    ['an empty sheet', () => handWorkbook([], {})],
  ])('%s: the same issue', async (_name, make) => {
    await same(typeof make === 'function' ? make() : make);
  });
});

describe('where exceljs was wrong', () => {
  const text = async (cells: (HandCell | null)[][], o: HandOptions = {}) => (await readXlsx(handWorkbook(cells, o), 'a.xlsx')).sheets[0]!.rows.map((r) => r.cells);

  it('a formula whose result is 0 or FALSE reads 0 and FALSE, as Excel shows it (exceljs: empty)', async () => {
    expect(
      await text([
        [
          { t: 'n', f: 'A2-A2', v: '0' },
          { t: 'b', f: '1=2', v: '0' },
          { t: 'n', f: 'SUM(A2:A3)', v: '3' },
          { t: 'n', f: 'NOW()' },
        ],
      ]),
    ).toEqual([['0', 'FALSE', '3', '']]);
  });

  it('a formula in a date format whose result is a text, TRUE or an error reads as that (exceljs: empty, or 00:00 for TRUE)', async () => {
    const s = builtIn(14);
    expect(
      await text([
        [
          { t: 'str', f: 'IF(A2,"长期","")', v: '长期', s },
          { t: 'b', f: 'A2>0', v: '1', s },
          { t: 'e', f: '1/0', v: '#DIV/0!', s },
          { t: 'n', f: 'A2+1', v: '45991', s },
        ],
      ]),
    ).toEqual([['长期', 'TRUE', '#DIV/0!', '2025-11-30']]);
  });

  it('a date in a built-in Chinese date format (numFmtId 31, 57, 58) reads as a date (exceljs: the serial 45991)', async () => {
    const cells = [31, 57, 58, 32].map((id) => ({ t: 'n' as const, v: id === 32 ? '0.5' : '45991', s: builtIn(id) }));
    expect(await text([cells])).toEqual([['2025-11-30', '2025-11-30', '2025-11-30', '12:00']]);
  });

  it('an ISO date cell (t="d") reads as its date (exceljs: its year, 2025)', async () => {
    expect(
      await text([
        [
          { t: 'd', v: '2025-10-09T00:00:00Z' },
          { t: 'd', v: '2025-10-09' },
          { t: 'd', v: '2025-10-09T23:59:59.999' },
        ],
      ]),
    ).toEqual([['2025-10-09', '2025-10-09', '2025-10-10']]);
  });

  it('reads what exceljs refused as damaged: overlapping merges (the later one ignored), rows and cells without references, prefixed XML, a sheet name Excel would not allow, a damaged part no ledger needs', async () => {
    expect(await text([[{ t: 'n', v: '1' }]], { merges: ['A1:B2', 'B2:C3'] })).toEqual([
      ['1', ''],
      ['1', ''],
    ]);
    expect(await text([], { sheetXml: '<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>' })).toEqual([
      ['1', '2'],
      ['', '', '3', '4'],
    ]);
    expect(
      await text([], {
        sheetXml:
          '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>督办</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
      }),
    ).toEqual([['督办']]);
    const named = await readXlsx(handWorkbook([[{ t: 'n', v: '1' }]], { sheets: [{ name: `台账:${'长'.repeat(40)}` }] }), 'a.xlsx');
    expect(named.sheets.map((s) => s.name)).toEqual([`台账:${'长'.repeat(40)}`]);
    const media = corruptPart(zip([...handParts([[{ t: 'n', v: '1' }]], {}), ['xl/media/image1.png', Buffer.alloc(2000, 7)]]), 'xl/media/image1.png');
    expect((await readXlsx(media, 'a.xlsx')).sheets[0]!.rows).toEqual([{ row: 1, cells: ['1'] }]);
  });

  it('a merge over a whole column is cut to the cells the sheet has, and no sheet has more than 200,000 merged cells', async () => {
    const t = performance.now();
    const rows = await text(
      [
        [
          { t: 's', v: '序号' },
          { t: 's', v: '事项' },
        ],
        [
          { t: 'n', v: '1' },
          { t: 's', v: '甲' },
        ],
        [null, { t: 's', v: '乙' }],
      ],
      { merges: ['A2:A1048576', 'C1:XFD1048576'] },
    );
    expect(rows).toEqual([
      ['序号', '事项'],
      ['1', '甲', ''],
      ['1', '乙', ''],
    ]);
    // 25 merges of 1,000 rows × 10 columns: the first 20 (200,000 cells) are merges, the rest are not.
    const merges = Array.from({ length: 25 }, (_, k) => `${col(10 * k)}1:${col(10 * k + 9)}1000`);
    const wide = await readXlsx(handWorkbook([Array.from({ length: 250 }, (_, k) => ({ t: 'n' as const, v: String(k) }))], { merges }), 'a.xlsx');
    const sheetRows = wide.sheets[0]!.rows;
    expect(sheetRows).toHaveLength(1000);
    expect(sheetRows[1]!.cells).toHaveLength(200);
    expect(sheetRows[0]!.cells.slice(0, 12)).toEqual(['0', '', '', '', '', '', '', '', '', '', '10', '']);
    expect(sheetRows[0]!.cells.slice(200, 202)).toEqual(['200', '201']);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

// --- Workbooks written by hand ----------------------------------------------------------------

/** One <c>: its type, stored value (or shared string), style index, formula. */
interface HandCell {
  t: 's' | 'str' | 'inlineStr' | 'n' | 'b' | 'e' | 'd' | 'rich' | 'inlineRich';
  v?: string;
  s?: number;
  f?: string;
  shared?: boolean;
  link?: string;
}
interface HandOptions {
  pretty?: boolean;
  crlf?: boolean;
  date1904?: boolean;
  merges?: string[];
  sheets?: { name: string; state?: string }[];
  /** The first sheet's XML as it is. */
  sheetXml?: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (k: number): string => (k >= 26 ? col(Math.floor(k / 26) - 1) : '') + String.fromCharCode(65 + (k % 26));

/** Cell styles: built-in formats, custom dates, percent and escaped formats, then one style for each built-in id 0–59. */
const STYLES = [0, 14, 22, 10, 9, 176, 177, 178, 49, 20, 15, 4, 179, 46];
const builtIn = (id: number) => STYLES.length + id;
/** The built-in Chinese date formats exceljs ignored (see below) are not compared. */
const CHINESE = (id: number) => (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
const comparedStyles = Array.from({ length: STYLES.length + 60 }, (_, i) => i).filter((i) => i < STYLES.length || !CHINESE(i - STYLES.length));
const stylesXml =
  `<numFmts count="4"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="177" formatCode="0.0%"/><numFmt numFmtId="178" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/><numFmt numFmtId="179" formatCode="0\\m"/></numFmts>` +
  `<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
  `<cellXfs count="${STYLES.length + 60}">${STYLES.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`).join('')}${Array.from({ length: 60 }, (_, id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs>` +
  '<dxfs count="1"><dxf><numFmt numFmtId="180" formatCode="yyyy"/></dxf></dxfs>';

const handText = fc
  .array(fc.constantFrom('督办', '事项', ' ', '  ', '\n', '\r\n', '\t', '_x000D_', '_x000d_', '_x005F_x0041_', '_x4E2D_', '&', '<', '>', '"', "'", '&amp;', '&lt;', '1', '😀', 'a'), {
    minLength: 0,
    maxLength: 5,
  })
  .map((p) => p.join(''));
const handCell: fc.Arbitrary<HandCell | null> = fc.oneof(
  fc.constant(null),
  fc.record({ t: fc.constantFrom('s', 'str', 'inlineStr', 'rich', 'inlineRich'), v: handText, link: fc.option(fc.constantFrom('https://x.cn/?a=1&b=2', 'mailto:m@x.cn'), { nil: undefined }) }),
  fc
    .record({
      t: fc.constant('n' as const),
      v: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
        fc.integer({ min: -100_000, max: 3_000_000 }).map(String),
        fc.constantFrom('45991', '45991.5', '0.5', '1E+21', '6.0000000000000009', ' 7 ', '-0', '0'),
      ),
      s: fc.option(fc.constantFrom(...comparedStyles), { nil: undefined }),
      f: fc.option(fc.constantFrom('A1*2', 'NOW()'), { nil: undefined }),
      shared: fc.boolean(),
    })
    .filter((c) => !(c.f && Number.parseFloat(c.v) === 0)),
  fc.record({ t: fc.constantFrom('b' as const), v: fc.constantFrom('1', '0'), f: fc.option(fc.constant('1=1'), { nil: undefined }) }).filter((c) => !(c.f && c.v === '0')),
  fc.record({ t: fc.constantFrom('e' as const), v: fc.constantFrom('#N/A', '#DIV/0!'), f: fc.option(fc.constant('1/0'), { nil: undefined }) }),
  fc.record({ t: fc.constant('n' as const), s: fc.constantFrom(...comparedStyles), link: fc.option(fc.constant('https://x.cn/empty'), { nil: undefined }) }),
);
const handCells = fc.array(fc.array(handCell, { maxLength: 6 }), { maxLength: 8 });

function handParts(rows: (HandCell | null)[][], o: HandOptions): [string, string | Buffer][] {
  const nl = o.pretty ? (o.crlf ? '\r\n' : '\n') : '';
  const ind = o.pretty ? '  ' : '';
  const strings: string[] = [];
  const links: string[] = [];
  const si = (c: HandCell) => {
    const body =
      c.t === 'rich'
        ? `<r><rPr><b/></rPr><t xml:space="preserve">${xml(c.v ?? '')}</t></r>${nl}<r><t>${xml((c.v ?? '').slice(0, 2))}</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh>`
        : `<t xml:space="preserve">${xml(c.v ?? '')}</t>${nl}<phoneticPr fontId="1" type="noConversion"/>`;
    strings.push(`<si>${body}</si>`);
    return strings.length - 1;
  };
  let shared = 0;
  const cellXml = (c: HandCell, ref: string): string => {
    if (c.link) links.push(`<hyperlink ref="${ref}" r:id="rIdL${links.length}" display="x"/>`);
    const s = c.s !== undefined ? ` s="${c.s}"` : '';
    if (c.t === 'n' && c.v === undefined && c.f === undefined) return `<c r="${ref}"${s}/>`;
    const f = c.f ? (c.shared ? (shared++ === 0 ? `<f t="shared" ref="A1:Z99" si="0">${xml(c.f)}</f>` : '<f t="shared" si="0"/>') : `<f>${xml(c.f)}</f>`) : '';
    const v = c.v !== undefined ? `<v>${xml(c.v)}</v>` : '';
    switch (c.t) {
      case 's':
      case 'rich':
        return `<c r="${ref}"${s} t="s"><v>${si(c)}</v></c>`;
      case 'inlineStr':
        return `<c r="${ref}"${s} t="inlineStr"><is><t>${xml(c.v ?? '')}</t></is></c>`;
      case 'inlineRich':
        return `<c r="${ref}" t="inlineStr"><is><r><t>${xml(c.v ?? '')}</t></r><r><rPr><i/></rPr><t>!</t></r></is></c>`;
      case 'str':
        return `<c r="${ref}"${s} t="str">${f}${v}</c>`;
      case 'n':
        return `<c r="${ref}"${s}>${nl}${ind}${ind}${f}${v}${nl}${ind}</c>`;
      default:
        return `<c r="${ref}"${s} t="${c.t}">${f}${v}</c>`;
    }
  };
  const data = rows
    .map(
      (cells, r) =>
        `${ind}<row r="${r + 1}" spans="1:${Math.max(1, cells.length)}">${nl}${cells.map((c, k) => (c ? `${ind}${ind}${cellXml(c, `${col(k)}${r + 1}`)}${nl}` : '')).join('')}${ind}</row>${nl}`,
    )
    .join('');
  const merges = o.merges?.length ? `<mergeCells count="${o.merges.length}">${o.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const sheetXml =
    o.sheetXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${nl}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1"/>${nl}<sheetData>${nl}${data}</sheetData>${merges}${links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const sheetRels = links.map((_, i) => `<Relationship Id="rIdL${i}" Type="${REL}/hyperlink" Target="${xml(rows.flat().filter((c) => c?.link)[i]!.link!)}" TargetMode="External"/>`).join('');
  const sheets = o.sheets ?? [{ name: '台账' }, { name: '下拉', state: 'hidden' }];
  const lines = (s: string) => (o.crlf ? s.replace(/\n/g, '\r\n') : s);
  return [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      lines(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${o.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr defaultThemeVersion="124226"/>'}\n<sheets>${sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${sheets.length - i}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ],
    ...sheets.map((_, i): [string, string] => [
      `xl/worksheets/sheet${i + 1}.xml`,
      i === 0 ? lines(sheetXml) : `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>9</v></c></row></sheetData></worksheet>`,
    ]),
    ...(sheetRels ? [['xl/worksheets/_rels/sheet1.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${sheetRels}</Relationships>`] as [string, string]] : []),
    [
      'xl/sharedStrings.xml',
      lines(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`),
    ],
    ['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}">${stylesXml}</styleSheet>`],
  ];
}

function handWorkbook(rows: (HandCell | null)[][], o: HandOptions): Uint8Array {
  return zip(handParts(rows, o));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A plain zip of deflated entries (APPNOTE.TXT 4.3). */
function zip(files: [string, string | Buffer][]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name0, content] of files) {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(raw);
    const name = Buffer.from(name0, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc32(raw), 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(raw.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dir, end]));
}

/** The zip with the first bytes of one entry's deflated data garbled. */
function corruptPart(bytes: Uint8Array, name: string): Uint8Array {
  const b = Buffer.from(bytes);
  const at = b.indexOf(Buffer.from(name, 'utf8')) + Buffer.byteLength(name);
  for (let i = at; i < at + 8; i++) b[i] = b[i]! ^ 0xa5;
  return new Uint8Array(b);
}
