/** Wires the stages: folder → ingest → validate → analyze. No logic of its own. */
import { createHash } from 'node:crypto';
import type { Analysis } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { Issue } from '../model/issue.ts';
import type { RawTable } from '../model/ledger.ts';
import type { Records } from '../model/records.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { scanFolder } from '../ingest/scan-folder.ts';
import { ingestFiles } from '../ingest/ingest.ts';
import { lostRowIssues, unaccountedRows } from '../ingest/row-account.ts';
import { validateTables } from '../validate/validate-tables.ts';
import { analyze } from '../analyze/analyze.ts';
import { hashBytes } from '../write/manifest.ts';

export interface Ledgers {
  tables: RawTable[];
  issues: Issue[];
  fileCount: number;
  /** The files read, by path and bytes: what the render memo keys outputs of the whole analysis on. */
  fingerprint?: string;
}

/** One fingerprint of a set of ledger files, from their paths and the hashes of their bytes. */
export function ledgersFingerprint(files: readonly { path: string; hash: string }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) h.update(f.path).update('\0').update(f.hash).update('\n');
  return h.digest('base64url');
}

/** `config.columns`: the office's own column names (templates/office.json, spec §1). */
/** `o.fingerprint`: also fingerprint the files (a build's render memo needs it; `check` does not). */
export async function readLedgers(dataDir: string, config?: Pick<OfficeConfig, 'columns'>, o: { fingerprint?: boolean } = {}): Promise<Ledgers> {
  const scanned = await scanFolder(dataDir);
  const ingested = await ingestFiles(scanned.files, undefined, { columns: config?.columns });
  const ledgers: Ledgers = { tables: ingested.tables, issues: [...scanned.issues, ...ingested.issues], fileCount: scanned.files.length };
  if (o.fingerprint) ledgers.fingerprint = ledgersFingerprint(scanned.files.map((f) => ({ path: f.path, hash: hashBytes(f.bytes) })));
  return ledgers;
}

export interface Analyzed {
  records: Records;
  /** ingest + validate issues, before analysis adds its own. */
  inputIssues: Issue[];
  analysis: Analysis;
}

export function analyzeLedgers(ledgers: Ledgers, asOf: IsoDate, config: OfficeConfig): Analyzed {
  const validated = validateTables(ledgers.tables, asOf);
  const found = [...ledgers.issues, ...validated.issues];
  // Spec §1: no row vanishes. A row that became nothing and was named by nothing is reported.
  const inputIssues = [...found, ...lostRowIssues(unaccountedRows(ledgers.tables, validated.records, found))];
  return { records: validated.records, inputIssues, analysis: analyze(validated.records, asOf, config, inputIssues) };
}

/** The same records seen at another date (a past month's report or bulletin). */
export function reanalyze(a: Analyzed, asOf: IsoDate, config: OfficeConfig): Analysis {
  return analyze(a.records, asOf, config, a.inputIssues);
}
