/** `duban report --period …`: the supervision report of any month, quarter, half-year or year. */
import path from 'node:path';
import type { CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from './main.ts';
import { analyzeLedgers, readLedgers } from '../app/ledgers.ts';
import { isPeriodError, parsePeriod, reportMonthOf } from '../aggregate/period.ts';
import { renderPeriodReport } from '../app/render-outputs.ts';
import { writeOutputs } from '../write/write-outputs.ts';
import { issueLines, styleFor } from './summary.ts';
import { formatMs } from './progress.ts';
import { installInterrupt } from '../app/interrupt.ts';
import { writeNotes } from '../app/build.ts';

export async function runReport(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io): Promise<number> {
  const t0 = performance.now();
  const period = o.period === null ? reportMonthOf(o.asOf, config.reportSubmitDays) : parsePeriod(o.period);
  if (isPeriodError(period)) {
    io.err.write(`${period.error}\n`);
    return 2;
  }
  if (period.start > o.asOf) {
    io.err.write(`统计期间 ${period.label} 尚未开始（统计日期 ${o.asOf}）。请检查 --period 或 --as-of。\n`);
    return 2;
  }
  const ledgers = await readLedgers(o.dataDir, config);
  const analyzed = analyzeLedgers(ledgers, o.asOf, config);
  const files = await renderPeriodReport(analyzed, period, { config, templatesDir, asOf: o.asOf });
  const scope = `internal/reports/${period.id}/`;
  const interrupt = installInterrupt((line) => io.err.write(line + '\n'));
  const written = await interrupt
    .writing(() => writeOutputs(o.outDir, files, [scope], { signal: interrupt.signal, onWait: () => io.err.write('输出目录正由另一个 duban 进程写入，等待它完成……\n') }))
    .finally(() => interrupt.dispose());
  const errors = analyzed.analysis.issues.filter((i) => i.severity === 'error').length + written.failed.length;
  if (o.json) {
    io.out.write(JSON.stringify({ period: period.id, files: files.map((f) => f.path), errors }, null, 2) + '\n');
  } else {
    const style = styleFor(io.out);
    const lines = [`${period.label}督查督办报告：`, ...files.map((f) => `  ${path.join(o.outDir, f.path)}`)];
    lines.push(...issueLines(analyzed.analysis.issues, style, o.quiet ? 0 : 10));
    lines.push(...writeNotes(written, o.outDir).map(style.yellow));
    lines.push(`写入 ${written.written.length} 个文件，未变 ${written.unchanged.length} 个，用时 ${formatMs(performance.now() - t0)}。`);
    io.out.write(lines.join('\n') + '\n');
  }
  return errors > 0 ? 1 : 0;
}
