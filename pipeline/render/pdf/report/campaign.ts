/**
 * The report's short 专项活动 section (seed 000 campaign): counts in a few sentences, only for the
 * ledgers the office keeps. Lists stay in the campaign workbooks; leaders read the totals.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { CampaignCounts } from '../../../aggregate/campaign-counts.ts';
import { EXECUTION_STATES } from '../../../model/records.ts';
import { paragraph, type TextKit } from '../layout/gbt9704-layout.ts';

export function campaignSentences(c: CampaignCounts): string[] {
  const out: string[] = [];
  const s = c.selfChecks;
  if (s.total > 0) {
    const states = EXECUTION_STATES.map((state) => `${state}${s.byState[state]}条`).join('、');
    out.push(`制度执行自查：${s.units}个单位报送自查表${s.total}条，其中${states}；需整改${s.tracked}条，逾期未整改${s.overdue}条。`);
  }
  const r = c.rectifications;
  if (r.total > 0) {
    out.push(`制度执行整改：整改表${r.total}条，已完成${r.done}条、近期完成${r.byCompletion.近期完成}条、限期完成${r.byCompletion.限期完成}条，其中逾期未完成${r.overdue}条。`);
  }
  const sub = c.submissions;
  if (sub.required > 0) {
    const missing = sub.missing > 0 ? `截止日期已过仍未报送${sub.missing}份（涉及${sub.missingUnits}个单位，已发催报通知）` : '截止日期已过的材料均已报送';
    out.push(`材料报送：应报送${sub.required}份，按时报送${sub.sentOnTime}份，逾期报送${sub.sentLate}份，${missing}，未到截止日期${sub.pending}份。`);
  }
  const g = c.regulations;
  if (g.total > 0) out.push(`制度清理：制度目录共${g.total}项，其中现行${g.inForce}项，施行10年以上需审查${g.reviewDue}项。`);
  return out;
}

export function campaignSection(kit: TextKit, c: CampaignCounts): Content[] {
  return campaignSentences(c).map((text) => paragraph(kit, text));
}
