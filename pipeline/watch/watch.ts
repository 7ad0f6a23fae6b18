import type { CliOptions } from '../cli/args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from '../cli/main.ts';

export async function runWatch(_o: CliOptions, _c: OfficeConfig, _t: string, io: Io): Promise<number> {
  io.err.write('watch: 尚未接入。\n');
  return 2;
}
