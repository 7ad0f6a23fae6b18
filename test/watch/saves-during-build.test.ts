/**
 * No save is lost while watch is busy: a ledger saved during the first build, during a later
 * rebuild, or while the long images are drawn is built right after, and images drawn for pages
 * that have since changed are never written over the newer outputs.
 *
 * The first two cases run `duban watch` as a child process on a data folder big enough that a
 * build takes seconds (with the long images too when a browser is installed). The image case runs
 * the watch in-process with a stand-in for the browser that draws only when the test lets it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLedgers } from '../../bench/generate-ledgers.ts';
import { writeLedgers } from '../../bench/write-ledgers.ts';
import { findBrowser } from '../../pipeline/render/html/browser.ts';
import { startWatch, type DrawImages, type WatchHandle } from '../../pipeline/watch/watch.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { PACKAGE_TEMPLATES } from '../../pipeline/config/load-config.ts';
import { hashBytes } from '../../pipeline/write/write-outputs.ts';
import type { Analysis } from '../../pipeline/model/analysis.ts';
import type { OutputFile } from '../../pipeline/model/output.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/duban.js');
const BASIC = path.join(ROOT, 'test/fixtures/e2e/basic');
const AS_OF = '2026-11-25';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ledger(prefix: string, n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `${prefix}-${i + 1},${prefix}批次事项${i + 1},教务处,2026-11-10,2026-11-02,社会公开`);
  return '\uFEFF' + ['编号,事项,承办单位,办结时限,立项日期,公开范围', ...rows].join('\r\n') + '\r\n';
}

/** The item ids in out/internal/analysis.json (empty while it is not there yet). */
async function ids(out: string): Promise<Set<string>> {
  try {
    return new Set((JSON.parse(await readFile(path.join(out, 'internal/analysis.json'), 'utf8')) as Analysis).items.map((i) => i.id));
  } catch {
    return new Set();
  }
}

async function until(what: string, pred: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await sleep(100);
  }
}

describe('duban watch (child process, builds that take seconds)', () => {
  let child: ChildProcessWithoutNullStreams | null = null;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    child = null;
  });

  it('builds a ledger saved during the first build, and one saved during a later rebuild', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-watch-busy-'));
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'out');
    await writeLedgers(data, generateLedgers({ items: 800, units: 20, seed: 11, asOf: AS_OF }));
    const images = findBrowser() !== null;
    child = spawn(process.execPath, [BIN, 'watch', '--data', data, '--out', out, '--as-of', AS_OF, ...(images ? [] : ['--no-images'])], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', () => {});
    const builds = () => stdout.split('\n').filter((l) => l.includes('→ 写入')).length;

    await until('watch to start', () => stdout.includes('正在监视'), 30_000);
    await sleep(300); // the first build has read the folder by now, and is still rendering
    await writeFile(path.join(data, '新台账.csv'), ledger('N', 3));
    expect(builds(), 'the save must land while the first build runs').toBe(0);
    await until('the first build', () => builds() >= 1, 120_000);
    await until('a rebuild for the saved ledger', () => /新增 新台账\.csv → 写入/.test(stdout), 60_000);
    expect((await ids(out)).has('N-3')).toBe(true);

    // A rebuild that renders hundreds of new letters, and a save while it runs.
    const before = builds();
    await writeFile(path.join(data, '大批.csv'), ledger('A', 400));
    await sleep(1200); // past the debounce and the write-finish wait: the rebuild is under way
    expect(builds(), 'the second save must land while the rebuild runs').toBe(before);
    await writeFile(path.join(data, '补充.csv'), ledger('S', 2));
    await until('a rebuild for the second save', () => /新增 补充\.csv → 写入/.test(stdout), 120_000);
    const now = await ids(out);
    expect(['N-3', 'A-400', 'S-2'].filter((id) => !now.has(id))).toEqual([]);
  }, 300_000);
});

describe('duban watch: a save while the long images are drawn', () => {
  let handle: WatchHandle | null = null;
  const gates: (() => void)[] = [];
  afterEach(async () => {
    for (const open of gates) open();
    await handle?.close();
    handle = null;
  });

  const isBulletin = (f: OutputFile) => /^(public|campus)\/bulletin\/[^/]+\.html$/.test(f.path);
  /** What the stand-in draws for a page: names the page version it was drawn from. */
  const imageOf = (page: Uint8Array | string) => `image of ${hashBytes(page)}`;

  it('rebuilds the documents at once, and never writes the images of outdated pages', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-watch-images-'));
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'out');
    await mkdir(data, { recursive: true });
    for (const f of ['督办台账.csv', '单位名录.csv']) await copyFile(path.join(BASIC, f), path.join(data, f));

    let calls = 0;
    const drawImages: DrawImages = async (site) => {
      calls += 1;
      const pages = site.filter(isBulletin);
      await new Promise<void>((open) => gates.push(open)); // drawing takes until the test says so
      return { files: pages.map((p) => ({ path: p.path.replace(/\.html$/, '.png'), bytes: imageOf(p.bytes) })), drawn: pages.length, reused: 0, warning: null };
    };
    const lines: string[] = [];
    handle = await startWatch({ dataDir: data, outDir: out, asOf: AS_OF, debounceMs: 100, stableMs: 300, drawImages, onRebuild: (l) => lines.push(l) }, DEFAULT_OFFICE_CONFIG, PACKAGE_TEMPLATES);
    await until('the first build to start drawing its images', () => calls === 1, 30_000);
    const november = path.join(out, 'public/bulletin/2026-11.html');
    const firstPage = await readFile(november);

    // Saved while the images of the first build are being drawn: the documents must not wait.
    await writeFile(path.join(data, '新台账.csv'), ledger('N', 3));
    await until('the documents of the save', async () => (await ids(out)).has('N-3'), 20_000);
    // analysis.json and the documents are written first; the rebuild's line follows with the site.
    await until('the rebuild of the save', () => lines.some((l) => l.includes('新增 新台账.csv')), 20_000);
    expect(calls).toBe(1);
    const secondPage = await readFile(november);
    expect(secondPage.equals(firstPage)).toBe(false); // the new items are public: the bulletin changed

    // The first build's images now arrive, of pages that are no longer on disk: dropped.
    gates[0]!();
    await until('the newest pages to be drawn', () => calls === 2, 20_000);
    const png = path.join(out, 'public/bulletin/2026-11.png');
    const early = await readFile(png, 'utf8').catch(() => null);
    expect(early).not.toBe(imageOf(firstPage));
    expect(lines.some((l) => l.includes('通报长图已更新'))).toBe(false);

    gates[1]!();
    await handle.idle();
    expect(lines.filter((l) => l.includes('通报长图已更新'))).toHaveLength(1);
    // Every image on disk is of the page beside it.
    for (const edition of ['public', 'campus']) {
      const folder = path.join(out, edition, 'bulletin');
      const htmls = (await readdir(folder)).filter((f) => f.endsWith('.html'));
      expect(htmls.length).toBeGreaterThan(0);
      for (const h of htmls) {
        const page = await readFile(path.join(folder, h));
        expect(await readFile(path.join(folder, h.replace(/\.html$/, '.png')), 'utf8'), `${edition}/${h}`).toBe(imageOf(page));
      }
    }
    expect((await stat(png)).isFile()).toBe(true);
  }, 60_000);
});
