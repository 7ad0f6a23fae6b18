import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SET_ASIDE_DIR, writeOutputs } from '../../pipeline/write/write-outputs.ts';
import { hashBytes, MANIFEST_FILE } from '../../pipeline/write/manifest.ts';
import { LOCK_FILE, lockOut } from '../../pipeline/write/out-lock.ts';
import { resolveInside, safeSegment } from '../../pipeline/write/safe-path.ts';

describe('safe paths', () => {
  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['教务处/人事处', '教务处_人事处'],
    ['a\\b', 'a_b'],
    ['..', '_'],
    ['CON', '_'],
    ['  名称\u0000带控制符  ', '名称_带控制符'],
  ])('safeSegment(%j)', (input, out) => {
    expect(safeSegment(input)).toBe(out);
  });
  it('refuses paths that leave the out folder', () => {
    expect(resolveInside('/tmp/out', 'public/../../x').ok).toBe(false);
    expect(resolveInside('/tmp/out', '/etc/x').ok).toBe(false);
    expect(resolveInside('/tmp/out', 'public//x').ok).toBe(false);
    expect(resolveInside('/tmp/out', 'public/教务处.html')).toEqual({ ok: true, abs: '/tmp/out/public/教务处.html' });
  });
});

describe('writeOutputs', () => {
  it('writes atomically, skips unchanged files and removes what a rebuild no longer makes', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'duban-write-'));
    await writeFile(path.join(out, 'mine.txt'), 'not duban');
    const first = await writeOutputs(
      out,
      [
        { path: 'public/a.html', bytes: 'A' },
        { path: 'public/b.html', bytes: 'B' },
        { path: 'internal/x.json', bytes: '{}' },
      ],
      ['public/', 'internal/'],
    );
    expect(first.written.sort()).toEqual(['internal/x.json', 'public/a.html', 'public/b.html']);

    const second = await writeOutputs(
      out,
      [
        { path: 'public/a.html', bytes: 'A' },
        { path: 'internal/x.json', bytes: '{"v":2}' },
      ],
      ['public/', 'internal/'],
    );
    expect(second.unchanged).toEqual(['public/a.html']);
    expect(second.written).toEqual(['internal/x.json']);
    expect(second.removed).toEqual(['public/b.html']);
    expect((await readdir(path.join(out, 'public'))).sort()).toEqual(['a.html']);
    expect(await readFile(path.join(out, 'mine.txt'), 'utf8')).toBe('not duban');
    // no temporary files are left behind
    expect((await readdir(out)).filter((f) => f.includes('duban-tmp'))).toEqual([]);
  });

  it('leaves other scopes alone and refuses escaping paths', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'duban-write-'));
    await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    const r = await writeOutputs(
      out,
      [
        { path: 'internal/reports/r.xlsx', bytes: 'R' },
        { path: '../evil', bytes: 'x' },
      ],
      ['internal/reports/'],
    );
    expect(r.removed).toEqual([]);
    expect(r.refused).toEqual(['../evil']);
    expect(await readFile(path.join(out, 'public/a.html'), 'utf8')).toBe('A');
  });
});

describe('temp files of a killed build', () => {
  it('are swept by the next build, while a live process’s are left alone', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'duban-write-'));
    await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    await writeFile(path.join(out, 'public', '.duban-tmp-999999999-abc'), 'half');
    await writeFile(path.join(out, 'public', `.duban-tmp-${process.ppid}-def`), 'in flight');
    await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A2' }], ['public/']);
    expect((await readdir(path.join(out, 'public'))).sort()).toEqual([`.duban-tmp-${process.ppid}-def`, 'a.html']);
  });
});

describe('the disk is the truth, the manifest a hint', () => {
  const tmp = () => mkdtemp(path.join(os.tmpdir(), 'duban-write-'));

  it('repairs an output overwritten with junk, keeping the junk aside', async () => {
    const out = await tmp();
    await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    await writeFile(path.join(out, 'public/a.html'), 'junk');
    const r = await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    expect(r.written).toEqual(['public/a.html']);
    expect(await readFile(path.join(out, 'public/a.html'), 'utf8')).toBe('A');
    expect(r.keptAside).toHaveLength(1);
    expect(r.keptAside[0]!.to.startsWith(`${SET_ASIDE_DIR}/`)).toBe(true);
    expect(await readFile(path.join(out, r.keptAside[0]!.to), 'utf8')).toBe('junk');
  });

  it('removes stale pages even when the manifest is lost', async () => {
    const out = await tmp();
    await writeOutputs(
      out,
      [
        { path: 'public/a.html', bytes: 'A' },
        { path: 'public/items/secret.html', bytes: 'S' },
      ],
      ['public/'],
    );
    await rm(path.join(out, MANIFEST_FILE));
    const r = await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    expect(await tree(path.join(out, 'public'))).toEqual(['a.html']);
    expect(r.removed).toEqual(['public/items/secret.html']);
    // Without a record duban cannot know the bytes were its own: kept, but never published.
    expect(r.keptAside.map((k) => k.path)).toEqual(['public/items/secret.html']);
  });

  it('removes stale pages after a build that stopped before saving its manifest', async () => {
    const out = await tmp();
    await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    const manifest = await readFile(path.join(out, MANIFEST_FILE));
    // an interrupted build renamed a page into place and died before its manifest
    await writeOutputs(
      out,
      [
        { path: 'public/a.html', bytes: 'A' },
        { path: 'public/hidden.html', bytes: 'H' },
      ],
      ['public/'],
    );
    await writeFile(path.join(out, MANIFEST_FILE), manifest);
    const r = await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    expect(await tree(path.join(out, 'public'))).toEqual(['a.html']);
    expect(r.removed).toEqual(['public/hidden.html']);
  });

  it('recognises the files of a build killed after announcing them (pending) as its own', async () => {
    const out = await tmp();
    await writeOutputs(out, [{ path: 'internal/x.pdf', bytes: 'v1' }], ['internal/']);
    await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify({ files: { 'internal/x.pdf': hashBytes('v1') }, pending: { 'internal/x.pdf': hashBytes('v2') } }));
    await writeFile(path.join(out, 'internal/x.pdf'), 'v2'); // the killed build got this far
    const r = await writeOutputs(out, [{ path: 'internal/x.pdf', bytes: 'v3' }], ['internal/']);
    expect(r.keptAside).toEqual([]);
    expect(r.written).toEqual(['internal/x.pdf']);
    const m = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')) as { files: Record<string, string>; pending?: unknown };
    expect(m.pending).toBeUndefined();
    expect(m.files['internal/x.pdf']).toBe(hashBytes('v3'));
  });

  it('never deletes a hand-edited output it no longer makes: it is moved aside', async () => {
    const out = await tmp();
    await writeOutputs(out, [{ path: 'internal/催办通知/a.pdf', bytes: 'letter' }], ['internal/催办通知/']);
    await writeFile(path.join(out, 'internal/催办通知/a.pdf'), 'signed and scanned');
    const r = await writeOutputs(out, [], ['internal/催办通知/']);
    expect(r.removed).toEqual(['internal/催办通知/a.pdf']);
    expect(r.keptAside).toHaveLength(1);
    expect(await readFile(path.join(out, r.keptAside[0]!.to), 'utf8')).toBe('signed and scanned');
    // and the kept copy is not inside an edition nor inside a scope a build clears
    expect(r.keptAside[0]!.to.startsWith('public/') || r.keptAside[0]!.to.startsWith('campus/')).toBe(false);
    const again = await writeOutputs(out, [], ['internal/催办通知/', 'public/', 'campus/']);
    expect(again.removed).toEqual([]);
    expect(await readFile(path.join(out, r.keptAside[0]!.to), 'utf8')).toBe('signed and scanned');
  });

  it('moves a file nobody asked for out of an edition', async () => {
    const out = await tmp();
    await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    await writeFile(path.join(out, 'public/notes.txt'), 'somebody’s file');
    const r = await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    expect(await tree(path.join(out, 'public'))).toEqual(['a.html']);
    expect(r.keptAside.map((k) => k.path)).toEqual(['public/notes.txt']);
  });

  it('reports a folder where a file must go, writes the rest and keeps the state consistent', async () => {
    const out = await tmp();
    await mkdir(path.join(out, 'public/index.html'), { recursive: true });
    await writeFile(path.join(out, 'internal'), 'a file where a folder must be');
    const r = await writeOutputs(
      out,
      [
        { path: 'public/index.html', bytes: 'I' },
        { path: 'public/b.html', bytes: 'B' },
        { path: 'internal/x.json', bytes: '{}' },
      ],
      ['public/'],
    );
    expect(r.failed.map((f) => f.path).sort()).toEqual(['internal/x.json', 'public/index.html']);
    expect(r.failed.find((f) => f.path === 'public/index.html')!.message).toContain('同名的文件夹');
    expect(r.failed.find((f) => f.path === 'internal/x.json')!.message).toContain('同名文件占用');
    expect(r.written).toEqual(['public/b.html']);
    const m = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(m.files)).toEqual(['public/b.html']);
  });
});

describe('one writer per out folder', () => {
  it('waits for another writer and then writes', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'duban-lock-'));
    const held = await lockOut(out);
    let waited = false;
    const second = writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/'], { onWait: () => (waited = true) });
    await new Promise((r) => setTimeout(r, 300));
    expect(await readdir(out)).not.toContain('public');
    await held.release();
    await second;
    expect(waited).toBe(true);
    expect(await readFile(path.join(out, 'public/a.html'), 'utf8')).toBe('A');
    expect(await readdir(out)).not.toContain(LOCK_FILE);
  });

  it('takes over the lock of a process that is gone, and gives up on a live one with a clear message', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'duban-lock-'));
    await writeFile(path.join(out, LOCK_FILE), JSON.stringify({ pid: 999_999_999, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    await writeOutputs(out, [{ path: 'public/a.html', bytes: 'A' }], ['public/']);
    expect(await readdir(out)).not.toContain(LOCK_FILE);

    await writeFile(path.join(out, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    await expect(writeOutputs(out, [], ['public/'], { lockWaitMs: 300 })).rejects.toThrow(/正由另一个 duban 进程（进程号 \d+/);
    expect(await readFile(path.join(out, 'public/a.html'), 'utf8')).toBe('A');
  });
});

async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
