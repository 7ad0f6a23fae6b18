import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';

/** Whatever the bytes, ingest returns tables and issues; it never throws, and a file gives a table or an issue. */
async function checkNeverThrows(path: string, bytes: Uint8Array): Promise<void> {
  const r = await ingestFiles([{ path, bytes }]);
  expect(r.tables.length + r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues) {
    expect(i.file).toBe(path);
    expect(i.message).not.toBe('');
  }
  for (const t of r.tables) for (const row of t.rows) expect(row.row).toBeGreaterThan(t.headerRow);
}

const piece = fc.oneof(
  fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', '\t', ';', '：', ' ', '\u3000', '\ufeff', '1.', '备注：'),
  fc.constantFrom('编号', '序号', '事项', '内容', '承办单位', '承办部门', '制发单位', '制度名称', '执行现状', '是否完成', '整改措施', '类别', '公开范围', '日期', '类型'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const csvLike = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('ingestFiles never throws', () => {
  it('on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => checkNeverThrows('x.csv', bytes)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary bytes behind a ZIP signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (b) => checkNeverThrows('x.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]))),
      { numRuns: 50 },
    );
  });

  it('on CSV-like strings encoded as UTF-8 (with or without BOM) or GBK', async () => {
    await fc.assert(
      fc.asyncProperty(csvLike, fc.constantFrom('utf8', 'utf8bom', 'gbk', 'gb18030', 'utf16le'), async (s, enc) => {
        const bytes =
          enc === 'utf8'
            ? new TextEncoder().encode(s)
            : enc === 'utf8bom'
              ? new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)])
              : enc === 'utf16le'
                ? new Uint8Array([0xff, 0xfe, ...iconv.encode(s, 'utf16le')])
                : new Uint8Array(iconv.encode(s, enc));
        await checkNeverThrows('台账.csv', bytes);
      }),
      { numRuns: 400 },
    );
  });

  it('reads back what it was given: GBK or UTF-8, the same cells', async () => {
    const cell = fc.string({ unit: fc.constantFrom(...'督办事项教务处人事处，、；甲乙丙 0123abc"\n'.split('')), minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), fc.constantFrom('utf8', 'gbk'), async (rows, enc) => {
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = ['编号,事项,承办单位', ...rows.map((r) => r.map(q).join(','))].join('\r\n');
        const bytes = enc === 'utf8' ? new TextEncoder().encode(text) : new Uint8Array(iconv.encode(text, 'gbk'));
        const r = await ingestFiles([{ path: 'a.csv', bytes }]);
        expect(r.tables).toHaveLength(1);
        const kept = rows.filter((cells) => cells.some((c) => c.trim() !== ''));
        const got = r.tables[0]?.rows.map((x) => [x.values.编号, x.values.事项, x.values.承办单位]) ?? [];
        // Trailing one-cell rows may be read as notes; everything else comes back trimmed and intact.
        expect(got).toEqual(kept.slice(0, got.length).map((cells) => cells.map((c) => c.trim())));
      }),
      { numRuns: 200 },
    );
  });
});
