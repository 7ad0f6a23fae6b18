/**
 * The figures a user feels, measured as whole processes of the installed command (bin/duban.js,
 * compiled when dist/ is fresh): start-up, check, first build and rebuild. Peak memory comes from
 * the child itself (process.resourceUsage at exit, through a preloaded one-line module), so no
 * platform tool is needed.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLedgers } from './generate-ledgers.ts';
import { writeLedgers } from './write-ledgers.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/duban.js');
const ASOF = '2026-11-25';

export interface ProcessRow {
  what: string;
  ms: number;
  peakRssMb: number | null;
  goal: string;
  note?: string;
}

interface Run {
  ms: number;
  peakRssMb: number;
  stdout: string;
}

async function run(args: string[], preload: string): Promise<Run> {
  const rss = `${preload}.${Math.random().toString(36).slice(2)}.json`;
  const t0 = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    const p = spawn(process.execPath, ['--require', preload, BIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, DUBAN_RSS_FILE: rss, CI: '1' } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 || code === 1 ? resolve(out) : reject(new Error(`duban ${args.join(' ')} exited ${code}`))));
  });
  const ms = performance.now() - t0;
  const peakRssMb = Math.round(Number(await readFile(rss, 'utf8').catch(() => '0')) / 1024);
  await rm(rss, { force: true });
  return { ms, peakRssMb, stdout };
}

async function median(n: number, f: () => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let k = 0; k < n; k++) runs.push(await f());
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

/** The time of the stages whose label has `label` in a build's --json timings (the four 公文 outputs, the write phases). */
function stageMs(stdout: string, label: string): number | null {
  try {
    const t = (JSON.parse(stdout) as { timings?: { label: string; ms: number }[] }).timings ?? [];
    const hits = t.filter((x) => x.label.includes(label));
    return hits.length ? hits.reduce((n, x) => n + x.ms, 0) : null;
  } catch {
    return null;
  }
}

export async function benchProcesses(max: number): Promise<ProcessRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-bench-proc-'));
  const preload = path.join(dir, 'rss.cjs');
  await writeFile(preload, "process.on('exit',()=>{try{require('fs').writeFileSync(process.env.DUBAN_RSS_FILE,String(process.resourceUsage().maxRSS))}catch{}});\n");
  const rows: ProcessRow[] = [];
  const fmt = (ms: number | null) => (ms === null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
  try {
    const help = await median(5, () => run(['--help'], preload));
    rows.push({ what: '`duban --help`，整个进程', ms: help.ms, peakRssMb: help.peakRssMb, goal: '≤ 0.2 s' });

    const sampleData = path.join(dir, 'sample');
    await cp(path.join(ROOT, 'data'), sampleData, { recursive: true });
    const sampleOut = path.join(dir, 'sample-out');
    const first = await run(['build', '--data', sampleData, '--out', sampleOut, '--as-of', ASOF, '--json'], preload);
    rows.push({ what: '示例数据首次生成到空的 out/（全部输出，含长图）', ms: first.ms, peakRssMb: first.peakRssMb, goal: '≤ 2.5 s', note: `其中通报长图 ${fmt(stageMs(first.stdout, '通报长图'))}` });
    const again = await median(3, () => run(['build', '--data', sampleData, '--out', sampleOut, '--as-of', ASOF, '--json'], preload));
    rows.push({ what: '示例数据再次生成（无改动）', ms: again.ms, peakRssMb: again.peakRssMb, goal: '≤ 0.5 s', note: `其中通报长图 ${fmt(stageMs(again.stdout, '通报长图'))}` });

    for (const n of [10_000, 100_000].filter((x) => x <= max)) {
      const data = path.join(dir, `data-${n}`);
      await writeLedgers(data, generateLedgers({ items: n, units: 50, seed: 1, asOf: ASOF }));
      const check = await run(['check', '--data', data, '--as-of', ASOF, '--quiet'], preload);
      rows.push({ what: `\`duban check\`，${n.toLocaleString('en')} 项，整个进程`, ms: check.ms, peakRssMb: check.peakRssMb, goal: n === 10_000 ? '≤ 1 s' : '≤ 4 s，≤ 768 MiB' });
      if (n === 10_000) {
        const out = path.join(dir, `out-${n}`);
        const build = await run(['build', '--data', data, '--out', out, '--as-of', ASOF, '--json'], preload);
        rows.push({
          what: '首次生成，10,000 项（约 5% 逾期），全部输出',
          ms: build.ms,
          peakRssMb: build.peakRssMb,
          goal: '≤ 5 s',
          note: `其中公文 PDF+DOCX ${fmt(stageMs(build.stdout, '公文'))}，进展反馈与审核 ${fmt(stageMs(build.stdout, '进展反馈'))}，月报 ${fmt(stageMs(build.stdout, '月度'))}，网站 ${fmt(stageMs(build.stdout, '网站'))}，通报长图 ${fmt(stageMs(build.stdout, '通报长图'))}，写入 ${fmt(stageMs(build.stdout, '写入'))}`,
        });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
