/**
 * The file-system edge of ingest: which files of the data folder are ledgers, read as bytes.
 * Everything after this is pure.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { issue, type Issue } from '../model/issue.ts';
import type { SourceFile } from '../model/ledger.ts';
import { LIMITS, fileTooLarge } from './limits.ts';

export interface ScanResult {
  files: SourceFile[];
  issues: Issue[];
}

const LEDGER_EXT = /\.(csv|xlsx|xls)$/i;

/** Office lock files, editor backups and temporary files: never a ledger, not worth a message. */
export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith('.') || // hidden, .~lock.x.csv# (LibreOffice), .~x (WPS)
    name.startsWith('~$') || // Excel/Word lock
    name.endsWith('~') ||
    lower.endsWith('.tmp') || // ~WRL1234.tmp, WPS ~x.tmp
    lower.endsWith('.bak') ||
    lower.endsWith('.swp') ||
    lower === 'thumbs.db' ||
    lower === 'desktop.ini'
  );
}

/** Why another file is not read, in words a secretary can act on. */
function skipHint(name: string): string {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.et' || ext === '.xlsm' || ext === '.xlsb' || ext === '.ods') return '请用 Excel 或 WPS 打开，「另存为」.xlsx 工作簿或 CSV 文件。';
  if (ext === '.tsv' || ext === '.txt') return '如果这是台账，请把扩展名改为 .csv，或用 Excel/WPS「另存为」CSV 文件。';
  return '台账请保存为 CSV 或 .xlsx 文件；其他文件可以移出数据文件夹。';
}

export async function scanFolder(dir: string): Promise<ScanResult> {
  const issues: Issue[] = [];
  const found: { rel: string; abs: string }[] = [];
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    return { files: [], issues: [issue('error', 'E_CONFIG', { file: '' }, `数据文件夹「${dir}」不存在或无法打开`, '请检查数据文件夹的路径。')] };
  }
  const inside = (p: string) => p === root || p.startsWith(root + path.sep);

  const walk = async (abs: string, rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch {
      issues.push(issue('warning', 'W_IGNORED_FILE', { file: rel || '.' }, `文件夹「${rel || '.'}」无法打开，其中的文件未读取`, '请检查文件夹的访问权限。'));
      return;
    }
    for (const e of entries) {
      if (isIgnoredName(e.name)) continue;
      const childAbs = path.join(abs, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Symlinked folders are not followed (no cycles, no escaping the data folder);
        // a symlinked file is read only when it points inside the folder.
        const target = await realpath(childAbs).catch(() => null);
        const st = target ? await stat(target).catch(() => null) : null;
        if (!target || !st?.isFile() || !inside(target)) {
          if (LEDGER_EXT.test(e.name)) {
            issues.push(issue('warning', 'W_IGNORED_FILE', { file: childRel }, `「${childRel}」是指向数据文件夹之外（或无效）的快捷方式，未读取`, '请把文件本身复制到数据文件夹中。'));
          }
          continue;
        }
        isFile = true;
      }
      if (e.isDirectory()) await walk(childAbs, childRel);
      else if (isFile && LEDGER_EXT.test(e.name)) found.push({ rel: childRel, abs: childAbs });
      else if (isFile) {
        issues.push(issue('info', 'I_SKIPPED_FILE', { file: childRel }, `「${childRel}」不是 CSV、XLSX 或 XLS 文件，未读取（只读取 .csv、.xlsx 和 .xls 台账）`, skipHint(e.name)));
      }
    }
  };
  await walk(root, '');

  found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const files: SourceFile[] = [];
  for (const f of found) {
    try {
      // A file over the limit is named without being read into memory.
      const size = (await stat(f.abs)).size;
      if (size > LIMITS.fileBytes) {
        issues.push(fileTooLarge(f.rel, size, LIMITS));
        continue;
      }
      files.push({ path: f.rel, bytes: new Uint8Array(await readFile(f.abs)) });
    } catch {
      issues.push(
        issue('warning', 'W_IGNORED_FILE', { file: f.rel }, `「${f.rel}」无法读取（可能正被其他程序独占打开，或没有访问权限），未读取`, '请关闭正在编辑该文件的程序后重试，或检查文件权限。'),
      );
    }
  }
  return { files, issues };
}
