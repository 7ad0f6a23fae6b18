/**
 * Where outputs may go. An out folder equal to, inside or around the data folder makes duban
 * read its own outputs as ledgers (本次催办记录.csv is an output and a ledger kind), so each
 * of those is a usage error, as is an out path naming a file.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** null when fine, else the Chinese message for exit 2. */
export async function checkOutFolder(dataDir: string, outDir: string): Promise<string | null> {
  const st = await stat(outDir).catch(() => null);
  if (st && !st.isDirectory()) return `输出目录「${outDir}」是一个文件，不是文件夹。请用 --out 指定一个文件夹（不存在时会自动创建）。`;
  const data = await real(dataDir);
  const out = await real(outDir);
  if (data === out) return `输出目录和数据目录是同一个文件夹（${outDir}）。duban 会把自己生成的文件当成台账读入，请用 --out 指定另一个文件夹，例如 out/。`;
  if (inside(out, data)) return `输出目录「${outDir}」在数据目录「${dataDir}」里面。duban 会把生成的文件当成台账读入，请把输出目录放到数据目录之外。`;
  if (inside(data, out)) return `数据目录「${dataDir}」在输出目录「${outDir}」里面。重新生成时可能移走或覆盖台账，请把数据目录放到输出目录之外。`;
  return null;
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
async function real(p: string): Promise<string> {
  const abs = path.resolve(p);
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    try {
      return path.join(await realpath(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return abs;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}
