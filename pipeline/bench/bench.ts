import type { CliOptions } from '../cli/args.ts';
import type { Io } from '../cli/main.ts';

export async function runBench(_o: CliOptions, io: Io): Promise<number> {
  io.err.write('bench: 尚未接入。\n');
  return 2;
}
