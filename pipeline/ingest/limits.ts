/**
 * How much of one file duban reads, in one place. A ledger is a few thousand rows of short
 * text; these bounds are far above any real one and keep one runaway value (a pasted
 * 2,000,000-character 事项, a 200 KB workbook that inflates to 200 MB) from taking the
 * build, the terminal or the machine down. Whatever goes over a bound is named in an Issue.
 */
import { issue, type Issue } from '../model/issue.ts';

export interface IngestLimits {
  /** Characters in one cell; a longer cell is cut here with W_CELL_TOO_LONG (Excel's own cell limit). */
  cellChars: number;
  /** Bytes of a CSV file (and of any file read at all); a larger file is refused with E_FILE_TOO_LARGE. */
  fileBytes: number;
  /** Bytes of an XLSX workbook once unzipped (all entries together), read from the zip's directory before unzipping. */
  inflatedBytes: number;
  /** An entry that unzips to more than `ratioFloorBytes` and more than this many times its packed size is a zip bomb. */
  compressionRatio: number;
  ratioFloorBytes: number;
  /** Data rows read per table; the rest are named in one E_TOO_MANY_ROWS. */
  tableRows: number;
}

export const LIMITS: IngestLimits = {
  cellChars: 32_767,
  fileBytes: 100 * 1024 * 1024,
  inflatedBytes: 100 * 1024 * 1024,
  compressionRatio: 500,
  ratioFloorBytes: 1024 * 1024,
  tableRows: 200_000,
};

/** Bytes in words a secretary reads: 1.5 MB, 200 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** A file over the byte limit, not read at all. */
export function fileTooLarge(file: string, size: number, limits: IngestLimits): Issue {
  return issue(
    'error',
    'E_FILE_TOO_LARGE',
    { file },
    `文件有 ${megabytes(size)}，超过 ${megabytes(limits.fileBytes)} 的上限，未读取`,
    '请把台账拆成几个较小的文件（例如按年度或单位），或删去不需要的内容后重新保存。',
  );
}
