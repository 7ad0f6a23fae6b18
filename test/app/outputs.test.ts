/**
 * The registry of outputs: the build is a loop over it, and the scopes the writer may clean are
 * the registry's own, so every file a build makes is in the scope of the output that made it,
 * and no two outputs claim the same place.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUTS, buildScopes } from '../../pipeline/app/outputs.ts';
import { renderOutputs } from '../../pipeline/app/render-outputs.ts';
import { analyzeLedgers, readLedgers } from '../../pipeline/app/ledgers.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { PACKAGE_TEMPLATES } from '../../pipeline/config/load-config.ts';
import { progress } from '../../pipeline/cli/progress.ts';

const SAMPLE = path.join(import.meta.dirname, '../../data');
const AS_OF = '2026-11-25';
const inScope = (p: string, s: string) => (s.endsWith('/') ? p.startsWith(s) : p === s);

describe('outputs registry', () => {
  it('has one entry per id, and scopes no two outputs share', () => {
    const ids = OUTPUTS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owned = OUTPUTS.flatMap((o) => o.scopes(AS_OF, DEFAULT_OFFICE_CONFIG).map((s) => ({ id: o.id, s })));
    for (const a of owned) for (const b of owned) if (a !== b) expect(inScope(a.s, b.s) || inScope(b.s, a.s), `${a.id} ${a.s} / ${b.id} ${b.s}`).toBe(false);
    expect(buildScopes(AS_OF, DEFAULT_OFFICE_CONFIG)).toEqual(owned.map((o) => o.s));
  });

  it('makes every file of a build of the sample inside the scopes a build owns', async () => {
    const ledgers = await readLedgers(SAMPLE, DEFAULT_OFFICE_CONFIG);
    const a = analyzeLedgers(ledgers, AS_OF, DEFAULT_OFFICE_CONFIG);
    const p = progress(process.stderr, { CI: '1' });
    const files = await renderOutputs(a, { config: DEFAULT_OFFICE_CONFIG, templatesDir: PACKAGE_TEMPLATES, asOf: AS_OF }, p);
    const scopes = buildScopes(AS_OF, DEFAULT_OFFICE_CONFIG);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files)
      expect(
        scopes.some((s) => inScope(f.path, s)),
        f.path,
      ).toBe(true);
    // One stage per output of the registry (the images need an out folder), in registry order.
    expect(p.timings.map((t) => t.label)).toEqual(OUTPUTS.filter((o) => o.id !== 'images').map((o) => o.label));
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  }, 120_000);
});
