/**
 * The shape of pipeline/ (design: ingest → validate → analyze → aggregate → render → write, app/
 * over them, cli/ and watch/ on top): no module imports a stage to its right, and renderers take
 * only types from analyze/ and aggregate/ (the views come to them from app/). The few imports that
 * still run the other way are listed here by name, so a new one fails this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../pipeline');
const ORDER = ['model', 'config', 'ingest', 'validate', 'analyze', 'aggregate', 'render', 'write', 'app', 'watch', 'cli', 'bench'];
/** Known and left (see the notes of issue 15): each entry is "importer -> imported". */
const KNOWN = new Set([
  // office.json's `columns` are checked against the ledger kinds' column names.
  'config/office-config.ts -> ingest/ledger-kinds.ts',
  'config/sound-config.ts -> ingest/ledger-kinds.ts',
  // The watch prints the build summary's lines (watch and cli are peers at the top).
  'watch/watch.ts -> cli/progress.ts',
  'watch/watch.ts -> cli/summary.ts',
  'watch/watch.ts -> cli/template-warnings.ts',
  // The campaign outputs still plan their own tables from the analysis.
  'render/campaign.ts -> aggregate/campaign-counts.ts',
  'render/campaign.ts -> aggregate/campaign-tables.ts',
  'render/xlsx/campaign-self-check-sheets.ts -> aggregate/campaign-tables.ts',
  'render/xlsx/campaign-sheets.ts -> aggregate/campaign-tables.ts',
]);

function imports(): { from: string; to: string; typeOnly: boolean }[] {
  const out: { from: string; to: string; typeOnly: boolean }[] = [];
  for (const rel of readdirSync(ROOT, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(path.join(ROOT, rel), 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const to = path.normalize(path.join(path.dirname(rel), m[2]!));
      out.push({ from: rel.split(path.sep).join('/'), to: to.split(path.sep).join('/'), typeOnly: Boolean(m[1]) });
    }
  }
  return out;
}

describe('one-way flow through pipeline/', () => {
  const all = imports();
  const stage = (p: string) => p.split('/')[0]!;

  it('has no import of a later stage but those listed', () => {
    const backwards = all.filter((i) => !i.typeOnly && ORDER.indexOf(stage(i.to)) > ORDER.indexOf(stage(i.from))).map((i) => `${i.from} -> ${i.to}`);
    expect(backwards.filter((b) => !KNOWN.has(b))).toEqual([]);
    expect(all.length).toBeGreaterThan(300);
  });

  it('gives renderers only types from analyze/ and aggregate/, but those listed', () => {
    const calls = all.filter((i) => stage(i.from) === 'render' && ['analyze', 'aggregate'].includes(stage(i.to)) && !i.typeOnly).map((i) => `${i.from} -> ${i.to}`);
    expect(calls.filter((c) => !KNOWN.has(c))).toEqual([]);
  });

  it('keeps every stage folder known', () => {
    expect([...new Set(all.map((i) => stage(i.from)))].filter((s) => !ORDER.includes(s))).toEqual([]);
  });
});
