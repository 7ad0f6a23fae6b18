/**
 * One benchmark run in its own process (so peak memory is this size's alone): generate N items,
 * then time each stage of a build and record the process's peak resident memory after it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateLedgers } from './generate-ledgers.ts';
import { writeLedgers } from './write-ledgers.ts';
import { DEFAULT_OFFICE_CONFIG } from '../pipeline/config/office-config.ts';
import { PACKAGE_TEMPLATES } from '../pipeline/config/load-config.ts';
import { scanFolder } from '../pipeline/ingest/scan-folder.ts';
import { ingestFiles } from '../pipeline/ingest/ingest.ts';
import { validateTables } from '../pipeline/validate/validate-tables.ts';
import { analyze } from '../pipeline/analyze/analyze.ts';
import { renderAnalysisJson } from '../pipeline/render/analysis-json.ts';
import { renderFormalDocuments } from '../pipeline/render/pdf/index.ts';
import { periodOfMonth } from '../pipeline/aggregate/period.ts';
import { renderPeriodReport, renderSiteFiles } from '../pipeline/app/render-outputs.ts';
import { officeAssets } from '../pipeline/render/office-assets.ts';
import { writeOutputs } from '../pipeline/write/write-outputs.ts';
import type { OutputFile } from '../pipeline/model/output.ts';

export interface StageRow {
  stage: string;
  ms: number;
  peakRssMb: number;
  note?: string;
}

const ASOF = '2026-11-25';

export async function benchStages(n: number, opts: { pdf: boolean; site: boolean }): Promise<StageRow[]> {
  const rows: StageRow[] = [];
  const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const stage = async <T>(name: string, fn: () => Promise<T> | T, note?: (r: T) => string): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    rows.push({ stage: name, ms: performance.now() - t0, peakRssMb: peak(), ...(note ? { note: note(r) } : {}) });
    return r;
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), `duban-bench-${n}-`));
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'out');
  try {
    await writeLedgers(data, generateLedgers({ items: n, units: 50, seed: 1, asOf: ASOF }));
    const config = DEFAULT_OFFICE_CONFIG;
    const scanned = await stage(
      'ingest',
      () => scanFolder(data).then((s) => ingestFiles(s.files)),
      (r) => `${r.tables.length} 张表`,
    );
    const validated = await stage(
      'validate',
      () => validateTables(scanned.tables, ASOF),
      (r) => `${r.records.items.length} 项`,
    );
    scanned.tables = []; // as the CLI does: raw rows are dropped once validated
    const analysis = await stage('analyze+aggregate', () => analyze(validated.records, ASOF, config, [...scanned.issues, ...validated.issues]));
    const files: OutputFile[] = [await stage('render analysis.json', () => renderAnalysisJson(analysis))];
    const analyzed = { records: validated.records, inputIssues: [], analysis };
    const ctx = { config, templatesDir: PACKAGE_TEMPLATES, asOf: ASOF };
    files.push(...(await stage('render report XLSX+PDF', () => renderPeriodReport(analyzed, periodOfMonth(ASOF), ctx))));
    if (opts.pdf) {
      const assets = officeAssets(PACKAGE_TEMPLATES).pdf;
      files.push(
        ...(await stage(
          'render formal PDFs',
          () => renderFormalDocuments(analysis, config, assets),
          (r) => `${r.length} 个文件`,
        )),
      );
    }
    if (opts.site)
      files.push(
        ...(await stage(
          'render site HTML',
          () => renderSiteFiles(analyzed, ctx),
          (r) => `${r.length} 个文件`,
        )),
      );
    await stage(
      'write',
      () => writeOutputs(out, files, ['internal/', 'public/', 'campus/']),
      (r) => `${r.written.length} 个文件`,
    );
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
