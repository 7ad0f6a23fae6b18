/** `duban check`: read and analyze, report every problem, write nothing. */
import type { CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from './main.ts';
import { analyzeLedgers, readLedgers } from '../app/ledgers.ts';
import { issueLines, styleFor, summaryLines } from './summary.ts';
import { columnLines } from './column-lines.ts';
import { templateWarningLines } from './template-warnings.ts';
import { officeAssetWarnings } from '../render/office-assets.ts';
import { terminalJson } from '../model/control-chars.ts';

export async function runCheck(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io): Promise<number> {
  // The office's templates are checked too: a broken one is reported here, before a build uses the built-in one.
  const templateWarnings = officeAssetWarnings(templatesDir);
  const ledgers = await readLedgers(o.dataDir, config);
  const { analysis } = analyzeLedgers(ledgers, o.asOf, config);
  const errors = analysis.issues.filter((i) => i.severity === 'error').length;
  if (o.json) {
    const counts = { files: ledgers.fileCount, tables: ledgers.tables.length, items: analysis.items.length, errors, warnings: analysis.issues.filter((i) => i.severity === 'warning').length };
    // Which column of each table was read as what (guesses, the office's mapping), as in the text output.
    const tables = ledgers.tables.map((t) => ({ file: t.file, ...(t.sheet === undefined ? {} : { sheet: t.sheet }), kind: t.kind, headerRow: t.headerRow, columns: t.columns ?? [] }));
    io.out.write(terminalJson({ asOf: analysis.asOf, counts, tables, issues: analysis.issues, templateWarnings }) + '\n');
  } else {
    const style = styleFor(io.out);
    io.out.write(`读取 ${ledgers.fileCount} 个文件，识别 ${ledgers.tables.length} 张台账。\n`);
    const lines = o.quiet ? issueLines(analysis.issues, style, Infinity) : [...columnLines(ledgers.tables, style), ...summaryLines(analysis, style, { maxWarnings: Infinity })];
    lines.push(...templateWarningLines(templateWarnings, style));
    io.out.write(lines.join('\n') + '\n');
  }
  return errors > 0 ? 1 : 0;
}
