/**
 * 整改台账 (seed 000, 附件2 collected), 报送情况 with the 催报名单, and 制度清理目录 (seed 000:
 * 集中审查各部门是否存在10年以上制度，如依然继续执行，需要说明理由).
 */
import { LIGHT_WORDS, STATUS_WORDS, type Light, type RectificationEntry, type RegulationEntry, type SubmissionEntry, type SubmissionStatus } from '../../model/analysis.ts';
import { SUBMISSION_WORDS, missingSubmissions, regulationsForReview, sortedRectifications, unitOf, type MissingSubmissions } from '../../aggregate/campaign-tables.ts';
import { STYLES } from './report-styles.ts';
import { block, dateCell, type Column, type SheetSpec } from './sheet-writer.ts';
import type { CampaignSheetContext } from './campaign-self-check-sheets.ts';

/** 已完成 reads as itself on a 整改 form, not as 按期办结. */
export function rectificationWord(r: RectificationEntry): string {
  return r.completion === '已完成' ? '已完成' : STATUS_WORDS[r.status];
}

export function rectificationSheet(entries: readonly RectificationEntry[], ctx: CampaignSheetContext): SheetSpec {
  const light = (r: RectificationEntry) => STYLES.light[r.light];
  const columns: Column<RectificationEntry>[] = [
    { header: '序号', value: (_r, k) => k + 1, kind: 'center' },
    { header: '填报单位', value: unitOf, kind: 'wrap', maxWidth: 20 },
    { header: '制发单位', value: (r) => r.issuer, kind: 'wrap', maxWidth: 20 },
    { header: '制度名称', value: (r) => r.name, kind: 'wrap', minWidth: 20, maxWidth: 40 },
    { header: '整改措施', value: (r) => r.measure, kind: 'wrap', minWidth: 16, maxWidth: 40 },
    { header: '整改措施落实情况', value: (r) => r.progress, kind: 'wrap', minWidth: 16, maxWidth: 40 },
    { header: '是否完成', value: (r) => r.completion, kind: 'center', minWidth: 10 },
    { header: '完成时限', value: (r) => r.deadlineText, kind: 'center', minWidth: 10, maxWidth: 20 },
    { header: '折算日期', value: (r) => dateCell(r.deadline), kind: 'date', minWidth: 12 },
    { header: '状态', value: rectificationWord, kind: 'center', minWidth: 10, style: light },
    { header: '灯号', value: (r) => LIGHT_WORDS[r.light], kind: 'center', style: light },
    { header: '来源文件', value: (r) => r.file, kind: 'wrap', maxWidth: 30 },
    { header: '行号', value: (r) => r.row, kind: 'number' },
  ];
  const overdue = entries.filter((r) => r.status === 'overdue').length;
  return {
    name: '整改台账',
    title: `${ctx.organization}制度执行情况整改台账`,
    subtitle: `${ctx.cutoffText}　整改事项${entries.length}条，已完成${entries.filter((r) => r.completion === '已完成').length}条，逾期未完成${overdue}条`,
    blocks: [block({ columns, rows: sortedRectifications(entries), empty: '无整改记录' })],
    notes: [
      '注：是否完成填「已完成」的视为按期完成；「近期完成」「限期完成」按括号内的完成时限跟踪，逾期未完成的标红。',
      '状态颜色：红色为逾期未完成，黄色为即将到期，绿色为正常推进或长期推进，蓝色为已完成，灰色为未定时限。',
    ],
    table: true,
  };
}

export const SUBMISSION_LIGHT: Record<SubmissionStatus, Light> = {
  sent_on_time: 'blue',
  sent_late: 'yellow',
  missing: 'red',
  pending: 'green',
};

export function submissionSheet(entries: readonly SubmissionEntry[], ctx: CampaignSheetContext): SheetSpec {
  const columns: Column<SubmissionEntry>[] = [
    { header: '序号', value: (_e, k) => k + 1, kind: 'center' },
    { header: '材料', value: (e) => e.material, kind: 'wrap', minWidth: 12, maxWidth: 30 },
    { header: '截止日期', value: (e) => dateCell(e.due), kind: 'date', minWidth: 12 },
    { header: '报送单位', value: (e) => e.unit, kind: 'wrap', minWidth: 14, maxWidth: 28 },
    { header: '报送日期', value: (e) => dateCell(e.sentOn) ?? (e.status === 'sent_on_time' ? '已报送（日期未注明）' : ''), kind: 'date', minWidth: 12 },
    { header: '报送情况', value: (e) => SUBMISSION_WORDS[e.status], kind: 'center', minWidth: 10, style: (e) => STYLES.light[SUBMISSION_LIGHT[e.status]] },
  ];
  const count = (s: SubmissionStatus) => entries.filter((e) => e.status === s).length;
  return {
    name: '报送情况',
    title: `${ctx.organization}材料报送情况表`,
    subtitle: `${ctx.cutoffText}　应报送${entries.length}份，按时报送${count('sent_on_time')}份，逾期报送${count('sent_late')}份，未报送${count('missing')}份，未到期${count('pending')}份`,
    blocks: [block({ columns, rows: entries, empty: '无报送要求' })],
    notes: [
      '注：单位报送的表格中写明了填报单位（表内列、表头「填报单位：」或文件名）即视为已报送，报送日期取其填报日期。',
      '颜色：蓝色为按时报送，黄色为逾期报送，红色为截止日期已过仍未报送，绿色为尚未到截止日期。',
    ],
    table: true,
  };
}

interface OwedRow {
  unit: string;
  entry: SubmissionEntry;
  /** 序号 of the unit, on its first row only. */
  no: number | null;
}

export function missingSheet(entries: readonly SubmissionEntry[], ctx: CampaignSheetContext): SheetSpec {
  const groups: MissingSubmissions[] = missingSubmissions(entries);
  const rows: OwedRow[] = groups.flatMap((g, u) => g.owed.map((entry, k) => ({ unit: g.unit, entry, no: k === 0 ? u + 1 : null })));
  const columns: Column<OwedRow>[] = [
    { header: '序号', value: (r) => r.no, kind: 'center' },
    { header: '未报送单位', value: (r) => r.unit, kind: 'wrap', minWidth: 14, maxWidth: 28 },
    { header: '欠报材料', value: (r) => r.entry.material, kind: 'wrap', minWidth: 12, maxWidth: 30 },
    { header: '截止日期', value: (r) => dateCell(r.entry.due), kind: 'date', minWidth: 12 },
    // Working days, as every 逾期 duban counts (spec §4).
    { header: '逾期工作日', value: (r) => r.entry.overdueWorkdays, kind: 'number', minWidth: 8, style: () => STYLES.light.red },
  ];
  return {
    name: '催报名单',
    title: `${ctx.organization}逾期未报送材料单位名单`,
    subtitle: `${ctx.cutoffText}　共${groups.length}个单位，催报通知见「催报通知」文件夹`,
    blocks: [block({ columns, rows, empty: '截止日期已过的材料均已报送' })],
    table: true,
  };
}

interface ReviewRow {
  issuer: string;
  regulation: RegulationEntry;
}

export function regulationReviewSheet(entries: readonly RegulationEntry[], ctx: CampaignSheetContext): SheetSpec {
  const groups = regulationsForReview(entries);
  const rows: ReviewRow[] = groups.flatMap((g) => g.regulations.map((regulation) => ({ issuer: g.issuer, regulation })));
  const columns: Column<ReviewRow>[] = [
    { header: '序号', value: (_r, k) => k + 1, kind: 'center' },
    { header: '制发单位', value: (r) => r.issuer, kind: 'wrap', minWidth: 14, maxWidth: 24 },
    { header: '制度名称', value: (r) => r.regulation.name, kind: 'wrap', minWidth: 24, maxWidth: 48 },
    { header: '文号', value: (r) => r.regulation.docNo, kind: 'wrap', minWidth: 12, maxWidth: 28 },
    { header: '发布年份', value: (r) => r.regulation.year, kind: 'number', minWidth: 8 },
    { header: '已施行年数', value: (r) => r.regulation.ageYears, kind: 'number', minWidth: 8 },
    { header: '状态', value: (r) => r.regulation.state, kind: 'center' },
    // Left blank for the issuing unit: 继续执行（说明理由）/ 修订 / 废止.
    { header: '清理意见（继续执行须说明理由）', value: () => null, kind: 'wrap', minWidth: 24 },
    { header: '来源文件', value: (r) => r.regulation.file, kind: 'wrap', maxWidth: 30 },
    { header: '行号', value: (r) => r.regulation.row, kind: 'number' },
  ];
  return {
    name: '制度清理目录',
    title: `${ctx.organization}施行10年以上现行制度清理目录`,
    subtitle: `${ctx.cutoffText}　${groups.length}个制发单位共${rows.length}项制度需审查`,
    blocks: [block({ columns, rows, empty: '无施行10年以上的现行制度' })],
    notes: ['注：施行年数按发布日期计算；未注明发布日期的，按文号中的年份计算（如〔2012〕号自2022-01-01起满10年）。', '10年以上制度如继续执行，需要说明理由；拟修订或废止的，请注明。'],
    table: true,
  };
}
