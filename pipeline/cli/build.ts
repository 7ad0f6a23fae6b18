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
import { installInterrupt, type Interrupt } from './interrupt.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OutputFile } from '../model/output.ts';
import type { Analysis } from '../model/analysis.ts';
import { terminalJson, terminalText } from '../model/control-chars.ts';
import { officeAssets } from '../render/office-assets.ts';
import { templateWarningLines } from './template-warnings.ts';
import { pendingRequests } from '../aggregate/feedback-plans.ts';
import { FEEDBACK_REMINDER_FOLDER, REVIEW_FILES } from '../render/feedback-outputs.ts';

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
  o: { asOf: IsoDate; outDir: string; noImages?: boolean; interrupt?: Interrupt },
  config: OfficeConfig,
  templatesDir: string,
  p: Progress,
): Promise<BuildResult> {
  const a = analysed ?? (await p.stage('校验与分析', () => analyseLedgers(ledgers, o.asOf, config)));
  const notes: string[] = [];
  const files = await renderOutputs(a, { config, templatesDir, asOf: o.asOf, outDir: o.outDir, notes, images: !o.noImages }, p);
  const write = () => writeOutputs(o.outDir, files, buildScopes(o.asOf, config), {
    signal: o.interrupt?.signal,
    onWait: (owner) => p.note(`输出目录正由另一个 duban 进程${owner ? `（进程号 ${owner.pid}）` : ''}写入，等待它完成……`),
  });
  const written = await p.stage('写入文件', () => (o.interrupt ? o.interrupt.writing(write) : write()));
  notes.push(...writeNotes(written, o.outDir), ...registerNotes(a.analysis, o.outDir), ...feedbackNotes(a.analysis, o.outDir));
  const count = (s: string) => a.analysis.issues.filter((i) => i.severity === s).length;
  return { analysed: a, fileCount: ledgers.fileCount, written, errors: count('error') + written.failed.length, warnings: count('warning'), notes, files };
}

export async function runBuild(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io): Promise<number> {
  const t0 = performance.now();
  const p = progress(io.err);
  const interrupt = installInterrupt((line) => io.err.write(line + '\n'));
  try {
    return await runBuildWith(o, config, templatesDir, io, p, interrupt, t0);
  } finally {
    interrupt.dispose();
  }
}

async function runBuildWith(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io, p: Progress, interrupt: Interrupt, t0: number): Promise<number> {
  const ledgers = await p.stage('读取台账', () => readLedgers(o.dataDir, config));
  const analysed = await p.stage('校验与分析', () => analyseLedgers(ledgers, o.asOf, config));
  // The raw rows are not needed once validated; at 100,000 items they are hundreds of MB.
  const counts = { files: ledgers.fileCount, tables: ledgers.tables.length };
  ledgers.tables = [];
  const r = await buildFrom(ledgers, analysed, { ...o, interrupt }, config, templatesDir, p);
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
      keptAside: r.written.keptAside,
      failed: r.written.failed,
      notes: r.notes,
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

/** What the writer did that the user must know: files kept aside, files not written. */
export function writeNotes(w: WriteResult, outDir: string): string[] {
  const lines: string[] = [];
  if (w.keptAside.length) {
    lines.push(`${w.keptAside.length} 个输出文件与 duban 上次写入的内容不同（可能被手工修改或替换过），没有直接覆盖或删除，已移到 ${path.join(outDir, 'internal', '已改动的文件')}：`);
    for (const k of w.keptAside.slice(0, 10)) lines.push(`  ${k.path} → ${k.to}`);
    if (w.keptAside.length > 10) lines.push(`  ……共 ${w.keptAside.length} 个`);
  }
  for (const f of w.failed.slice(0, 20)) lines.push(`未写入 ${f.path}：${f.message}`);
  if (w.failed.length > 20) lines.push(`……共 ${w.failed.length} 个文件未写入`);
  return lines;
}

/** Requests to decide and feedback to chase: say so, with the file to fill in and save. */
function feedbackNotes(analysis: Analysis, outDir: string): string[] {
  const lines: string[] = [];
  const missing = analysis.units.filter((u) => u.feedbackMissing > 0);
  if (missing.length > 0) {
    const items = missing.reduce((n, u) => n + u.feedbackMissing, 0);
    lines.push(`进展反馈逾期未报：${missing.length} 个单位 ${items} 项，催报通知在 ${path.join(outDir, FEEDBACK_REMINDER_FOLDER)}。`);
  }
  const pending = pendingRequests(analysis);
  if (pending.length > 0) {
    const kinds = (k: string) => pending.filter((p) => p.request.kind === k).length;
    lines.push(
      `待审核的申请 ${pending.length} 项（办结 ${kinds('办结')}、延期 ${kinds('延期')}）。审核后在 ${path.join(outDir, REVIEW_FILES.csv)} 的「审核结果」填写通过或退回，` +
        `保存到数据目录（建议改名，如「审核记录-${analysis.asOf}.csv」，以免覆盖以前保存的审核记录），重新生成即生效。`,
    );
  }
  return lines;
}

/** New 发文字号 are permanent only once registered: say so, with the file to save. */
function registerNotes(analysis: Analysis, outDir: string): string[] {
  const fresh = analysis.notices.filter((n) => !n.registered);
  if (fresh.length === 0) return [];
  const span = fresh.length === 1 ? fresh[0]!.docNo : `${fresh[0]!.docNo}—${fresh.at(-1)!.docNo}`;
  return [`本次新编发文字号 ${fresh.length} 个（${span}）。请把 ${path.join(outDir, 'internal', '督办通知', '本次发文登记.csv')} 保存到数据目录（建议改名，如「发文登记-${analysis.asOf.slice(0, 7)}.csv」，以免覆盖以前保存的登记），这些文号就永久固定。`];
}
