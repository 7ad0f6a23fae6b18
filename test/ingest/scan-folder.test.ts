import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isIgnoredName, scanFolder } from '../../pipeline/ingest/scan-folder.ts';

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'duban-scan-'));
  outside = await mkdtemp(path.join(tmpdir(), 'duban-outside-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const put = async (rel: string, content = 'x') => {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
};

describe('scanFolder', () => {
  it('reads CSV and XLSX in the folder and sub-folders, sorted, with POSIX paths', async () => {
    for (const f of ['b.csv', 'A.CSV', '教务处/自查表.xlsx', '教务处/2025/11月.csv', 'a.Xlsx']) await put(f, f);
    const r = await scanFolder(dir);
    expect(r.files.map((f) => f.path)).toEqual(['A.CSV', 'a.Xlsx', 'b.csv', '教务处/2025/11月.csv', '教务处/自查表.xlsx']);
    expect(new TextDecoder().decode(r.files[2]!.bytes)).toBe('b.csv');
    expect(r.issues).toEqual([]);
  });

  it('ignores lock, hidden and temporary files and hidden folders without a message', async () => {
    for (const f of ['~$台账.xlsx', '.~lock.台账.csv#', '.hidden.csv', '.git/x.csv', '~WRL0001.tmp', '台账.csv~', '台账.bak', '~台账.tmp', '.~台账.xlsx', 'x.tmp']) await put(f);
    await put('台账.csv');
    const r = await scanFolder(dir);
    expect(r.files.map((f) => f.path)).toEqual(['台账.csv']);
    expect(r.issues).toEqual([]);
  });

  it('notes other files, with a save-as hint for a WPS .et; reads Excel 97–2003 .xls', async () => {
    await put('说明.docx');
    await put('旧台账.et');
    await put('老台账.xls');
    const r = await scanFolder(dir);
    expect(r.files.map((f) => f.path)).toEqual(['老台账.xls']);
    expect(r.issues.map((i) => [i.code, i.severity, i.file])).toEqual(
      [
        ['I_SKIPPED_FILE', 'info', '旧台账.et'],
        ['I_SKIPPED_FILE', 'info', '说明.docx'],
      ].sort((a, b) => (a[2]! < b[2]! ? -1 : 1)),
    );
    expect(r.issues.find((i) => i.file === '旧台账.et')!.hint).toContain('.xlsx');
  });

  it('does not follow symlinks out of the folder', async () => {
    await writeFile(path.join(outside, 'secret.csv'), 'x');
    await symlink(path.join(outside, 'secret.csv'), path.join(dir, 'link.csv'));
    await symlink(outside, path.join(dir, 'linkdir'));
    await put('in.csv');
    await symlink(path.join(dir, 'in.csv'), path.join(dir, 'alias.csv'));
    const r = await scanFolder(dir);
    expect(r.files.map((f) => f.path)).toEqual(['alias.csv', 'in.csv']);
    expect(r.issues.map((i) => i.file)).toEqual(['link.csv']);
  });

  it('reports a missing folder as a value', async () => {
    const r = await scanFolder(path.join(dir, 'nope'));
    expect(r.files).toEqual([]);
    expect(r.issues).toHaveLength(1);
  });

  it.each(['~$a.xlsx', '.~lock.a.csv#', '.a.csv', 'a.csv~', 'a.tmp', 'a.BAK'])('%s is ignored', (n) => expect(isIgnoredName(n)).toBe(true));
});
