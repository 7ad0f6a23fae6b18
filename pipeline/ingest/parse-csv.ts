/**
 * CSV text → rows of cells numbered as a spreadsheet shows them: the 1-based record index,
 * where a quoted multi-line cell is one row and an empty line is a row too.
 *
 * The reader is our own, not papaparse: a file typed or patched in Notepad holds quotes that
 * papaparse can only report as errors (InvalidQuotes for `"征求意见稿"已发出`, MissingQuotes
 * for `"征求意见稿 已发出,…` never closed, after which it — and Excel — read the rest of the
 * file as one cell, so every row below vanished into it). Here text after a closing quote is
 * kept as Excel keeps it, and an unclosed quote stays on its own line: that row is marked
 * broken (ingest names it and does not build it) and reading goes on with the next line.
 */
import type { GridRow } from './read-table.ts';

export type Delimiter = ',' | '\t' | ';';

export interface ParsedCsv {
  rows: GridRow[];
  delimiter: Delimiter;
  /** Non-empty records after the first `maxRows`, counted but not kept. */
  unread: number;
}

/** A record whose quote was never closed: which cell opened it, and the record as written. */
export interface BrokenQuote {
  cell: number;
  text: string;
}

/** A record as a row of the grid (read-table.ts): numbered from 1 within the records read. */
export type CsvRecord = GridRow;

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];
/** Rows looked at to choose the delimiter: the header is within the first 10 non-empty ones. */
const PREVIEW_ROWS = 30;
/** Excel's own hint line, written by some exports and hidden by Excel when it opens the file. */
const SEP_LINE = /^sep=(.)\n/i;

/**
 * Comma unless the header says otherwise: the delimiter under which `isHeader` accepts a row
 * of the preview nearest the top wins; failing that, the one that splits the first rows into
 * most cells.
 * Records after the first `maxRows` are only counted, so a file of millions of tiny rows
 * costs no more memory than its text.
 */
export function parseCsv(text: string, isHeader: (cells: readonly string[]) => boolean, maxRows = Infinity): ParsedCsv {
  let body = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let forced: Delimiter | null = null;
  const sep = SEP_LINE.exec(body);
  if (sep) {
    const d = sep[1] as Delimiter;
    if (CANDIDATES.includes(d)) forced = d;
    body = body.slice(sep[0].length);
  }
  const delimiter = forced ?? chooseDelimiter(body, isHeader);
  const read = readRecords(body, delimiter, 0, maxRows);
  return {
    rows: read.records,
    delimiter,
    unread: countRecords(body, delimiter, read.next),
  };
}

/** Non-empty records from `from` on, read a slice at a time. */
function countRecords(body: string, delimiter: Delimiter, from: number): number {
  let count = 0;
  for (let at = from; at < body.length; ) {
    const { records, next } = readRecords(body, delimiter, at, 10_000);
    for (const r of records) if (r.cells.some((c) => c.trim() !== '')) count++;
    at = next;
  }
  return count;
}

function chooseDelimiter(body: string, isHeader: (cells: readonly string[]) => boolean): Delimiter {
  const head = body.slice(0, 65_536);
  const present = CANDIDATES.filter((d) => d === ',' || head.includes(d));
  if (present.length === 1) return ',';
  let widest: Delimiter = ',';
  let widestCells = 0;
  let header: { d: Delimiter; at: number } | null = null;
  for (const d of present) {
    const rows = readRecords(head, d, 0, PREVIEW_ROWS).records.map((r) => r.cells);
    // The header nearest the top wins: a later row read with the wrong delimiter can look like one.
    const at = rows.findIndex((r) => r.length > 1 && isHeader(r));
    if (at >= 0 && (!header || at < header.at)) header = { d, at };
    const cells = rows.reduce((n, r) => Math.max(n, r.length), 0);
    if (cells > widestCells) {
      widest = d;
      widestCells = cells;
    }
  }
  return header?.d ?? widest;
}

const QUOTE = '"';

/**
 * The records of `body` from `from` on (at most `maxRecords`) and where the next one starts,
 * reading quotes as Excel does where the file is sound — a cell that starts with `"` is quoted
 * up to a `"` not doubled, and text after the closing quote up to the delimiter is kept — and
 * keeping an unclosed quote to its own line.
 *
 * A quoted cell that runs over a line could be a real multi-line cell, or a quote typed and
 * never closed whose "closing" quote belongs to some cell further down, the lines between
 * being rows: see neverClosed.
 */
export function readRecords(body: string, delimiter: Delimiter, from = 0, maxRecords = Infinity): { records: CsvRecord[]; next: number } {
  const n = body.length;
  const records: CsvRecord[] = [];
  // Next delimiter and next newline at or after the current position, each found once.
  let nextDelim = -2;
  let nextLine = -2;
  const stopAt = (at: number): number => {
    if (nextDelim !== -1 && nextDelim < at) nextDelim = body.indexOf(delimiter, at);
    if (nextLine !== -1 && nextLine < at) nextLine = body.indexOf('\n', at);
    const d = nextDelim < 0 ? n : nextDelim;
    const l = nextLine < 0 ? n : nextLine;
    return d < l ? d : l;
  };

  // The slips ahead on the path the reader is taking; it starts afresh after each unclosed quote.
  const ahead = slipsAhead(body, delimiter, from);
  let i = from;
  while (i < n && records.length < maxRecords) {
    const start = i;
    const cells: string[] = [];
    let broken: BrokenQuote | undefined;
    for (;;) {
      if (body[i] === QUOTE) {
        const nl = body.indexOf('\n', i);
        const lineEnd = nl < 0 ? n : nl;
        const close = closingQuote(body, i + 1);
        if (close < 0 || (close > lineEnd && neverClosed(body, delimiter, lineEnd, close, ahead))) {
          broken = { cell: cells.length, text: body.slice(start, lineEnd) };
          cells.push(body.slice(i + 1, lineEnd));
          i = lineEnd;
          ahead.restart(lineEnd + 1);
          break;
        }
        const quoted = body.slice(i + 1, close).replaceAll('""', QUOTE);
        const end = stopAt(close + 1);
        cells.push(quoted + body.slice(close + 1, end));
        i = end;
      } else {
        const end = stopAt(i);
        cells.push(body.slice(i, end));
        i = end;
      }
      if (i >= n || body[i] === '\n') break;
      i++;
    }
    const row = records.length + 1;
    records.push(broken ? { row, cells, brokenQuote: broken } : { row, cells });
    // The newline ends the record; a final newline is not an extra empty row.
    i++;
  }
  return { records, next: Math.min(i, n) };
}

/** The quote ending a quoted cell whose text starts at `from` (doubled quotes are text), or -1. */
function closingQuote(body: string, from: number): number {
  let j = from;
  for (;;) {
    const q = body.indexOf(QUOTE, j);
    if (q < 0 || body[q + 1] !== QUOTE) return q;
    j = q + 2;
  }
}

/** How far past the disputed quote the two readings are compared. */
const LOOK_AHEAD = 8192;

/**
 * A quote opened on a line ending at `lineEnd` and "closed" at `close` on a later line: was it
 * never closed (the next line starts a row)? Yes when text follows the closing quote (no
 * spreadsheet writes a multi-line cell so); no when the closing quote ends a cell's text. The
 * one doubtful case is a closing quote where a quoted cell could just as well open (the cell
 * would then start with a delimiter or a line break): both readings go on over the text that
 * follows, and the one with fewer slips wins, the unclosed quote counting as one. On a tie
 * the multi-line cell stays, as every spreadsheet reads it — unless the text is slipping
 * anyway and the cell would swallow a whole line holding the delimiter, which is a row.
 */
function neverClosed(body: string, delimiter: Delimiter, lineEnd: number, close: number, ahead: SlipsAhead): boolean {
  const after = close + 1;
  if (after < body.length && body[after] !== delimiter && body[after] !== '\n') return true;
  let run = close;
  while (body[run - 1] === QUOTE) run--;
  if (body[run - 1] !== delimiter && body[run - 1] !== '\n') return false;
  const limit = close + LOOK_AHEAD;
  // Read as a cell, the text goes on without a slip: nothing to weigh (and a sound file is read in one pass).
  if (after >= body.length || !ahead.any(after + 1, limit)) return false;
  const asCell = slips(body, delimiter, after + 1, limit).count;
  const asRows = 1 + slips(body, delimiter, lineEnd + 1, limit).count;
  if (asRows !== asCell) return asRows < asCell;
  const lastLine = body.lastIndexOf('\n', close);
  const d = body.indexOf(delimiter, lineEnd + 1);
  return d >= 0 && d < lastLine;
}

/**
 * Reading cell by cell from the start of a cell at `at` until `limit` is passed, as readRecords
 * does, where the text holds what no spreadsheet writes: a quote never closed, a quote inside
 * an unquoted cell, text after a closing quote. `next` is where reading stopped, a cell start.
 */
function slips(body: string, delimiter: Delimiter, at: number, limit: number, found?: number[]): { count: number; next: number } {
  const n = body.length;
  let count = 0;
  const slip = (p: number) => {
    count++;
    found?.push(p);
  };
  let i = at;
  while (i < n && i < limit) {
    if (body[i] === QUOTE) {
      const nl = body.indexOf('\n', i);
      const lineEnd = nl < 0 ? n : nl;
      const close = closingQuote(body, i + 1);
      const k = close + 1;
      const clean = close >= 0 && (k >= n || body[k] === delimiter || body[k] === '\n');
      if (clean) {
        i = k + 1;
        continue;
      }
      slip(i);
      if (close < 0 || close > lineEnd) {
        i = lineEnd + 1;
        continue;
      }
      i = k;
    }
    while (i < n && body[i] !== delimiter && body[i] !== '\n') {
      if (body[i] === QUOTE) slip(i);
      i++;
    }
    i++;
  }
  return { count, next: i };
}

interface SlipsAhead {
  /** Whether reading on from the current path meets a slip in [from, to). */
  any(from: number, to: number): boolean;
  /** The reader resumes at a line start off the path read so far. */
  restart(at: number): void;
}

/** The slips on the reader's path, found by reading ahead once, never twice over the same stretch. */
function slipsAhead(body: string, delimiter: Delimiter, start: number): SlipsAhead {
  let at = start;
  let found: number[] = [];
  let first = 0;
  return {
    any(from, to) {
      if (at < to) at = slips(body, delimiter, at, to, found).next;
      while (first < found.length && found[first]! < from) first++;
      return first < found.length && found[first]! < to;
    },
    restart(next) {
      at = next;
      found = [];
      first = 0;
    },
  };
}
