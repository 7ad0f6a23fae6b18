/**
 * A workbook of printable table sheets, written with exceljs' streaming writer into memory, with
 * every zip entry stamped at one fixed moment so the same data gives the same bytes. Shared by the
 * report and the campaign workbooks, so both follow the same rules: plain string cells only (sheet-writer), A4
 * landscape, frozen headers.
 */
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs.ts';
import { writeSheet, type SheetSpec } from './sheet-writer.ts';
import { fixZipTimes } from './zip-times.ts';

export interface WorkbookMeta {
  /** Document properties and zip entry times. */
  when: Date;
  /** 创建者 / 最后修改者: the office. */
  author: string;
}

export async function renderWorkbook(sheets: readonly SheetSpec[], meta: WorkbookMeta): Promise<Uint8Array> {
  const Excel = await loadExcelJS();
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    // Shared strings: unit names and status words repeat on every row; also the form Excel itself
    // writes, so no reader falls back to formula-result string cells.
    useSharedStrings: true,
    created: meta.when,
    modified: meta.when,
    creator: meta.author,
    lastModifiedBy: meta.author,
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  for (const sheet of sheets) await writeSheet(workbook, sheet);
  await workbook.commit();
  return fixZipTimes(new Uint8Array(Buffer.concat(chunks)), meta.when);
}
