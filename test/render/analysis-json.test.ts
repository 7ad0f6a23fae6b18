import { describe, expect, it } from 'vitest';
import { renderAnalysisJson } from '../../pipeline/render/analysis-json.ts';
import { fixtureAnalysis } from '../support/analysis-fixture.ts';

describe('analysis.json', () => {
  it('is exactly JSON.stringify(analysis, null, 2) plus a newline, built in chunks', () => {
    const a = fixtureAnalysis();
    a.issues = [{ severity: 'error', code: 'E_DEADLINE', file: 'a.csv', row: 3, column: '办结时限', value: '尽快\n"引号"', message: 'm', hint: 'h' }];
    expect(Buffer.from(renderAnalysisJson(a).bytes).toString('utf8')).toBe(JSON.stringify(a, null, 2) + '\n');
    const empty = { ...a, items: [], units: [], disclosures: [], issues: [] };
    expect(Buffer.from(renderAnalysisJson(empty).bytes).toString('utf8')).toBe(JSON.stringify(empty, null, 2) + '\n');
  });
});
