/**
 * `npm run bench`: realistic generated ledgers of 1,000 / 10,000 / 100,000 items, each size in
 * its own process so peak memory is its own; prints one table. A benchmark, not a timed test.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StageRow } from './bench-stages.ts';

// The children run the TypeScript through tsx, like this script (`npm run bench`); the whole-process
// rows (process-bench.ts) run the installed command, compiled.
const CHILD = fileURLToPath(new URL('./bench-child.ts', import.meta.url));
const LOADER = ['--import', 'tsx'];

function child<T>(mode: string, n: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...LOADER, CHILD, mode, String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`bench ${mode} ${n} exited ${code}`))));
  });
}

export async function runBench(max = 100_000, io: { out: NodeJS.WritableStream } = { out: process.stdout }): Promise<number> {
  const sizes = [1_000, 10_000, 100_000].filter((n) => n <= max);
  const say = (s: string) => io.out.write(s + '\n');
  say(`duban bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${(await import('node:os')).cpus().length} 核`);
  say('');
  say('| 整个进程 | 用时 | 峰值内存 | 目标 | 说明 |');
  say('|---|---:|---:|---|---|');
  const { benchProcesses } = await import('./process-bench.ts');
  for (const r of await benchProcesses(max)) say(`| ${r.what} | ${fmt(r.ms)} | ${r.peakRssMb ?? ''} MB | ${r.goal} | ${r.note ?? ''} |`);
  say('');
  say('| 规模 | 阶段 | 用时 | 峰值内存 | 说明 |');
  say('|---:|---|---:|---:|---|');
  for (const n of sizes) {
    const rows = await child<StageRow[]>('stages', n);
    let total = 0;
    for (const r of rows) {
      total += r.ms;
      say(`| ${n.toLocaleString('en')} | ${r.stage} | ${fmt(r.ms)} | ${r.peakRssMb} MB | ${r.note ?? ''} |`);
    }
    say(`| ${n.toLocaleString('en')} | **合计** | **${fmt(total)}** | | |`);
  }
  const xlsxN = Math.min(100_000, max);
  const x = await child<{ ms: number; peakRssMb: number; bytes: number }>('xlsx', xlsxN);
  say(`| ${xlsxN.toLocaleString('en')} | 办理情况表 XLSX 单独生成（流式写入） | ${fmt(x.ms)} | ${x.peakRssMb} MB | ${(x.bytes / 1048576).toFixed(1)} MB |`);
  if (max >= 10_000) {
    const w = await child<{ items: number; initialMs: number; analysisMs: number; latencyMs: number }>('watch', 10_000);
    say(`| 10,000 | watch：改动一个文件到 analysis.json 落盘（目标 ≤ 1 s） | ${fmt(w.analysisMs)} | | 全部输出落盘 ${fmt(w.latencyMs)}；首次生成 ${fmt(w.initialMs)} |`);
  }
  const letters = await child<Record<string, number>>('letters', Math.min(1_000, max));
  const l = (k: string) => letters[k] ?? NaN;
  say(
    `| ${l('letters')} 封 | 催办通知：分别成文件（duban） | ${fmt(l('duban.separate.totalMs'))} | | 每封 ${l('duban.separate.msPerLetter').toFixed(2)} ms；puppeteer 每封 ${l('puppeteer.separate.msPerLetter').toFixed(1)} ms；快 ${l('speedup.separate').toFixed(1)} 倍 |`,
  );
  say(`| ${l('letters')} 封 | 催办通知：合并一个 PDF（duban） | ${fmt(l('duban.batch.totalMs'))} | | puppeteer ${fmt(l('puppeteer.batch.totalMs'))}；快 ${l('speedup.batch').toFixed(1)} 倍 |`);
  say(
    `| ${l('notice.letters')} 份 | 督办通知：条带直写与 pdfmake 对照 | 每份 ${l('notice.bands.msPerLetter').toFixed(2)} ms | | pdfmake 每份 ${l('notice.pdfmake.msPerLetter').toFixed(1)} ms；快 ${l('notice.speedup').toFixed(1)} 倍 |`,
  );
  return 0;
}

function fmt(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

// `npm run bench [-- --max 10000]`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--max');
  const max = at > 0 ? Number(process.argv[at + 1]) : 100_000;
  if (!Number.isInteger(max) || max <= 0) {
    process.stderr.write('--max 需要正整数。\n');
    process.exitCode = 2;
  } else {
    process.exitCode = await runBench(max);
  }
}
