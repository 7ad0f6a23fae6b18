/**
 * `duban check` reports the office's template and font problems without parsing the built-in
 * fonts (officeAssetWarnings); it must report exactly what a build would (officeAssets).
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeAssetWarnings, officeAssets } from '../../pipeline/render/office-assets.ts';

const TEMPLATES = path.join(import.meta.dirname, '../../templates');

describe('officeAssetWarnings', () => {
  it('says what a build would say: a broken office font and a broken sentence', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-assets-'));
    await cp(TEMPLATES, dir, { recursive: true });
    await writeFile(path.join(dir, 'fonts/仿宋_GB2312.ttf'), 'not a font');
    const wording = path.join(dir, 'pdf/wording.json');
    await writeFile(wording, JSON.stringify({ reminderTitle: '{{#if}}' }));
    const quick = officeAssetWarnings(dir);
    expect(quick.some((w) => w.includes('仿宋_GB2312.ttf'))).toBe(true);
    expect(quick.length).toBeGreaterThan(1);
    expect(officeAssets(dir).warnings).toEqual(quick);
  });
  it('has nothing to say about the shipped templates', () => {
    expect(officeAssetWarnings(TEMPLATES)).toEqual([]);
  });
});
