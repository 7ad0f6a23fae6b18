/** The campus edition shows campaign progress as counts; the public edition shows none of it. */
import { campaignBulletinCounts } from '../../../pipeline/aggregate/campaign-counts.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_CONFIG } from '../../../pipeline/config/office-config.ts';
import { renderSite } from '../../../pipeline/render/html/site.ts';
import { loadSiteTemplates } from '../../../pipeline/render/html/templates.ts';
import { fixtureSiteAnalysis } from '../../support/analysis-fixture.ts';
import type { Analysis } from '../../../pipeline/model/analysis.ts';

function withCampaign(): Analysis {
  const a = fixtureSiteAnalysis();
  const row = { issuer: '党政办公室', name: '公文处理办法', reason: '', measure: '内部整改措施：补充流程', deadlineText: '12月底', file: '自查表-教务处.csv', reportedOn: null, seq: '' };
  a.selfChecks = [
    { ...row, unit: '教务处', state: '比较好', deadline: null, status: 'no_deadline', light: 'gray', row: 3 },
    { ...row, unit: '教务处', state: '执行不好', reason: '经费不足', deadline: '2026-11-20', status: 'overdue', light: 'red', row: 4 },
    { ...row, unit: '人事处', state: '需要补充修订', deadline: '2026-12-31', status: 'on_track', light: 'green', row: 3 },
  ];
  a.submissions = [
    { material: '自查表', unit: '教务处', due: '2026-11-12', sentOn: '2026-11-10', status: 'sent_on_time', overdueWorkdays: null },
    { material: '自查表', unit: '未报单位甲', due: '2026-11-12', sentOn: null, status: 'missing', overdueWorkdays: 5 },
  ];
  return a;
}

describe('campaign section', () => {
  const files = renderSite({
    bulletins: [{ period: { id: '2026-11', label: '2026年11月', start: '2026-11-01', end: '2026-11-30' }, analysis: withCampaign() }],
    current: withCampaign(),
    config: DEFAULT_OFFICE_CONFIG,
    templates: loadSiteTemplates('templates'),
    campaign: campaignBulletinCounts(withCampaign()),
  });
  const text = (p: string) => String(files.find((f) => f.path === p)?.bytes ?? '');

  it('campus index shows the counts', () => {
    const html = text('campus/index.html');
    expect(html).toContain('专项活动进展');
    expect(html).toContain('2个单位报送自查表，共3项制度；其中需整改2项，整改逾期1项');
    expect(html).toContain('逾期未报1份');
  });
  it('no unit name, remark or measure of the campaign reaches any page', () => {
    for (const f of files) {
      const s = String(f.bytes);
      expect(s).not.toContain('内部整改措施');
      expect(s).not.toContain('经费不足');
      expect(s).not.toContain('未报单位甲');
    }
  });
  it('the public edition has no campaign section', () => {
    expect(text('public/index.html')).not.toContain('专项活动进展');
  });
});
