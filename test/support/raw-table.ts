/** Builds a RawTable from a header and rows of cells, the way ingest would, for validate tests. */
import type { LedgerKind, RawTable } from '../../pipeline/model/ledger.ts';

export function rawTable(kind: LedgerKind, header: string[], rows: string[][], opts: { file?: string; fileValues?: Record<string, string>; headerRow?: number } = {}): RawTable {
  const file = opts.file ?? '台账.csv';
  const headerRow = opts.headerRow ?? 1;
  return {
    file,
    kind,
    headerRow,
    headerText: Object.fromEntries(header.map((h) => [h, h])),
    fileValues: opts.fileValues ?? {},
    baseName: file.replace(/^.*\//, '').replace(/\.[^.]+$/, ''),
    rows: rows.map((cells, i) => ({
      row: headerRow + 1 + i,
      values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])),
    })),
  };
}
