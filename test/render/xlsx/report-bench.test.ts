import { expect, it } from 'vitest';
import { benchReportXlsx, syntheticAnalysis } from '../../../bench/report-bench.ts';

it('benchReportXlsx runs on a small synthetic ledger', async () => {
  const r = await benchReportXlsx(2_000);
  expect(r.ms).toBeGreaterThan(0);
  expect(r.peakRssMb).toBeGreaterThan(0);
  expect(r.bytes).toBeGreaterThan(10_000);
});

it('the synthetic ledger covers every status and is deterministic', () => {
  const a = syntheticAnalysis(50);
  expect(new Set(a.items.map((i) => i.status)).size).toBe(8);
  expect(syntheticAnalysis(50)).toEqual(a);
});
