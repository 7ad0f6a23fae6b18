/**
 * The `duban` command: parse arguments, run a command, return the exit code (0 clean, 1 data errors, 2 usage).
 * Each command's modules are imported when it runs, so `--help` and a usage error load only the argument parser.
 */
import { stat } from 'node:fs/promises';
import { HELP, parseArgs, type CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';

export interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
}

export async function main(argv: readonly string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err.write(`${parsed.message}\n`); // one line and a pointer to --help, not the whole help
    return 2;
  }
  const o = parsed.options;
  if (o.command === 'help') {
    io.out.write(HELP);
    return 0;
  }
  const setup = await prepare(o, io);
  if (!setup) return 2;
  switch (o.command) {
    case 'build': {
      const { runBuild } = await import('./build.ts');
      return runBuild(o, setup.config, setup.templatesDir, io);
    }
    case 'check': {
      const { runCheck } = await import('./check.ts');
      return runCheck(o, setup.config, setup.templatesDir, io);
    }
    case 'report': {
      const { runReport } = await import('./report.ts');
      return runReport(o, setup.config, setup.templatesDir, io);
    }
    case 'archive': {
      const { runArchive } = await import('./archive.ts');
      return runArchive(o, setup.config, setup.templatesDir, io);
    }
    case 'watch': {
      const { runWatch } = await import('../watch/watch.ts');
      return runWatch(o, setup.config, setup.templatesDir, io);
    }
  }
}

async function prepare(o: CliOptions, io: Io): Promise<{ config: OfficeConfig; templatesDir: string } | null> {
  const isDir = await stat(o.dataDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    io.err.write(`数据目录「${o.dataDir}」不存在或不是文件夹。请用 --data 指定台账所在的文件夹。\n`);
    return null;
  }
  if (o.command === 'build' || o.command === 'report' || o.command === 'watch' || o.command === 'archive') {
    const { checkOutFolder } = await import('../write/out-folder.ts');
    const bad = await checkOutFolder(o.dataDir, o.outDir);
    if (bad) {
      io.err.write(`${bad}\n`);
      return null;
    }
  }
  const { loadOfficeConfig, PACKAGE_TEMPLATES } = await import('../config/load-config.ts');
  const templatesDir = o.templatesDir ?? PACKAGE_TEMPLATES;
  const loaded = await loadOfficeConfig(templatesDir);
  if (!loaded.ok) {
    io.err.write(`${loaded.message}\n`);
    return null;
  }
  return { config: loaded.config, templatesDir };
}
