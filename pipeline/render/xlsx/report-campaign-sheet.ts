/**
 * 专项活动: the campaign counts of the report (seed 000 — 自查, 整改, 材料报送, 制度清理), counts
 * only; the row-level lists are the campaign workbooks under internal/campaign/.
 */
import type { ReportData } from '../../aggregate/report-data.ts';
import type { CampaignCounts } from '../../aggregate/campaign-counts.ts';
import { EXECUTION_STATES } from '../../model/records.ts';
import { block, type Column, type SheetSpec } from './sheet-writer.ts';

interface Line {
  name: string;
  count: number;
}

const columns: Column<Line>[] = [
  { header: '项目', value: (l) => l.name, kind: 'wrap', minWidth: 24, maxWidth: 40 },
  { header: '数量', value: (l) => l.count, kind: 'number', minWidth: 10 },
];

/** The sections of the campaign counts, shared with the report PDF so both list the same lines. */
export function campaignLines(c: CampaignCounts): { heading: string; lines: Line[] }[] {
  const s = c.selfChecks;
  const r = c.rectifications;
  const sub = c.submissions;
  return [
    {
      heading: '一、制度执行自查（按执行现状）',
      lines: [...EXECUTION_STATES.map((state) => ({ name: state, count: s.byState[state] })), { name: '合计', count: s.total }, { name: '其中逾期未整改', count: s.overdue }],
    },
    {
      heading: '二、制度执行整改',
      lines: [
        { name: '已完成', count: r.done },
        { name: '近期完成', count: r.byCompletion.近期完成 },
        { name: '限期完成', count: r.byCompletion.限期完成 },
        { name: '其中逾期未完成', count: r.overdue },
        { name: '合计', count: r.total },
      ],
    },
    {
      heading: '三、材料报送',
      lines: [
        { name: '应报送（材料×单位）', count: sub.required },
        { name: '按时报送', count: sub.sentOnTime },
        { name: '逾期报送', count: sub.sentLate },
        { name: '未报送（已过截止日期）', count: sub.missing },
        { name: '未到截止日期', count: sub.pending },
        { name: '未报送单位数', count: sub.missingUnits },
      ],
    },
    {
      heading: '四、制度清理',
      lines: [
        { name: '制度目录中的制度', count: c.regulations.total },
        { name: '其中现行', count: c.regulations.inForce },
        { name: '施行10年以上、需审查', count: c.regulations.reviewDue },
      ],
    },
  ];
}

export function campaignSheet(data: ReportData, campaign: CampaignCounts): SheetSpec {
  return {
    name: '专项活动',
    title: `${data.organization}专项活动情况统计`,
    subtitle: `统计截至：${data.cutoff}`,
    blocks: campaignLines(campaign).map((s) => block({ heading: s.heading, columns, rows: s.lines })),
    notes: ['注：明细见 internal/campaign/ 下的自查情况汇总表、整改台账、报送情况和制度清理目录。'],
  };
}
