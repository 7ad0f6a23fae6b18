/** Watch latency: one changed ledger in an N-item data folder until its outputs are on disk. */
import { statSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateLedgers } from './generate-ledgers.ts';
import { writeLedgers } from './write-ledgers.ts';
import { DEFAULT_OFFICE_CONFIG } from '../pipeline/config/office-config.ts';
import { PACKAGE_TEMPLATES } from '../pipeline/config/load-config.ts';
import { startWatch } from '../pipeline/watch/watch.ts';

const ASOF = '2026-11-25';

export async function benchWatchLatency(n: number): Promise<{ items: number; initialMs: number; analysisMs: number; latencyMs: number; line: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `duban-watch-bench-${n}-`));
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'out');
  const files = generateLedgers({ items: n, units: 50, seed: 1, asOf: ASOF });
  await writeLedgers(data, files);
  let lines: { at: number; line: string }[] = [];
  const t0 = performance.now();
  const handle = await startWatch({ dataDir: data, outDir: out, asOf: ASOF, onRebuild: (line) => lines.push({ at: performance.now(), line }) }, DEFAULT_OFFICE_CONFIG, PACKAGE_TEMPLATES);
  try {
    await handle.idle();
    const initialMs = performance.now() - t0;
    lines = [];
    // A secretary records one more reminder: append a row to the reminder log.
    const log = files.find((f) => /催办/.test(f.path));
    if (!log) throw new Error('generator made no reminder log');
    const logPath = path.join(data, log.path);
    const before = await readFile(path.join(out, 'internal/analysis.json'), 'utf8');
    const firstId = /"id": "([^"]+)"/.exec(before)?.[1] ?? '';
    // Fill the row in the log's own column order.
    const header = (await readFile(logPath, 'utf8'))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .split(',');
    const value: Record<string, string> = { 编号: firstId, 事项编号: firstId, 催办日期: ASOF, 催办方式: '电话', 催办人: '王建平', 备注: '基准测试' };
    const t1 = performance.now();
    await appendFile(logPath, header.map((h) => value[h] ?? '').join(',') + '\r\n');
    // The measure: until the new analysis.json is on disk (the watch writes it first).
    let analysisMs = NaN;
    const analysisJson = path.join(out, 'internal/analysis.json');
    const stamp = () => statSync(analysisJson, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const old = stamp();
    while (lines.length === 0) {
      if (Number.isNaN(analysisMs) && stamp() !== old) analysisMs = performance.now() - t1;
      await new Promise((r) => setTimeout(r, 5));
    }
    await handle.idle();
    return { items: n, initialMs, analysisMs, latencyMs: lines[0]!.at - t1, line: lines[0]!.line };
  } finally {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}
