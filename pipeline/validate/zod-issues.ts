/** zod issues → Issue values that point at the spreadsheet cell the user must fix. */
import type { z } from 'zod';
import { issue, type Issue } from '../model/issue.ts';
import type { RawRow, RawTable } from '../model/ledger.ts';
import type { FieldProblem } from './row-fields.ts';

export function toIssues(table: RawTable, row: RawRow, zodIssues: readonly z.core.$ZodIssue[]): Issue[] {
  return zodIssues.map((zi) => {
    const column = typeof zi.path[0] === 'string' ? zi.path[0] : null;
    const params = (zi as { params?: Partial<FieldProblem> }).params;
    return issue(
      'error',
      params?.code ?? 'E_REQUIRED',
      {
        file: table.file,
        row: row.row,
        column: column ? (table.headerText[column] ?? column) : null,
        value: column ? (row.values[column] ?? table.fileValues[column] ?? '') : null,
      },
      zi.message,
      params?.hint ?? '',
    );
  });
}

/** The row's cells, completed by file-level values (title lines, file name) for columns the table lacks. */
export function cellsOf(table: RawTable, row: RawRow): Record<string, string> {
  const out: Record<string, string> = { ...table.fileValues };
  for (const [k, v] of Object.entries(row.values)) {
    if (v !== '' || !(k in out)) out[k] = v;
  }
  return out;
}
