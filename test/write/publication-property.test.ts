/**
 * The publication promise as a property, over random ledgers with random 公开范围 and random
 * interruptions: after the next completed build,
 *  - no byte of out/public (out/campus) carries a title or file name of a narrower row;
 *  - out/public and out/campus are exactly what a clean build into an empty folder writes;
 *  - and exactly what a clean build of only the rows the edition may show writes (nothing of an
 *    edition — months, counts, numbers, file names — depends on rows outside it).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { filesUnder } from '../support/out-tree.ts';

const BIN = path.join(import.meta.dirname, '../../bin/duban.js');
const AS_OF = '2026-11-20';
const UNITS = ['教务处', '人事处', '财务处', '科研处', '学生工作处'];
const SCOPES = ['社会公开', '校内公开', '不公开', ''] as const;
type Scope = (typeof SCOPES)[number];
const WIDTH: Record<Scope, number> = { 社会公开: 2, 校内公开: 1, 不公开: 0, '': 0 };

interface Row {
  seq: number;
  unit: string;
  assigned: string;
  deadline: string;
  done: boolean;
  scope: Scope;
  marker: string;
}

const row = (seq: number) =>
  fc
    .record({
      unit: fc.constantFrom(...UNITS),
      month: fc.integer({ min: 1, max: 11 }),
      day: fc.integer({ min: 1, max: 28 }),
      span: fc.integer({ min: 5, max: 90 }),
      done: fc.boolean(),
      scope: fc.constantFrom(...SCOPES),
    })
    .map(({ unit, month, day, span, done, scope }): Row => {
      const assigned = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const due = new Date(Date.parse(assigned) + span * 86_400_000).toISOString().slice(0, 10);
      return { seq, unit, assigned, deadline: due, done: done && due <= AS_OF, scope, marker: `MK${seq}Q${month}x${day}` };
    });

const ledger = fc.integer({ min: 2, max: 9 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => row(k + 1))));

function csv(rows: readonly Row[]): string {
  const lines = ['序号,事项,承办单位,立项日期,办结时限,状态,办结日期,公开范围'];
  for (const r of rows) lines.push([r.seq, `完成${r.marker}相关工作`, r.unit, r.assigned, r.deadline, r.done ? '已办结' : '办理中', r.done ? r.deadline : '', r.scope].join(','));
  return lines.join('\n') + '\n';
}

const FILE = '台账FNAMEZ7.csv';

async function dataDir(base: string, name: string, rows: readonly Row[]): Promise<string> {
  const d = path.join(base, name);
  await mkdir(d, { recursive: true });
  await writeFile(path.join(d, FILE), csv(rows));
  return d;
}

function same(a: Map<string, Buffer>, b: Map<string, Buffer>, label: string): void {
  expect([...a.keys()].sort(), label).toEqual([...b.keys()].sort());
  for (const [k, v] of a) expect(v.equals(b.get(k)!), `${label}: ${k}`).toBe(true);
}

async function build(data: string, out: string): Promise<void> {
  const r = await runCli(['build', '--data', data, '--out', out, '--as-of', AS_OF, '--no-images', '--quiet']);
  expect([0, 1], r.err + r.out).toContain(r.code);
}

/** A real build process, killed (SIGKILL) after `ms`, or left to finish when ms is null. */
async function interruptedBuild(data: string, out: string, ms: number | null): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'build', '--data', data, '--out', out, '--as-of', AS_OF, '--no-images', '--quiet'], { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  if (ms !== null) setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
}

describe('what an edition publishes', () => {
  it('depends on its own rows only, and survives interrupted builds', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, ledger, fc.option(fc.integer({ min: 300, max: 2500 })), async (before, afterRaw, killAt) => {
        // The same items (same 序号) with other audiences, dates and states.
        const after = afterRaw.map((r, k) => ({ ...r, seq: before[k]?.seq ?? r.seq }));
        const base = await mkdtemp(path.join(os.tmpdir(), 'duban-pub-'));
        const out = path.join(base, 'out');
        await build(await dataDir(base, 'before', before), out);
        const now = await dataDir(base, 'after', after);
        await interruptedBuild(now, out, killAt);
        await build(now, out);

        const clean = path.join(base, 'clean');
        await build(now, clean);
        for (const edition of ['public', 'campus'] as const) {
          const got = await filesUnder(path.join(out, edition));
          same(got, await filesUnder(path.join(clean, edition)), `${edition} after an interrupted build`);
          const min = edition === 'public' ? 2 : 1;
          const only = path.join(base, `only-${edition}`);
          await build(
            await dataDir(
              base,
              `rows-${edition}`,
              after.filter((r) => WIDTH[r.scope] >= min),
            ),
            only,
          );
          same(got, await filesUnder(path.join(only, edition)), `${edition} from its own rows only`);
          const text = Buffer.concat([...got.values()]).toString('latin1');
          const hidden = [...before, ...after].filter((r) => WIDTH[r.scope] < min && !after.some((a) => a.marker === r.marker && WIDTH[a.scope] >= min));
          for (const r of hidden) expect(text.includes(Buffer.from(r.marker).toString('latin1')), `${edition} carries ${r.marker}`).toBe(false);
          expect(text.includes(Buffer.from('FNAMEZ7').toString('latin1')), `${edition} carries the file name`).toBe(false);
        }
      }),
      { numRuns: 6 },
    );
  }, 300_000);
});
