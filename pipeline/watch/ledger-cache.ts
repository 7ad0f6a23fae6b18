/**
 * Incremental reading for watch mode: a file whose bytes did not change is not decoded again,
 * and a file that breaks (a half-saved or wrong file) is replaced by its last good version until
 * it is fixed, so its outputs stay as they were instead of disappearing.
 */
import type { IsoDate } from '../model/dates.ts';
import { compareIssues, issue, type Issue } from '../model/issue.ts';
import type { RawTable, SourceFile } from '../model/ledger.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { ingestFiles } from '../ingest/ingest.ts';
import { hashBytes } from '../write/manifest.ts';
import { analyzeLedgers, ledgersFingerprint, type Analyzed, type Ledgers } from '../app/ledgers.ts';

interface Version {
  hash: string;
  tables: RawTable[];
  issues: Issue[];
}

export interface CacheRead {
  ledgers: Ledgers;
  /** The scan's own issues (files named but not read), kept for a rebuild from last good versions. */
  scanIssues: readonly Issue[];
  added: string[];
  changed: string[];
  removed: string[];
}

export class LedgerCache {
  private current = new Map<string, Version>();
  private lastGood = new Map<string, Version>();

  /** `files` and `scanIssues` come from scanFolder (the file-system edge). */
  async read(files: readonly SourceFile[], scanIssues: readonly Issue[], columns?: OfficeConfig['columns']): Promise<CacheRead> {
    const added: string[] = [];
    const changed: string[] = [];
    const seen = new Set<string>();
    const next = new Map<string, Version>();
    for (const f of files) {
      seen.add(f.path);
      const hash = hashBytes(f.bytes);
      const prev = this.current.get(f.path);
      if (prev && prev.hash === hash) {
        next.set(f.path, prev);
        continue;
      }
      const r = await ingestFiles([f], undefined, { columns });
      next.set(f.path, { hash, tables: r.tables, issues: r.issues });
      (prev ? changed : added).push(f.path);
    }
    const removed = [...this.current.keys()].filter((p) => !seen.has(p));
    for (const p of removed) this.lastGood.delete(p);
    this.current = next;
    return { ledgers: this.assemble(next, scanIssues), scanIssues, added, changed, removed };
  }

  /**
   * Analyses the ledgers; files with errors that had an error-free earlier version are built from
   * that version instead, and say so. Their new errors are still reported.
   */
  analyze(read: CacheRead, asOf: IsoDate, config: OfficeConfig): { analyzed: Analyzed; heldBack: string[] } {
    const first = analyzeLedgers(read.ledgers, asOf, config);
    const broken = new Set(first.analysis.issues.filter((i) => i.severity === 'error').map((i) => i.file));
    const heldBack = [...broken].filter((p) => this.lastGood.has(p) && this.lastGood.get(p)!.hash !== this.current.get(p)?.hash).sort();
    for (const [p, v] of this.current) if (!broken.has(p)) this.lastGood.set(p, v);
    if (heldBack.length === 0) return { analyzed: first, heldBack };

    const substituted = new Map(this.current);
    for (const p of heldBack) substituted.set(p, this.lastGood.get(p)!);
    const second = analyzeLedgers(this.assemble(substituted, read.scanIssues), asOf, config);
    const held = new Set(heldBack);
    const notes = heldBack.map((p) => issue('warning', 'W_LAST_GOOD_VERSION', { file: p }, `「${p}」有错误，暂用上次正确的版本生成输出`, '改正上面列出的错误并保存后，会自动用新版本重新生成。'));
    second.analysis.issues = [...second.analysis.issues.filter((i) => !held.has(i.file)), ...first.analysis.issues.filter((i) => held.has(i.file)), ...notes].sort(compareIssues);
    return { analyzed: second, heldBack };
  }

  private assemble(versions: Map<string, Version>, scanIssues: readonly Issue[]): Ledgers {
    const paths = [...versions.keys()].sort();
    return {
      tables: paths.flatMap((p) => versions.get(p)!.tables),
      issues: [...scanIssues, ...paths.flatMap((p) => versions.get(p)!.issues)],
      fileCount: paths.length,
      fingerprint: ledgersFingerprint(paths.map((p) => ({ path: p, hash: versions.get(p)!.hash }))),
    };
  }
}
