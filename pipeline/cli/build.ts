/** `duban build`: every output from the data folder, then a short Chinese summary. */
import path from 'node:path';
import type { CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from './main.ts';
import { analyseLedgers, readLedgers } from './pipeline.ts';
import { styleFor, summaryLines } from './summary.ts';
import { formatMs, progress } from './progress.ts';
import { buildScopes, renderOutputs } from './renderers.ts';
import { writeOutputs } from '../write/write-outputs.ts';

export async function runBuild(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io): Promise<number> {
  const t0 = performance.now();
  const p = progress(io.err);
  const ledgers = await p.stage('读取台账', () => readLedgers(o.dataDir));
  const analysed = await p.stage('校验与分析', () => analyseLedgers(ledgers, o.asOf, config));
  const files = await renderOutputs(analysed, { config, templatesDir, asOf: o.asOf }, p);
  const written = await p.stage('写入文件', () => writeOutputs(o.outDir, files, buildScopes(o.asOf)));
  const { analysis } = analysed;
  const errors = analysis.issues.filter((i) => i.severity === 'error').length;

  if (o.json) {
    io.out.write(JSON.stringify({
      asOf: analysis.asOf,
      outDir: o.outDir,
      items: analysis.items.length,
      errors,
      warnings: analysis.issues.filter((i) => i.severity === 'warning').length,
      written: written.written.length,
      unchanged: written.unchanged.length,
      removed: written.removed,
      timings: p.timings,
    }, null, 2) + '\n');
  } else {
    const style = styleFor(io.out);
    const lines = o.quiet ? [] : [`读取 ${ledgers.fileCount} 个文件，识别 ${ledgers.tables.length} 张台账。`];
    lines.push(...summaryLines(analysis, style, { maxWarnings: o.quiet ? 0 : 10 }));
    lines.push(`输出：${path.join(o.outDir, 'internal', 'analysis.json')} 等 ${files.length} 个文件（写入 ${written.written.length}，未变 ${written.unchanged.length}，删除过期 ${written.removed.length}），用时 ${formatMs(performance.now() - t0)}。`);
    if (written.refused.length) lines.push(style.red(`拒绝写入 ${written.refused.length} 个不安全的路径：${written.refused.join('、')}`));
    io.out.write(lines.join('\n') + '\n');
  }
  return errors > 0 ? 1 : 0;
}
