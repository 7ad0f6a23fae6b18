/** What ingest hands to validate: tables of text, recognised by kind, values keyed by canonical column. */
export type LedgerKind =
  | 'items' // 督办事项 §2.1
  | 'reminders' // 催办记录 §2.2
  | 'units' // 单位名录 §2.3
  | 'holidays' // 节假日 §2.4
  | 'selfChecks' // 制度执行自查 §2.5
  | 'rectifications' // 制度执行整改 §2.6
  | 'regulations' // 制度目录 §2.7
  | 'disclosures' // 公开事项 §2.8
  | 'submissionRequirements' // 报送要求 §2.9
  | 'docRegister' // 发文登记 §2.12
  | 'feedback' // 进展反馈 §2.10
  | 'reviews'; // 审核记录 §2.11

export const LEDGER_KIND_NAMES: Record<LedgerKind, string> = {
  items: '督办事项',
  reminders: '催办记录',
  units: '单位名录',
  holidays: '节假日',
  selfChecks: '制度执行自查表',
  rectifications: '制度执行整改表',
  regulations: '制度目录',
  disclosures: '公开事项',
  submissionRequirements: '报送要求',
  docRegister: '发文登记',
  feedback: '进展反馈',
  reviews: '审核记录',
};

export interface RawRow {
  /** 1-based line of the record as a spreadsheet shows it. */
  row: number;
  /** Canonical column name → trimmed text ('' when empty). Only known columns. */
  values: Record<string, string>;
  /** The section headings above the row (spec §1: `一、…`, `（一）…`), outermost first, joined by ` / `; absent when none. */
  section?: string;
  /** Canonical columns whose value is a copy of a cell merged down from the row above (XLSX/XLS), not the row's own. */
  merged?: string[];
}

/**
 * How a table's columns were read, for `duban check`: by name or alias, through the office's
 * `columns` mapping, by a looser reading of an alias (主要责任单位), guessed (I_GUESSED_COLUMN),
 * as part of a header merged across columns, as the second name of a compound header
 * (牵头单位及主要负责人 → 责任人), or as the rows' section (大类: 一、…).
 */
export interface ColumnNote {
  /** The header as written (two-row headers: 「完成时限（止）」). */
  header: string;
  column: string;
  how: 'name' | 'alias' | 'mapped' | 'similar' | 'guessed' | 'merged' | 'also' | 'section' | 'file';
}

export interface RawTable {
  /** Relative to the data folder, POSIX separators. */
  file: string;
  /** Sheet name for XLSX input. */
  sheet?: string;
  kind: LedgerKind;
  /** 1-based row of the header. */
  headerRow: number;
  /** Canonical column → header text as written in the file (for messages). */
  headerText: Record<string, string>;
  /**
   * File-level values for columns the table lacks: title lines `键：值` above the header
   * (填报单位：教务处, 填报日期：2022-11-10) and a 填报单位 candidate from the file name.
   * Keys are canonical column names.
   */
  fileValues: Record<string, string>;
  /** The file name without extension (for 序号-based ids). */
  baseName: string;
  rows: RawRow[];
  /** How each read column was found (for check); absent on tables built by hand. */
  columns?: ColumnNote[];
  /**
   * A 督办事项 table without a unit column, no unit in its title lines: the unit its file name
   * seems to name (`教务处2026年重点工作任务分解表`), for validate to check against the directory.
   */
  nameUnit?: string;
}

/** One input file as bytes; the file system stays at the edge. */
export interface SourceFile {
  /** Relative to the data folder, POSIX separators. */
  path: string;
  bytes: Uint8Array;
}
