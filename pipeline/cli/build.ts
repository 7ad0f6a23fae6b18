/** `duban build`: every output from the data folder, then a short Chinese summary. */
import path from 'node:path';
import type { CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from './main.ts';
import { analyseLedgers, readLedgers, type Analysed, type Ledgers } from './pipeline.ts';
import { styleFor, summaryLines } from './summary.ts';
import { formatMs, progress, type Progress } from './progress.ts';
import { buildScopes, renderOutputs } from './renderers.ts';
import { writeOutputs, type WriteResult } from '../write/write-outputs.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OutputFile } from '../model/output.ts';
import { terminalJson, terminalText } from '../model/control-chars.ts';
import { officeAssets } from '../render/office-assets.ts';
import { templateWarningLines } from './template-warnings.ts';

export interface BuildResult {
  analysed: Analysed;
  fileCount: number;
  written: WriteResult;
  errors: number;
  warnings: number;
  notes: string[];
  /** Everything rendered this time (the watch draws images from the site pages afterwards). */
  files: OutputFile[];
}

/** Analyse, render and write; shared by `build` and `watch`. */
export async function buildFrom(
  ledgers: Ledgers,
  analysed: Analysed | null,
  o: { asOf: IsoDate; outDir: string; noImages?: boolean },
  config: OfficeConfig,
  templatesDir: string,
  p: Progress,
): Promise<BuildResult> {
  const a = analysed ?? (await p.stage('校验与分析', () => analyseLedgers(ledgers, o.asOf, config)));
  const notes: string[] = [];
  const files = await renderOutputs(a, { config, templatesDir, asOf: o.asOf, outDir: o.outDir, notes, images: !o.noImages }, p);
  const written = await p.stage('写入文件', () => writeOutputs(o.outDir, files, buildScopes(o.asOf)));
  const count = (s: string) => a.analysis.issues.filter((i) => i.severity === s).length;
  return { analysed: a, fileCount: ledgers.fileCount, written, errors: count('error'), warnings: count('warning'), notes, files };
}

export async function runBuild(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io): Promise<number> {
  const t0 = performance.now();
  const p = progress(io.err);
  const ledgers = await p.stage('读取台账', () => readLedgers(o.dataDir));
  const analysed = await p.stage('校验与分析', () => analyseLedgers(ledgers, o.asOf, config));
  // The raw rows are not needed once validated; at 100,000 items they are hundreds of MB.
  const counts = { files: ledgers.fileCount, tables: ledgers.tables.length };
  ledgers.tables = [];
  const r = await buildFrom(ledgers, analysed, o, config, templatesDir, p);
  const { analysis } = r.analysed;
  const files = r.written.written.length + r.written.unchanged.length;

  if (o.json) {
    io.out.write(terminalJson({
      asOf: analysis.asOf,
      outDir: o.outDir,
      items: analysis.items.length,
      errors: r.errors,
      warnings: r.warnings,
      written: r.written.written.length,
      unchanged: r.written.unchanged.length,
      removed: r.written.removed,
      templateWarnings: officeAssets(templatesDir).warnings,
      timings: p.timings,
    }) + '\n');
  } else {
    const style = styleFor(io.out);
    const lines = o.quiet ? [] : [`读取 ${counts.files} 个文件，识别 ${counts.tables} 张台账。`];
    lines.push(...summaryLines(analysis, style, { maxWarnings: o.quiet ? 0 : 10 }));
    lines.push(`输出：${path.join(o.outDir, 'internal', 'analysis.json')} 等 ${files} 个文件（写入 ${r.written.written.length}，未变 ${r.written.unchanged.length}，删除过期 ${r.written.removed.length}），用时 ${formatMs(performance.now() - t0)}。`);
    lines.push(...templateWarningLines(officeAssets(templatesDir).warnings, style));
    for (const n of r.notes) lines.push(style.yellow(terminalText(n)));
    if (r.written.refused.length) lines.push(style.red(`拒绝写入 ${r.written.refused.length} 个不安全的路径：${terminalText(r.written.refused.join('、'))}`));
    io.out.write(lines.join('\n') + '\n');
  }
  return r.errors > 0 ? 1 : 0;
}
