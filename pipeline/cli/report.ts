import type { CliOptions } from './args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from './main.ts';

export async function runReport(_o: CliOptions, _c: OfficeConfig, _t: string, io: Io): Promise<number> {
  io.err.write('report: 尚未接入。\n');
  return 2;
}
