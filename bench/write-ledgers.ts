/** The file-system edge of the ledger generator: writes generated files under a folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SourceFile } from '../pipeline/model/ledger.ts';

export async function writeLedgers(dir: string, files: readonly SourceFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    const path = join(dir, ...f.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.bytes);
    written.push(path);
  }
  return written;
}
