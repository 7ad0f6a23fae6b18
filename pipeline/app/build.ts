/**
 * A build as one function over the stages (what `duban build`, `duban watch` and the bench call):
 * analyze, render through the registry with the render memo, write, and the lines the user must
 * read about what was written.
 */
import path from 'node:path';
import type { OfficeConfig } from '../config/office-config.ts';
import type { IsoDate } from '../model/dates.ts';
import { isKept, type BuiltFile } from '../model/output.ts';
import type { Analysis } from '../model/analysis.ts';
import { pendingRequests } from '../aggregate/feedback-plans.ts';
import { FEEDBACK_REMINDER_FOLDER, REVIEW_FILES } from '../render/feedback-outputs.ts';
import { writeOutputs, type WriteResult } from '../write/write-outputs.ts';
import { RenderMemo } from '../write/render-memo.ts';
import type { Progress } from '../model/progress.ts';
import { analyzeLedgers, type Analyzed, type Ledgers } from './ledgers.ts';
import { buildView, renderKinds } from './render-outputs.ts';
import { OUTPUTS } from './outputs.ts';
import type { Interrupt } from './interrupt.ts';

export interface BuildResult {
  analyzed: Analyzed;
  fileCount: number;
  written: WriteResult;
  errors: number;
  warnings: number;
  notes: string[];
  /** Everything the build produced, drawn or kept (the watch draws images from the site pages afterwards). */
  files: BuiltFile[];
  /** How many of them the render memo kept instead of drawing (on disk as drawn before). */
  kept: number;
}

/** Analyse, render and write; shared by `build` and `watch`. */
export async function buildFrom(
  ledgers: Ledgers,
  analyzed: Analyzed | null,
  o: {
    asOf: IsoDate;
    outDir: string;
    noImages?: boolean;
    interrupt?: Interrupt;
    memo?: RenderMemo;
    /**
     * Outputs drawn and written first, before the others (a watch session writes analysis.json
     * and the documents a save changed without waiting for the reports and the site); `onFirst`
     * is told when they are on disk.
     */
    first?: { ids: readonly string[]; onFirst: (written: WriteResult) => void };
  },
  config: OfficeConfig,
  templatesDir: string,
  p: Progress,
): Promise<BuildResult> {
  const a = analyzed ?? (await p.stage('校验与分析', () => analyzeLedgers(ledgers, o.asOf, config)));
  const notes: string[] = [];
  // A watch session keeps its memo open; a build reads the last build's notes from out/.
  const memo = o.memo ?? new RenderMemo();
  await memo.begin(o.outDir);
  const ctx = { config, templatesDir, asOf: o.asOf, outDir: o.outDir, notes, images: !o.noImages, memo, inputs: ledgers.fingerprint ?? null };
  const view = buildView(a, ctx);
  const phases = o.first ? [OUTPUTS.filter((k) => o.first!.ids.includes(k.id)), OUTPUTS.filter((k) => !o.first!.ids.includes(k.id))] : [OUTPUTS];
  const results: WriteResult[] = [];
  for (const [n, kinds] of phases.entries()) {
    const files = await renderKinds(view, kinds, ctx, p);
    // Each phase removes stale files in its own outputs' scopes only.
    const scopes = kinds.flatMap((k) => k.scopes(o.asOf, config));
    const write = () =>
      writeOutputs(o.outDir, files, scopes, {
        signal: o.interrupt?.signal,
        onWait: (owner) => p.note(`输出目录正由另一个 duban 进程${owner ? `（进程号 ${owner.pid}）` : ''}写入，等待它完成……`),
      });
    const w = await p.stage('写入文件', async () => {
      const w = await (o.interrupt ? o.interrupt.writing(write) : write());
      await memo.save(o.outDir);
      return w;
    });
    results.push(w);
    if (w.interrupted) break;
    if (n === 0 && phases.length > 1) o.first?.onFirst(w);
  }
  const written = mergeWrites(results);
  const files = view.built;
  notes.push(...writeNotes(written, o.outDir), ...registerNotes(a.analysis, o.outDir), ...feedbackNotes(a.analysis, o.outDir));
  const count = (s: string) => a.analysis.issues.filter((i) => i.severity === s).length;
  return { analyzed: a, fileCount: ledgers.fileCount, written, errors: count('error') + written.failed.length, warnings: count('warning'), notes, files, kept: files.filter(isKept).length };
}

function mergeWrites(rs: readonly WriteResult[]): WriteResult {
  const all = <K extends keyof WriteResult>(k: K) => rs.flatMap((r) => r[k] as unknown[]);
  return {
    written: (all('written') as string[]).sort(),
    unchanged: (all('unchanged') as string[]).sort(),
    removed: (all('removed') as string[]).sort(),
    refused: all('refused') as string[],
    keptAside: all('keptAside') as WriteResult['keptAside'],
    failed: all('failed') as WriteResult['failed'],
    interrupted: rs.some((r) => r.interrupted),
  };
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
export function feedbackNotes(analysis: Analysis, outDir: string): string[] {
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
export function registerNotes(analysis: Analysis, outDir: string): string[] {
  const fresh = analysis.notices.filter((n) => !n.registered);
  if (fresh.length === 0) return [];
  const span = fresh.length === 1 ? fresh[0]!.docNo : `${fresh[0]!.docNo}—${fresh.at(-1)!.docNo}`;
  return [
    `本次新编发文字号 ${fresh.length} 个（${span}）。请把 ${path.join(outDir, 'internal', '督办通知', '本次发文登记.csv')} 保存到数据目录（建议改名，如「发文登记-${analysis.asOf.slice(0, 7)}.csv」，以免覆盖以前保存的登记），这些文号就永久固定。`,
  ];
}
