/**
 * Ledger rows read against a shape of cell readers: column → (cell text → value or problem).
 *
 * This was a zod object per row; zod's per-field payloads, issue arrays and pipes cost more than
 * everything else validate does, for 100,000 rows. The rules are the ones the zod objects had:
 * every column of the shape is read, in shape order, a missing cell reading as ''; each bad cell
 * is one problem (our issue code, message and hint); a reader chained onto another (`andThen`) runs
 * only on a good value; a row rule (`refine`) runs only when every cell was good.
 */
import { issue, type Issue, type IssueCode } from '../model/issue.ts';
import type { RawRow, RawTable } from '../model/ledger.ts';

/** What is wrong with one cell, as the user will be told. */
export class CellProblem {
  constructor(
    readonly code: IssueCode,
    readonly message: string,
    readonly hint: string,
  ) {}
}

export function problem(code: IssueCode, message: string, hint: string): CellProblem {
  return new CellProblem(code, message, hint);
}

/** One column's reading of its cell ('' when the row has no such cell). */
export type CellReader<T> = (cell: string) => T | CellProblem;

/** A reader whose good value goes on to `next` (a zod `.transform` after a schema). Not named `then`: a module exporting `then` is a thenable, and awaiting its import never ends. */
export function andThen<A, B>(reader: CellReader<A>, next: (value: A) => B | CellProblem): CellReader<B> {
  return (cell) => {
    const v = reader(cell);
    return v instanceof CellProblem ? v : next(v);
  };
}

export type Shape = Record<string, CellReader<unknown>>;
export type RowOf<S extends Shape> = { [K in keyof S]: Exclude<ReturnType<S[K]>, CellProblem> };

/** A problem of a row, at the column it names. */
export interface RowProblem {
  column: string;
  problem: CellProblem;
}

export type RowRead<T> = { ok: true; data: T } | { ok: false; problems: RowProblem[] };

/** A row's cells by canonical column; undefined when the row has none. */
export type Cells = (column: string) => string | undefined;

export interface RowSchema<T> {
  read(cells: Cells): RowRead<T>;
}

export function rowSchema<S extends Shape>(shape: S, refine?: (r: RowOf<S>) => RowProblem[]): RowSchema<RowOf<S>> {
  const columns = Object.keys(shape);
  const readers = columns.map((c) => shape[c]!);
  return {
    read(cells) {
      const data: Record<string, unknown> = {};
      let problems: RowProblem[] | null = null;
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k]!;
        const v = readers[k]!(cells(column) ?? '');
        if (v instanceof CellProblem) (problems ??= []).push({ column, problem: v });
        else data[column] = v;
      }
      if (problems === null && refine) {
        const more = refine(data as RowOf<S>);
        if (more.length > 0) problems = more;
      }
      return problems === null ? { ok: true, data: data as RowOf<S> } : { ok: false, problems };
    },
  };
}

/**
 * A row's cell, completed by the table's file-level values (title lines, file name) where the
 * row's own is missing, or empty and the file gives one.
 */
export function cellOf(table: RawTable, row: RawRow, column: string): string | undefined {
  const v = row.values[column];
  return v !== undefined && (v !== '' || !(column in table.fileValues)) ? v : table.fileValues[column];
}

/** The cells of a row as a reader sees them. */
export function cellsOf(table: RawTable, row: RawRow): Cells {
  return (column) => cellOf(table, row, column);
}

/** Row problems → Issue values pointing at the spreadsheet cell the user must fix. */
export function rowIssues(table: RawTable, row: RawRow, problems: readonly RowProblem[]): Issue[] {
  return problems.map(({ column, problem: p }) =>
    issue('error', p.code, { file: table.file, row: row.row, column: table.headerText[column] ?? column, value: row.values[column] ?? table.fileValues[column] ?? '' }, p.message, p.hint),
  );
}

/** The record a schema reads. */
export type RowData<X> = X extends RowSchema<infer T> ? T : never;
