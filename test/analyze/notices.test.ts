/** 发文字号 (spec §2.12): registered numbers never change; new ones take the next free number of the year. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDocNo, planNotices } from '../../pipeline/analyze/notices.ts';
import { parseDocNo } from '../../pipeline/validate/doc-register-rows.ts';
import type { AnalyzedItem } from '../../pipeline/model/analysis.ts';
import type { DocRegisterRecord } from '../../pipeline/model/records.ts';
import type { Issue } from '../../pipeline/model/issue.ts';
import { fixtureItem } from '../support/analysis-fixture.ts';

const CONFIG = { docNoPrefix: '校督办', nextDocNo: 41 };
const item = (id: string, unit: string, assignedOn: string): AnalyzedItem => fixtureItem({ id, leadUnit: unit, assignedOn });
const reg = (docNo: string, issuedOn: string, ids: string[], recipient = ''): DocRegisterRecord => {
  const p = parseDocNo(docNo);
  return { file: '发文登记.csv', row: 2, docNo, prefix: p?.prefix ?? null, year: p?.year ?? null, number: p?.number ?? null, title: 't', issuedOn, recipient, itemIds: ids };
};
const plan = (items: AnalyzedItem[], register: DocRegisterRecord[], asOf: string, issues: Issue[] = []) =>
  planNotices(items, register, asOf, CONFIG, issues).map((n) => [n.docNo, n.unit, n.itemIds.join('、'), n.registered]);

describe('parseDocNo', () => {
  it.each([
    ['校督办〔2026〕41号', { prefix: '校督办', year: 2026, number: 41 }],
    ['校督办[2026]7号', { prefix: '校督办', year: 2026, number: 7 }],
    ['校督办（2026）第12号', { prefix: '校督办', year: 2026, number: 12 }],
    [' 校督办 〔2026〕 41 号 ', { prefix: '校督办', year: 2026, number: 41 }],
    ['党办发〔2025〕3号', { prefix: '党办发', year: 2025, number: 3 }],
    ['无文号', null],
  ])('%s', (text, expected) => expect(parseDocNo(text)).toEqual(expected));
});

describe('planNotices', () => {
  it('numbers new notices from nextDocNo, in the order units were first assigned, then by unit', () => {
    const items = [
      item('A-1', '教务处', '2026-11-10'),
      item('A-2', '人事处', '2026-11-03'),
      item('A-3', '财务处', '2026-11-10'),
      item('A-4', '教务处', '2026-11-02'),
      item('A-0', '科研处', '2026-10-30'),
    ];
    expect(plan(items, [], '2026-11-25')).toEqual([
      ['校督办〔2026〕41号', '教务处', 'A-1、A-4', false],
      ['校督办〔2026〕42号', '人事处', 'A-2', false],
      ['校督办〔2026〕43号', '财务处', 'A-3', false],
    ]);
  });

  it('keeps registered numbers and items; later items go into new notices with the next free number', () => {
    const register = [reg('校督办〔2026〕41号', '2026-11-05', ['A-1', 'A-4'], '教务处'), reg('校督办〔2026〕42号', '2026-11-05', ['A-2'], '人事处')];
    const items = [
      item('A-1', '教务处', '2026-11-02'),
      item('A-2', '人事处', '2026-11-03'),
      item('A-4', '教务处', '2026-11-02'),
      item('A-5', '教务处', '2026-11-20'),
      item('A-6', '保卫处', '2026-11-01'),
    ];
    expect(plan(items, register, '2026-11-25')).toEqual([
      ['校督办〔2026〕41号', '教务处', 'A-1、A-4', true],
      ['校督办〔2026〕42号', '人事处', 'A-2', true],
      ['校督办〔2026〕43号', '保卫处', 'A-6', false],
      ['校督办〔2026〕44号', '教务处', 'A-5', false],
    ]);
  });

  it('a registered notice keeps its unit and items even when the ledger moves an item to another unit', () => {
    const register = [reg('校督办〔2026〕41号', '2026-11-05', ['A-1'], '教务处')];
    const items = [item('A-1', '人事处', '2026-11-02')];
    const notices = planNotices(items, register, '2026-11-25', CONFIG, []);
    expect(notices.map((n) => [n.docNo, n.unit])).toEqual([['校督办〔2026〕41号', '教务处']]);
    expect(items[0]!.docNo).toBe('校督办〔2026〕41号');
  });

  it('a new year starts again from nextDocNo; other prefixes and a larger nextDocNo are respected', () => {
    const register = [reg('校督办〔2026〕88号', '2026-12-20', ['B-1']), reg('党办发〔2027〕90号', '2027-01-04', [])];
    expect(plan([item('B-1', '教务处', '2026-12-10'), item('B-2', '教务处', '2027-01-05')], register, '2027-01-06')).toEqual([['校督办〔2027〕41号', '教务处', 'B-2', false]]);
    expect(plan([item('B-3', '教务处', '2026-12-21')], register, '2026-12-22')).toEqual([['校督办〔2026〕89号', '教务处', 'B-3', false]]);
    expect(planNotices([item('C-1', '教务处', '2026-11-02')], [reg('校督办〔2026〕3号', '2026-02-01', [])], '2026-11-05', { docNoPrefix: '校督办', nextDocNo: 41 }, []).map((n) => n.number)).toEqual([
      41,
    ]);
  });

  it('names a registered item that is no longer in the ledger', () => {
    const issues: Issue[] = [];
    planNotices([item('A-1', '教务处', '2026-11-02')], [reg('校督办〔2026〕41号', '2026-11-05', ['A-1', 'GONE-9'])], '2026-11-25', CONFIG, issues);
    expect(issues.map((i) => [i.code, i.value])).toEqual([['W_REGISTER_ITEM', 'GONE-9']]);
  });

  it('over a year of monthly builds whose registers are saved, a number never changes and never repeats', () => {
    const units = ['教务处', '人事处', '财务处', '科研处', '保卫处'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 20 }), unit: fc.constantFrom(...units) }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 5 }),
        (specs, removed) => {
          const register: DocRegisterRecord[] = [];
          const seen = new Map<string, string>();
          for (let month = 1; month <= 12; month++) {
            const mm = String(month).padStart(2, '0');
            for (const day of ['21', '28']) {
              const asOf = `2026-${mm}-${day}`;
              // the ledger as it stands: every item so far, some removed later, in shuffled order
              const items = specs
                .map((s, k) => ({ ...s, id: `X-${k}` }))
                .filter((s, k) => `2026-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}` <= asOf && !(month > 6 && removed.includes(k)))
                .reverse()
                .map((s) => item(s.id, s.unit, `2026-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`));
              const notices = planNotices(items, register, asOf, CONFIG, []);
              for (const n of notices) {
                const key = n.itemIds.join('、');
                if (seen.has(n.docNo)) expect(seen.get(n.docNo)).toBe(key);
                seen.set(n.docNo, key);
              }
              for (const it of items) if (it.docNo) expect(seen.has(it.docNo)).toBe(true);
              // the office saves 本次发文登记.csv into the data folder
              for (const n of notices.filter((x) => !x.registered)) register.push(reg(n.docNo, n.issuedOn, n.itemIds, n.unit));
            }
          }
          const numbers = register.map((r) => r.number);
          expect(new Set(numbers).size).toBe(numbers.length);
          expect(register.map((r) => r.docNo)).toEqual(register.map((r) => formatDocNo('校督办', 2026, r.number!)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
