/**
 * `duban watch`: rebuild when a ledger in the data folder is saved. Excel and WPS save through
 * temporary files, lock files and renames, so events are filtered, each file must stop growing
 * before it is read (awaitWriteFinish), and bursts of events are collapsed into one rebuild.
 *
 * No save is lost: a save that arrives while a build runs (the first one included, at any stage)
 * marks the build dirty, and another build starts as soon as it ends. The long images are drawn
 * after the documents, outside that loop, so a save during image drawing rebuilds the documents
 * at once; images are written only if no newer build has written its pages meanwhile (images of
 * an outdated page are dropped, and the newest build's images are drawn next).
 */
import path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import type { CliOptions } from '../cli/args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from '../cli/main.ts';
import { todayInShanghai, type IsoDate } from '../model/dates.ts';
import { scanFolder } from '../ingest/scan-folder.ts';
import { buildFrom } from '../app/build.ts';
import { progress, formatMs } from '../cli/progress.ts';
import { styleFor, describeIssue } from '../cli/summary.ts';
import { templateWarningLines } from '../cli/template-warnings.ts';
import { LedgerCache } from './ledger-cache.ts';
import { officeAssets } from '../render/office-assets.ts';
import { drawSiteImages, type ImageResult } from '../app/image-outputs.ts';
import { settingsKey } from '../app/render-outputs.ts';
import { writeOutputs } from '../write/write-outputs.ts';
import { RenderMemo, readKept } from '../write/render-memo.ts';
import { isKept, type BuiltFile, type OutputFile } from '../model/output.ts';
import { isLedgerPath } from './watched-files.ts';
import { terminalText } from '../model/control-chars.ts';

/** Written first at each rebuild (app/outputs.ts ids). */
const FIRST_OUTPUTS = ['analysis', 'reminders', 'assignments', 'forms', 'dues'];

const isSitePage = (f: BuiltFile) => f.path.startsWith('public/') || f.path.startsWith('campus/');

export interface WatchHandle {
  /** Resolves once nothing is pending: no build running or queued, no images being drawn. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Draws the long images of a build's site pages (the default reuses, through the render memo, those of unchanged pages). */
export type DrawImages = (site: readonly OutputFile[], outDir: string) => Promise<ImageResult>;

export interface WatchOptions {
  dataDir: string;
  outDir: string;
  /** Fixed as-of date; null = today in Asia/Shanghai at each rebuild. */
  asOf: IsoDate | null;
  debounceMs?: number;
  /** How long a file must stay the same size before it is read. */
  stableMs?: number;
  onRebuild?: (line: string) => void;
  /** Draw the long images after each rebuild (default true). */
  images?: boolean;
  /** How images are drawn (default: in the browser, reusing those of unchanged pages). */
  drawImages?: DrawImages;
}

export async function runWatch(o: CliOptions, config: OfficeConfig, templatesDir: string, io: Io): Promise<number> {
  const handle = await startWatch({ dataDir: o.dataDir, outDir: o.outDir, asOf: o.asOfGiven ? o.asOf : null, images: !o.noImages, onRebuild: (l) => io.out.write(l + '\n') }, config, templatesDir);
  io.out.write(`正在监视 ${o.dataDir}（保存台账后自动重新生成到 ${o.outDir}；按 Ctrl+C 退出）\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
  return 0;
}

export async function startWatch(w: WatchOptions, config: OfficeConfig, templatesDir: string): Promise<WatchHandle> {
  const cache = new LedgerCache();
  const assets = officeAssets(templatesDir);
  // Rebuilds draw only the documents a save changed; the session keeps one render memo open.
  const memo = new RenderMemo();
  const say = w.onRebuild ?? (() => {});
  const style = styleFor(process.stdout);
  let imagesAsOf = w.asOf ?? todayInShanghai();
  const drawImages: DrawImages = w.drawImages ?? ((site, outDir) => drawSiteImages(site, outDir, { memo, settings: settingsKey({ asOf: imagesAsOf, config, templatesDir }) }));
  const shownWarnings = new Set<string>();
  let lastDay = w.asOf ?? todayInShanghai();
  let closed = false;

  /** Documents builds begun: images drawn for an older one show pages that are no longer on disk. */
  let generation = 0;
  /** A change arrived that no build has started reading yet. */
  let dirty = false;
  let building: Promise<void> | null = null;
  let drawing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  /** The newest build's pages, waiting for their images. */
  let imagesWanted: { generation: number; asOf: IsoDate; site: BuiltFile[] } | null = null;
  const pending = new Set<string>();
  let reason = '启动';

  // One writer at a time in this process: a documents build and an image write never interleave,
  // so the generation checked before writing images is still the one on disk while they are written.
  let writing: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = writing.then(fn);
    writing = run.catch(() => undefined);
    return run;
  };

  const rebuild = async (label: string): Promise<void> => {
    const built = ++generation;
    const t0 = performance.now();
    const asOf = w.asOf ?? todayInShanghai();
    lastDay = asOf;
    try {
      const scanned = await scanFolder(w.dataDir);
      const read = await cache.read(scanned.files, scanned.issues, config.columns);
      const { analyzed, heldBack } = cache.analyze(read, asOf, config);
      // Documents first: the long images (seconds of browser time) follow in a second write, so a
      // saved ledger shows in the PDFs, reports and pages without waiting for them.
      // analysis.json and the formal documents first: what a save changes most often is on disk
      // before the whole-analysis outputs (report, feedback workbooks, site, desk) are drawn.
      let firstMs: number | null = null;
      const first = { ids: FIRST_OUTPUTS, onFirst: () => (firstMs = performance.now() - t0) };
      const r = await buildFrom(read.ledgers, analyzed, { asOf, outDir: w.outDir, noImages: true, memo, first }, config, templatesDir, progress(process.stderr, { CI: '1' }));
      // The first build reads every file: name the count, not each file as 新增.
      const what =
        built === 1
          ? `${terminalText(label)}：读取 ${read.ledgers.fileCount} 个文件`
          : [...read.added.map((p) => `新增 ${p}`), ...read.changed.map((p) => `修改 ${p}`), ...read.removed.map((p) => `删除 ${p}`)].map(terminalText).join('，') || terminalText(label);
      const problems = r.errors || r.warnings ? `；${style.red(`错误 ${r.errors}`)}，警告 ${r.warnings}` : '；无问题';
      const held = heldBack.length ? `；${terminalText(heldBack.join('、'))} 有错误，暂用上次的正确版本` : '';
      const touched = new Set([...read.changed, ...read.added]);
      const details = r.analyzed.analysis.issues.filter((x) => x.severity === 'error' && touched.has(x.file)).map((i) => `\n  ${style.red('错误')} ${describeIssue(i)}`);
      // Template warnings once per session (the first build shows those found at load).
      const fresh = assets.warnings.filter((x) => !shownWarnings.has(x));
      for (const x of fresh) shownWarnings.add(x);
      const templates = templateWarningLines(fresh, style).map((x) => `\n  ${x}`);
      // One message per rebuild: the summary line, then the errors of the files just saved.
      const firstPart = firstMs === null ? '' : `（analysis.json 与公文 ${formatMs(firstMs)}）`;
      say(
        `[${clock()}] ${what} → 写入 ${r.written.written.length} 个文件（未变 ${r.written.unchanged.length}，删除 ${r.written.removed.length}），用时 ${formatMs(performance.now() - t0)}${firstPart}${problems}${held}${details.join('')}${templates.join('')}`,
      );
      if (w.images !== false) imagesWanted = { generation: built, asOf, site: r.files.filter(isSitePage) };
    } catch (e) {
      // The last good outputs stay on disk; the next save tries again.
      say(`[${clock()}] 重新生成失败：${terminalText((e as Error).message)}（已有的输出文件保持不变）`);
    }
  };

  /** Builds until no change is left unread: a save during any stage of any build gets its own build. */
  const requestBuild = () => {
    dirty = true;
    if (building || closed) return;
    building = (async () => {
      try {
        while (dirty && !closed) {
          dirty = false;
          const label = pending.size ? [...pending].join('、') : reason;
          pending.clear();
          await exclusive(() => rebuild(label));
        }
      } finally {
        building = null;
      }
      drawImagesOfNewest();
    })();
  };

  /** Draws the images of the newest build's pages, unless a build is running or about to. */
  const drawImagesOfNewest = () => {
    if (drawing || building || timer || closed || !imagesWanted) return;
    const job = imagesWanted;
    imagesWanted = null;
    const t0 = performance.now();
    drawing = (async () => {
      try {
        imagesAsOf = job.asOf;
        const site = await withBytes(job.site, w.outDir);
        const images = site ? await drawImages(site, w.outDir) : { files: [], drawn: 0, reused: 0, warning: null };
        const current = await exclusive(async () => {
          if (job.generation !== generation) return false;
          if (images.drawn > 0) {
            await writeOutputs(w.outDir, images.files, []);
            await memo.save(w.outDir);
          }
          return true;
        });
        if (current && images.drawn > 0) say(`[${clock()}] 通报长图已更新 ${images.drawn} 张，用时 ${formatMs(performance.now() - t0)}`);
        if (current && images.warning) say(`[${clock()}] ${images.warning}`);
      } catch (e) {
        say(`[${clock()}] 通报长图生成失败：${terminalText((e as Error).message)}（公文和网页已更新）`);
      } finally {
        drawing = null;
      }
      drawImagesOfNewest();
    })();
  };

  const schedule = (why: string) => {
    reason = why;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      requestBuild();
    }, w.debounceMs ?? 150);
  };

  const watcher = chokidarWatch(w.dataDir, {
    ignoreInitial: true,
    ignored: (p, stats) => (stats?.isFile() ?? false) && !isLedgerPath(p),
    awaitWriteFinish: { stabilityThreshold: w.stableMs ?? 250, pollInterval: 50 },
    atomic: true,
  });
  watcher.on('all', (event, p) => {
    if (!isLedgerPath(p) && event !== 'unlinkDir') return;
    pending.add(path.relative(w.dataDir, p).split(path.sep).join('/'));
    schedule(event);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  // A new day changes statuses (due soon → overdue) even when no file changes.
  const dayTimer = setInterval(() => {
    if (w.asOf === null && todayInShanghai() !== lastDay) schedule('日期变更');
  }, 60_000);
  dayTimer.unref();

  requestBuild();

  return {
    async idle() {
      while (building || timer || drawing) {
        if (building) await building;
        else if (drawing) await drawing;
        else await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      closed = true;
      clearInterval(dayTimer);
      if (timer) clearTimeout(timer);
      timer = null;
      await watcher.close();
      await building;
      await drawing;
    },
  };
}

/** The site's files with their bytes (kept ones read back from out/); null if one changed since the build. */
async function withBytes(site: readonly BuiltFile[], outDir: string): Promise<OutputFile[] | null> {
  const out: OutputFile[] = [];
  for (const f of site) {
    if (!isKept(f)) {
      out.push(f);
      continue;
    }
    const bytes = await readKept(outDir, f);
    if (bytes === null) return null;
    out.push(f.longImage ? { path: f.path, bytes, longImage: true } : { path: f.path, bytes });
  }
  return out;
}

function clock(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 19);
}
