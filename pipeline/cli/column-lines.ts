/**
 * `duban check`: which column of each file was taken for what, for the tables where duban did
 * more than read a standard name or alias — a guess (I_GUESSED_COLUMN), the office's `columns`
 * mapping, a looser reading of a header, a header merged across columns, a two-row header, a
 * section column, a unit from the file name — so that a wrong guess is seen at once (spec §1).
 */
import type { ColumnNote, RawTable } from '../model/ledger.ts';
import { terminalText } from '../model/control-chars.ts';
import type { Style } from './summary.ts';

const HOW: Record<ColumnNote['how'], string> = {
  name: '',
  alias: '',
  mapped: '按 office.json 的 columns',
  similar: '按相近的列名',
  guessed: '猜测，见 I_GUESSED_COLUMN',
  merged: '表头横跨的列',
  also: '列名中的第二项',
  section: '各行的分节',
  file: '整表属于这个单位',
};

/** Lines for check's text output; empty when every table was read by its names and aliases only. */
export function columnLines(tables: readonly RawTable[], style: Style): string[] {
  const lines: string[] = [];
  for (const t of tables) {
    const notes = t.columns ?? [];
    if (!notes.some((n) => n.how !== 'name' && n.how !== 'alias') && !notes.some((n) => /（/u.test(n.header))) continue;
    const where = t.sheet === undefined ? t.file : `${t.file}「${t.sheet}」`;
    const parts = notes.map((n) => {
      const how = HOW[n.how];
      return `「${n.header}」→ ${n.column}${how ? `（${how}）` : ''}`;
    });
    lines.push(`  ${terminalText(where)}（第 ${t.headerRow} 行表头）：${terminalText(parts.join('；'))}`);
  }
  return lines.length === 0 ? [] : [style.bold('列的读取：'), ...lines];
}
