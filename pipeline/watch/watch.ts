/**
 * `duban watch`: rebuild when a ledger in the data folder is saved. Excel and WPS save through
 * temporary files, lock files and renames, so events are filtered, each file must stop growing
 * before it is read (awaitWriteFinish), and bursts of events are collapsed into one rebuild.
 */
import path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import type { CliOptions } from '../cli/args.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Io } from '../cli/main.ts';
import { todayInShanghai, type IsoDate } from '../model/dates.ts';
import { scanFolder } from '../ingest/scan-folder.ts';
import { buildFrom } from '../cli/build.ts';
import { progress, formatMs } from '../cli/progress.ts';
import { styleFor, describeIssue } from '../cli/summary.ts';
import { LedgerCache } from './ledger-cache.ts';
import { pdfAssets } from '../cli/renderers.ts';
import { readManifestHashes, renderSiteImages } from '../cli/site-outputs.ts';
import { writeOutputs } from '../write/write-outputs.ts';
import type { OutputFile } from '../model/output.ts';

const isSitePage = (f: OutputFile) => f.path.startsWith('public/') || f.path.startsWith('campus/');
import { RenderMemo } from '../render/pdf/engine/printer.ts';
import { isLedgerPath } from './watched-files.ts';
import { terminalText } from '../model/control-chars.ts';

export interface WatchHandle {
  /** Resolves after the rebuild now under way (if any) has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

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
  // Rebuilds re-render only the documents a save changed; the rest come from this process's memo.
  const engine = pdfAssets(templatesDir).engine;
  engine.memo ??= new RenderMemo();
  const say = w.onRebuild ?? (() => {});
  const style = styleFor(process.stdout);
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let lastDay = w.asOf ?? todayInShanghai();
  const pending = new Set<string>();

  const rebuild = async (reason: string): Promise<void> => {
    const t0 = performance.now();
    const asOf = w.asOf ?? todayInShanghai();
    lastDay = asOf;
    try {
      const scanned = await scanFolder(w.dataDir);
      const read = await cache.read(scanned.files, scanned.issues);
      const { analysed, heldBack } = cache.analyse(read, asOf, config);
      // Documents first: the long images (seconds of browser time) follow in a second write, so a
      // saved ledger shows in the PDFs, reports and pages without waiting for them.
      const r = await buildFrom(read.ledgers, analysed, { asOf, outDir: w.outDir, noImages: true }, config, templatesDir, progress(process.stderr, { CI: '1' }));
      const what = [
        ...read.added.map((p) => `新增 ${p}`),
        ...read.changed.map((p) => `修改 ${p}`),
        ...read.removed.map((p) => `删除 ${p}`),
      ].map(terminalText).join('，') || terminalText(reason);
      const problems = r.errors || r.warnings ? `；${style.red(`错误 ${r.errors}`)}，警告 ${r.warnings}` : '；无问题';
      const held = heldBack.length ? `；${terminalText(heldBack.join('、'))} 有错误，暂用上次的正确版本` : '';
      const touched = new Set([...read.changed, ...read.added]);
      const details = r.analysed.analysis.issues
        .filter((x) => x.severity === 'error' && touched.has(x.file))
        .map((i) => `\n  ${style.red('错误')} ${describeIssue(i)}`);
      // One message per rebuild: the summary line, then the errors of the files just saved.
      say(`[${clock()}] ${what} → 写入 ${r.written.written.length} 个文件（未变 ${r.written.unchanged.length}，删除 ${r.written.removed.length}），用时 ${formatMs(performance.now() - t0)}${problems}${held}${details.join('')}`);
      if (w.images === false) return;
      const images = await renderSiteImages(r.files.filter(isSitePage), w.outDir, await readManifestHashes(w.outDir));
      if (images.drawn > 0) {
        await writeOutputs(w.outDir, images.files, []);
        say(`[${clock()}] 通报长图已更新 ${images.drawn} 张，用时 ${formatMs(performance.now() - t0)}`);
      }
      if (images.warning) say(`[${clock()}] ${images.warning}`);
    } catch (e) {
      // The last good outputs stay on disk; the next save tries again.
      say(`[${clock()}] 重新生成失败：${terminalText((e as Error).message)}（已有的输出文件保持不变）`);
    }
  };

  const schedule = (reason: string) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      const label = pending.size ? [...pending].join('、') : reason;
      pending.clear();
      running = rebuild(label).finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule('文件变化');
        }
      });
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

  running = rebuild('启动').finally(() => {
    running = null;
  });

  return {
    async idle() {
      while (running || timer) {
        if (running) await running;
        else await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      clearInterval(dayTimer);
      if (timer) clearTimeout(timer);
      await watcher.close();
      if (running) await running;
    },
  };
}

function clock(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 19);
}
