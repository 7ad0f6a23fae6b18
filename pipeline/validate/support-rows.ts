/** The supporting ledgers: 催办记录 (§2.2), 单位名录 (§2.3), 节假日 (§2.4). */
import type { Issue } from '../model/issue.ts';
import type { RawTable } from '../model/ledger.ts';
import type { HolidayRecord, ReminderRecord, UnitRecord } from '../model/records.ts';
import { enumField, requiredDate, requiredText, text } from './row-fields.ts';
import { cellsOf, rowIssues, rowSchema, type Cells, type RowSchema } from './row-schema.ts';
import { cleanUnitName } from './unit-names.ts';

const reminderRow = rowSchema({
  编号: requiredText('编号'),
  催办日期: requiredDate('催办日期'),
  催办方式: text,
  催办人: text,
  签收人: text,
  备注: text,
});

const unitRow = rowSchema({
  单位: requiredText('单位'),
  简称: text,
  类别: text,
  负责人: text,
  联络员: text,
  联系电话: text,
  分管校领导: text,
});

const HOLIDAY_TYPES: Record<string, '休' | '班'> = {
  休: '休',
  休息: '休',
  假日: '休',
  放假: '休',
  节假日: '休',
  假: '休',
  班: '班',
  上班: '班',
  补班: '班',
  工作日: '班',
  调休上班: '班',
};

const holidayRow = rowSchema({
  日期: requiredDate('日期'),
  类型: enumField('类型', HOLIDAY_TYPES, null),
  名称: text,
});

/** Validates each row of a table with one schema; rows with errors are dropped and named. */
export function rowsOf<T, R>(table: RawTable, schema: RowSchema<T>, build: (r: T, at: { file: string; row: number }, cells: Cells) => R): { records: R[]; issues: Issue[] } {
  const records: R[] = [];
  const issues: Issue[] = [];
  for (const row of table.rows) {
    const cells = cellsOf(table, row);
    const read = schema.read(cells);
    if (read.ok) records.push(build(read.data, { file: table.file, row: row.row }, cells));
    else issues.push(...rowIssues(table, row, read.problems));
  }
  return { records, issues };
}

export function validateReminders(table: RawTable) {
  return rowsOf(
    table,
    reminderRow,
    (r, at): ReminderRecord => ({
      file: at.file,
      row: at.row,
      itemId: r.编号,
      date: r.催办日期,
      method: r.催办方式,
      by: r.催办人,
      signedBy: r.签收人,
      note: r.备注,
    }),
  );
}

export function validateUnits(table: RawTable) {
  return rowsOf(
    table,
    unitRow,
    (r, at): UnitRecord => ({
      file: at.file,
      row: at.row,
      name: cleanUnitName(r.单位),
      aliases: r.简称
        .split(/[、，,；;/／\s]+/u)
        .map(cleanUnitName)
        .filter((a) => a !== ''),
      category: r.类别,
      head: r.负责人,
      liaison: r.联络员,
      phone: r.联系电话,
      leader: r.分管校领导,
    }),
  );
}

export function validateHolidays(table: RawTable) {
  return rowsOf(table, holidayRow, (r, at): HolidayRecord => ({ file: at.file, row: at.row, date: r.日期, off: r.类型 === '休', name: r.名称 }));
}
