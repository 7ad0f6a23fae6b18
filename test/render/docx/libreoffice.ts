/**
 * LibreOffice as the second program that lays a DOCX out: `soffice --headless --convert-to pdf`,
 * with a profile of its own so a LibreOffice the user has open (or another test) is not in the way.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  for (const p of ['/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']) if (existsSync(p)) return p;
  return null;
}

/** Each DOCX converted to PDF by one LibreOffice run, in order. */
export async function convertDocxToPdf(soffice: string, documents: readonly Uint8Array[], timeout = 170_000): Promise<Uint8Array[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-lo-'));
  try {
    const inputs: string[] = [];
    for (const [i, bytes] of documents.entries()) {
      const file = path.join(dir, `${i}.docx`);
      await writeFile(file, bytes);
      inputs.push(file);
    }
    const profile = `file://${path.join(dir, 'profile')}`;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...inputs], { timeout });
    const out: Uint8Array[] = [];
    for (let i = 0; i < documents.length; i++) out.push(await readFile(path.join(dir, `${i}.pdf`)));
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
