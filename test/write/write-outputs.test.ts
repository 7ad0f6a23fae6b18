import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../pipeline/write/write-outputs.ts';
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
    const first = await writeOutputs(out, [
      { path: 'public/a.html', bytes: 'A' },
      { path: 'public/b.html', bytes: 'B' },
      { path: 'internal/x.json', bytes: '{}' },
    ], ['public/', 'internal/']);
    expect(first.written.sort()).toEqual(['internal/x.json', 'public/a.html', 'public/b.html']);

    const second = await writeOutputs(out, [
      { path: 'public/a.html', bytes: 'A' },
      { path: 'internal/x.json', bytes: '{"v":2}' },
    ], ['public/', 'internal/']);
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
    const r = await writeOutputs(out, [{ path: 'internal/reports/r.xlsx', bytes: 'R' }, { path: '../evil', bytes: 'x' }], ['internal/reports/']);
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
