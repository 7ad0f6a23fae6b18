import { describe, expect, it } from 'vitest';
import { campaignBulletinCounts, campaignCounts, hasCampaignData } from '../../pipeline/aggregate/campaign-counts.ts';
import { missingSubmissions, regulationsForReview, selfCheckByUnit } from '../../pipeline/aggregate/campaign-tables.ts';
import { fixtureAnalysis } from '../support/analysis-fixture.ts';
import { seed000Analysis } from '../campaign/seed000-expected.ts';

describe('campaignCounts', () => {
  it('counts the seed-000 fixture', () => {
    expect(campaignCounts(seed000Analysis())).toEqual({
      selfChecks: {
        total: 11,
        units: 4,
        tracked: 7,
        overdue: 3,
        byState: { 比较好: 4, 需要补充修订: 3, 需要强化执行: 2, 执行不好: 1, 未执行: 1 },
      },
      rectifications: {
        total: 6,
        units: 2,
        byCompletion: { 已完成: 2, 近期完成: 2, 限期完成: 2 },
        done: 2,
        overdue: 1,
        dueSoon: 0,
        inProgress: 3,
      },
      submissions: { required: 10, sent: 6, sentOnTime: 5, sentLate: 1, missing: 4, pending: 0, missingUnits: 4 },
      regulations: { total: 9, inForce: 7, reviewDue: 4 },
    });
  });

  it('is null without campaign data', () => {
    expect(hasCampaignData(fixtureAnalysis())).toBe(false);
    expect(campaignCounts(fixtureAnalysis())).toBeNull();
    expect(campaignBulletinCounts(fixtureAnalysis())).toBeNull();
  });

  it('the bulletin gets numbers only: no unit name, regulation name or remark anywhere', () => {
    const a = seed000Analysis();
    const json = JSON.stringify(campaignBulletinCounts(a));
    for (const text of [...a.selfChecks.flatMap((s) => [s.unit ?? '', s.name, s.measure, s.reason]), ...a.submissions.map((s) => s.unit)]) {
      if (text) expect(json).not.toContain(text);
    }
    const leaves = (v: unknown): unknown[] => (v !== null && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v]);
    expect(leaves(campaignBulletinCounts(a)).every((v) => typeof v === 'number')).toBe(true);
  });
});

describe('campaign tables', () => {
  it('自查 per unit, pinyin order, with a total', () => {
    const { rows, total } = selfCheckByUnit(seed000Analysis().selfChecks);
    expect(rows.map((r) => [r.unit, r.total, r.tracked, r.overdue])).toEqual([
      ['教务处', 4, 3, 1],
      ['科技处', 2, 1, 0],
      ['人事处', 3, 2, 1],
      ['学生工作处', 2, 1, 1],
    ]);
    expect(total.byState).toEqual({ 比较好: 4, 需要补充修订: 3, 需要强化执行: 2, 执行不好: 1, 未执行: 1 });
  });

  it('催报名单: units with a missing form, what they owe', () => {
    expect(missingSubmissions(seed000Analysis().submissions).map((m) => [m.unit, m.owed.map((o) => `${o.material}@${o.due}`)])).toEqual([
      ['党政办公室', ['自查表@2022-11-12']],
      ['科技处', ['整改表@2022-12-01']],
      ['团委', ['自查表@2022-11-12']],
      ['学生工作处', ['整改表@2022-12-01']],
    ]);
  });

  it('制度清理目录: 现行 and ≥ 10 years, per issuer, oldest first', () => {
    expect(regulationsForReview(seed000Analysis().regulations).map((g) => [g.issuer, g.regulations.map((r) => r.year)])).toEqual([
      ['教务处', [2011, 2012]],
      ['人事处', [2009, 2012]],
    ]);
  });
});
