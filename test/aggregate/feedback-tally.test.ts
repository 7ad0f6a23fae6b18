/** 按时反馈率 and the request counts of a period (aggregate/feedback-tally.ts), on the real workday calendar. */
import { describe, expect, it } from 'vitest';
import { feedbackTally, type FeedbackInputs } from '../../pipeline/aggregate/feedback-tally.ts';
import { parsePeriod, type Period } from '../../pipeline/aggregate/period.ts';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import type { FeedbackRecord, FeedbackState, ReviewRecord } from '../../pipeline/model/records.ts';
import { fixtureItem } from '../support/analysis-fixture.ts';

const cal = createCalendar();
let row = 1;

function fb(itemId: string, on: string, unit: string | null, state: FeedbackState = '办理中'): FeedbackRecord {
  return {
    file: '回执.xlsx',
    row: row++,
    itemId,
    on,
    unit,
    progress: '进展',
    state,
    completedOn: state === '申请办结' ? on : null,
    extensionText: '',
    extensionSpec: null,
    reason: '',
    by: '',
    phone: '',
  };
}

function review(itemId: string, on: string | null, result: '通过' | '退回' | null, topic: '办结' | '延期' | null): ReviewRecord {
  return { file: '审核记录.csv', row: row++, itemId, on, result, topic, by: '', opinion: '' };
}

function period(text: string): Period {
  const p = parsePeriod(text);
  if ('error' in p) throw new Error(p.error);
  return p;
}

const ITEMS = [
  fixtureItem({ id: 'T-1', leadUnit: '教务处', assignedOn: '2026-09-01' }),
  fixtureItem({ id: 'T-2', leadUnit: '教务处', coUnits: ['人事处'], assignedOn: '2026-09-01', completedOn: '2026-11-30', status: 'done_late' }),
  fixtureItem({ id: 'T-3', leadUnit: '教务处', assignedOn: '2026-11-26' }),
  fixtureItem({ id: 'T-4', leadUnit: '财务处', assignedOn: '2026-09-01', status: 'closed_unfinished' }),
  fixtureItem({ id: 'T-5', leadUnit: '财务处', assignedOn: '2026-09-01' }),
];

const INPUTS: FeedbackInputs = {
  cal,
  feedbackDay: 25,
  feedback: [
    fb('T-1', '2026-10-20', '教务处'),
    fb('T-1', '2026-11-26', '教务处'), // after the 25th: late
    fb('T-1', '2026-12-10', '教务处'),
    fb('T-2', '2026-10-20', '人事处'), // a co-unit reports to the lead unit: not the lead's feedback
    fb('T-3', '2026-12-25', null, '申请办结'), // on the due day itself, unnamed
    fb('T-3', '2026-12-25', null, '申请办结'), // the same row saved twice
    fb('T-5', '2026-10-23', '财务处'),
    fb('T-5', '2026-11-20', '财务处', '申请延期'),
  ],
  reviews: [review('T-5', '2026-11-24', '退回', '延期'), review('T-3', '2026-12-28', '通过', '办结'), review('T-3', '2026-12-28', '通过', '办结'), review('T-1', '2026-12-28', null, null)],
};

describe('feedbackTally', () => {
  it('counts each month whose due day (moved back to a working day) has passed, per lead unit, co-units and late rows not counted', () => {
    const t = feedbackTally(ITEMS, period('2026Q4'), '2026-12-31', '2026-12-31', INPUTS);
    // 10月25日 is a Sunday: due on Friday 23rd; 11月25日 Wednesday; 12月25日 Friday.
    expect(t.dueDays).toEqual(['2026-10-23', '2026-11-25', '2026-12-25']);
    // T-1: 3 owed, Oct and Dec on time; T-2: Oct, Nov owed (done 11-30), none by the lead; T-3: Dec only, on time.
    expect(t.byUnit.get('教务处')).toEqual({ owed: 6, onTime: 3, rate: 0.5 });
    // T-4 closed unfinished owes nothing; T-5 on time in Oct (the 23rd) and Nov, missing in Dec.
    expect(t.byUnit.get('财务处')).toEqual({ owed: 3, onTime: 2, rate: 2 / 3 });
    expect(t.byUnit.has('人事处')).toBe(false);
    expect(t.totals).toEqual({ owed: 9, onTime: 5, rate: 5 / 9 });
    expect(t.requests).toEqual({ received: 2, completion: 1, extension: 1, approved: 1, returned: 1 });
  });

  it('a month whose due day is still ahead is not counted yet', () => {
    const t = feedbackTally(ITEMS, period('2026-12'), '2026-12-24', '2026-12-24', INPUTS);
    expect(t.dueDays).toEqual([]);
    expect(t.totals).toEqual({ owed: 0, onTime: 0, rate: null });
    // Rows after the cutoff are not seen; decisions of the period only.
    expect(t.requests).toEqual({ received: 0, completion: 0, extension: 0, approved: 0, returned: 0 });
  });

  it('November alone', () => {
    const t = feedbackTally(ITEMS, period('2026-11'), '2026-11-30', '2026-11-30', INPUTS);
    expect(t.dueDays).toEqual(['2026-11-25']);
    expect(t.byUnit.get('教务处')).toEqual({ owed: 2, onTime: 0, rate: 0 });
    expect(t.byUnit.get('财务处')).toEqual({ owed: 1, onTime: 1, rate: 1 });
    expect(t.requests).toEqual({ received: 1, completion: 0, extension: 1, approved: 0, returned: 1 });
  });
});
