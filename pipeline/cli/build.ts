/** `duban build`: every output from the data folder, then a short Chinese summary. */
import path from 'node:path';
import type { CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from './main.ts';
import { analyzeLedgers, readLedgers } from '../app/ledgers.ts';
import { buildFrom } from '../app/build.ts';
import { styleFor, summaryLines } from './summary.ts';
import { formatMs, progress, type Progress } from './progress.ts';
import { installInterrupt, type Interrupt } from '../app/interrupt.ts';
import { terminalJson, terminalText } from '../model/control-chars.ts';
import { officeAssets } from '../render/office-assets.ts';
import { templateWarningLines } from './template-warnings.ts';

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
  const ledgers = await p.stage('读取台账', () => readLedgers(o.dataDir, config, { fingerprint: true }));
  const analyzed = await p.stage('校验与分析', () => analyzeLedgers(ledgers, o.asOf, config));
  // The raw rows are not needed once validated; at 100,000 items they are hundreds of MB.
  const counts = { files: ledgers.fileCount, tables: ledgers.tables.length };
  ledgers.tables = [];
  const r = await buildFrom(ledgers, analyzed, { ...o, interrupt }, config, templatesDir, p);
  const { analysis } = r.analyzed;
  const files = r.written.written.length + r.written.unchanged.length;

  if (o.json) {
    io.out.write(
      terminalJson({
        asOf: analysis.asOf,
        outDir: o.outDir,
        items: analysis.items.length,
        errors: r.errors,
        warnings: r.warnings,
        written: r.written.written.length,
        unchanged: r.written.unchanged.length,
        // Of the files, those the render memo kept as they were on disk instead of drawing them again.
        kept: r.kept,
        removed: r.written.removed,
        keptAside: r.written.keptAside,
        failed: r.written.failed,
        notes: r.notes,
        templateWarnings: officeAssets(templatesDir).warnings,
        timings: p.timings,
      }) + '\n',
    );
  } else {
    const style = styleFor(io.out);
    const lines = o.quiet ? [] : [`读取 ${counts.files} 个文件，识别 ${counts.tables} 张台账。`];
    lines.push(...summaryLines(analysis, style, { maxWarnings: o.quiet ? 0 : 10 }));
    lines.push(
      `输出：${path.join(o.outDir, 'internal', 'analysis.json')} 等 ${files} 个文件（写入 ${r.written.written.length}，未变 ${r.written.unchanged.length}，删除过期 ${r.written.removed.length}），用时 ${formatMs(performance.now() - t0)}。`,
    );
    lines.push(...templateWarningLines(officeAssets(templatesDir).warnings, style));
    for (const n of r.notes) lines.push(style.yellow(terminalText(n)));
    if (r.written.refused.length) lines.push(style.red(`拒绝写入 ${r.written.refused.length} 个不安全的路径：${terminalText(r.written.refused.join('、'))}`));
    io.out.write(lines.join('\n') + '\n');
  }
  return r.errors > 0 ? 1 : 0;
}
