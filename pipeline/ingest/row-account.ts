/**
 * Row accounting (spec §1: nothing silently dropped). Ingest names every row it does not
 * pass on (a note, an unclosed quote, rows over the limit); this checks the rest of the way:
 * every row a table passed on became a record or is named by an error or info issue.
 * A row that did neither was lost by duban itself, and `check` says so rather than pass.
 */
import { issue, type Issue } from '../model/issue.ts';
import type { RawTable } from '../model/ledger.ts';
import type { Located, Records } from '../model/records.ts';

export interface LostRow {
  file: string;
  row: number;
}

/** Rows of `tables` that are neither a record nor the row of an error or info issue. */
export function unaccountedRows(tables: readonly RawTable[], records: Records, issues: readonly Issue[]): LostRow[] {
  // Per file, a flag per row number up to the last row any of its tables passed on.
  const seen = new Map<string, Uint8Array>();
  for (const t of tables) {
    const last = t.rows.at(-1)?.row ?? 0;
    const had = seen.get(t.file);
    if (!had || had.length <= last) seen.set(t.file, new Uint8Array(Math.max(last + 1, had?.length ?? 0)));
  }
  const see = (file: string, row: number) => {
    const flags = seen.get(file);
    if (flags && row < flags.length) flags[row] = 1;
  };
  for (const list of Object.values(records) as unknown[][]) {
    for (const r of list) {
      const at = r as Partial<Located>;
      if (typeof at.row === 'number' && typeof at.file === 'string') see(at.file, at.row);
    }
  }
  for (const i of issues) if (i.row !== null && i.severity !== 'warning') see(i.file, i.row);
  const lost: LostRow[] = [];
  for (const t of tables) {
    const flags = seen.get(t.file)!;
    for (const r of t.rows) if (flags[r.row] !== 1) lost.push({ file: t.file, row: r.row });
  }
  return lost;
}

/** One error per lost row, so the summary and the exit code show it. */
export function lostRowIssues(lost: readonly LostRow[]): Issue[] {
  return lost.map((l) =>
    issue(
      'error',
      'E_ROW_LOST',
      { file: l.file, row: l.row },
      `第 ${l.row} 行已读取，但既没有成为台账记录，也没有说明原因（程序缺陷）`,
      '请把这个文件交给技术支持；在此之前请核对这一行的内容是否已体现在生成的文件中。',
    ),
  );
}
