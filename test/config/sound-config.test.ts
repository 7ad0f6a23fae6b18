/** The quick reading of office.json (sound-config.ts) against the schema it stands in for. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officeConfigSchema } from '../../pipeline/config/office-config.ts';
import { readOfficeConfig } from '../../pipeline/config/sound-config.ts';

const KEYS = Object.keys(officeConfigSchema.shape);

const anyValue = fc.oneof(
  fc.string(),
  fc.integer({ min: -5, max: 70 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom(null, true, false, 0, -0, 1, 2 ** 53, 0.5, 1.5, ''),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('民生实事', '牵头领导', '备注', '__proto__', 'x'), fc.constantFrom('事项', '责任人', '', '任务名称呼', 3, null)),
);

/** Values each setting takes when written sensibly, so that most generated files are sound. */
const likely: Record<string, fc.Arbitrary<unknown>> = {
  nextDocNo: fc.integer({ min: 0, max: 100 }),
  copyTo: fc.array(fc.string(), { maxLength: 2 }),
  dueSoonWorkdays: fc.integer({ min: -1, max: 31 }),
  feedbackDay: fc.integer({ min: 0, max: 32 }),
  recheckRate: fc.double({ min: 0, max: 1.01, noNaN: true }),
  recheckMin: fc.integer({ min: -1, max: 5 }),
  reportSubmitDays: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 61 })),
  fixedTimestamp: fc.oneof(fc.constant(null), fc.string()),
  columns: fc.dictionary(fc.constantFrom('民生实事', '牵头领导', '备注'), fc.constantFrom('事项', '责任人', '负责人', '')),
};
const setting = (k: string) => fc.oneof({ weight: 4, arbitrary: likely[k] ?? fc.string() }, { weight: 1, arbitrary: anyValue });
const config = fc.record(Object.fromEntries([...KEYS, 'unknownKey'].map((k) => [k, setting(k)])), { requiredKeys: [] });
let read = 0;

describe('readOfficeConfig', () => {
  it('reads what the schema reads, or leaves it to the schema', () => {
    fc.assert(
      fc.property(fc.oneof(config, anyValue), (json) => {
        // As JSON.parse would give it (own __proto__ keys, no undefined).
        const parsed: unknown = JSON.parse(JSON.stringify(json));
        const quick = readOfficeConfig(parsed);
        if (quick === null) return;
        read++;
        const schema = officeConfigSchema.safeParse(parsed);
        expect(schema.success).toBe(true);
        // The same values, in the same key order.
        expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.data));
        expect(Object.is(quick.recheckMin, schema.data!.recheckMin)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(100); // the comparison was made often enough to mean something
  });

  it('reads the defaults and the shipped office.json without the schema', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const json of [{}, JSON.parse(await readFile('templates/office.json', 'utf8'))]) {
      expect(readOfficeConfig(json)).toEqual(officeConfigSchema.parse(json));
    }
    expect(readOfficeConfig({ columns: { 民生实事: '事项', 牵头领导: '负责人', 备注: '' } })).not.toBeNull();
  });
});
