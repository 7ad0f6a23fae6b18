/**
 * Data problems travel as values, never as exceptions: every stage returns the
 * issues it found next to what it could still build.
 */
import { byCodePoint } from './text-order.ts';
export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  | 'E_ENCODING'
  | 'E_UNKNOWN_KIND'
  | 'E_EMPTY_FILE'
  | 'E_MISSING_COLUMN'
  | 'E_REQUIRED'
  | 'E_DATE'
  | 'E_DEADLINE'
  | 'E_ENUM'
  | 'E_DUPLICATE_ID'
  | 'E_REFERENCE'
  | 'E_CONSISTENCY'
  | 'E_CONFIG'
  | 'E_QUOTE'
  | 'E_FILE_TOO_LARGE'
  | 'E_TOO_MANY_ROWS'
  | 'E_ROW_LOST'
  | 'W_UNKNOWN_UNIT'
  | 'W_NO_DEADLINE'
  | 'W_CALENDAR_YEAR'
  | 'W_REPEATED_SEQ'
  | 'W_LATE_EXTENSION'
  | 'W_LONG_EXTENSION'
  | 'W_SECOND_EXTENSION'
  | 'W_NO_SELF_CHECK'
  | 'W_IGNORED_FILE'
  | 'W_DUPLICATE_COLUMN'
  | 'W_LAST_GOOD_VERSION'
  | 'W_REGISTER_ITEM'
  | 'W_FEEDBACK_UNIT'
  | 'W_FEEDBACK_REQUEST'
  | 'W_CELL_TOO_LONG'
  | 'W_EXTRA_CELLS'
  | 'W_NO_ID'
  | 'W_MILESTONE'
  | 'I_GUESSED_COLUMN'
  | 'I_SECTION_ROW'
  | 'I_CONTINUED_ROW'
  | 'I_NOTE_ROW'
  | 'I_SKIPPED_ROW'
  | 'I_SKIPPED_FILE';

export interface Issue {
  severity: Severity;
  code: IssueCode;
  /** Relative to the data folder, POSIX separators. */
  file: string;
  /** 1-based row as a spreadsheet shows it (header row counted); null for file-level issues. */
  row: number | null;
  /** Column name as written in the file's header (or the canonical name). */
  column: string | null;
  value: string | null;
  /** Chinese, says what is wrong. */
  message: string;
  /** Chinese, says how to fix it. */
  hint: string;
}

/** Longest value an Issue carries, and longest text quoted 「…」 in its message or hint: a 2,000,000-character cell is named, not repeated. */
export const ISSUE_VALUE_CHARS = 200;
export const ISSUE_QUOTE_CHARS = 60;

export function issue(severity: Severity, code: IssueCode, at: { file: string; row?: number | null; column?: string | null; value?: string | null }, message: string, hint = ''): Issue {
  return {
    severity,
    code,
    file: at.file,
    row: at.row ?? null,
    column: at.column === null || at.column === undefined ? null : bounded(at.column, ISSUE_QUOTE_CHARS),
    value: at.value === null || at.value === undefined ? null : bounded(at.value, ISSUE_VALUE_CHARS),
    message: boundQuotes(message),
    hint: boundQuotes(hint),
  };
}

/** Longest message or hint, whatever it quotes. */
const ISSUE_TEXT_CHARS = 2000;

/** `text` cut to `max` UTF-16 units (never splitting a surrogate pair), `mark` appended when cut. */
export function bounded(text: string, max: number, mark = '…'): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end) + mark;
}

function boundQuotes(text: string): string {
  if (text.length <= ISSUE_QUOTE_CHARS) return text;
  const quoted = text.replace(/「([^「」]*)」/g, (whole, inner: string) => (inner.length > ISSUE_QUOTE_CHARS ? `「${bounded(inner, ISSUE_QUOTE_CHARS)}」` : whole));
  return bounded(quoted, ISSUE_TEXT_CHARS);
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, row, severity, code, column. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    byCodePoint(a.file, b.file) || (a.row ?? 0) - (b.row ?? 0) || severityOrder[a.severity] - severityOrder[b.severity] || byCodePoint(a.code, b.code) || byCodePoint(a.column ?? '', b.column ?? '')
  );
}
