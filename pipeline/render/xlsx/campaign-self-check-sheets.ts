/**
 * 自查情况汇总表 (seed 000, 附件1 collected from every unit): the units × the five 执行现状 counts,
 * and every row of every 自查表 with the tracking of 整改时限.
 */
import { STATUS_WORDS, LIGHT_WORDS, type SelfCheckEntry } from '../../model/analysis.ts';
import { EXECUTION_STATES } from '../../model/records.ts';
import { byUnitThenPlace, selfCheckByUnit, unitOf, type SelfCheckUnitRow } from '../../aggregate/campaign-tables.ts';
import { STYLES } from './report-styles.ts';
import { block, dateCell, type Column, type SheetSpec } from './sheet-writer.ts';

export interface CampaignSheetContext {
  organization: string;
  /** 统计截至 line under each title. */
  cutoffText: string;
}

export function selfCheckSummarySheet(entries: readonly SelfCheckEntry[], ctx: CampaignSheetContext): SheetSpec {
  const { rows, total } = selfCheckByUnit(entries);
  const columns: Column<SelfCheckUnitRow>[] = [
    { header: '序号', value: (r, k) => (r === total ? null : k + 1), kind: 'center' },
    { header: '填报单位', value: (r) => r.unit, kind: 'wrap', minWidth: 14, maxWidth: 28 },
    ...EXECUTION_STATES.map((state): Column<SelfCheckUnitRow> => ({ header: state, value: (r) => r.byState[state], kind: 'number', minWidth: 8 })),
    { header: '合计', value: (r) => r.total, kind: 'number', minWidth: 8 },
    { header: '需整改', value: (r) => r.tracked, kind: 'number', minWidth: 8 },
    {
      header: '逾期未整改',
      value: (r) => r.overdue,
      kind: 'number',
      minWidth: 8,
      style: (r) => (r.overdue > 0 ? STYLES.light.red : undefined),
    },
  ];
  return {
    name: '汇总',
    title: `${ctx.organization}制度执行情况自查汇总表`,
    subtitle: `${ctx.cutoffText}　共${rows.length}个单位报送自查表${total.total}条，需整改${total.tracked}条`,
    blocks: [block({ columns, rows: [...rows, total] })],
    notes: ['注：1. 执行现状分五类：比较好；需要补充修订；需要强化执行；执行不好；未执行。', '2. 除「比较好」外均需整改，按自查表填写的整改时限跟踪；逾期未整改的数字以红色标出。'],
    table: true,
  };
}

export function selfCheckDetailSheet(entries: readonly SelfCheckEntry[], ctx: CampaignSheetContext): SheetSpec {
  const tracked = (e: SelfCheckEntry) => e.state !== '比较好';
  const columns: Column<SelfCheckEntry>[] = [
    { header: '序号', value: (_e, k) => k + 1, kind: 'center' },
    { header: '填报单位', value: unitOf, kind: 'wrap', maxWidth: 20 },
    { header: '制发单位', value: (e) => e.issuer, kind: 'wrap', maxWidth: 20 },
    { header: '制度名称', value: (e) => e.name, kind: 'wrap', minWidth: 20, maxWidth: 40 },
    { header: '执行现状', value: (e) => e.state, kind: 'center', minWidth: 10 },
    { header: '原因', value: (e) => e.reason, kind: 'wrap', maxWidth: 24 },
    { header: '具体执行情况和下一步整改措施', value: (e) => e.measure, kind: 'wrap', minWidth: 20, maxWidth: 44 },
    { header: '整改时限', value: (e) => e.deadlineText, kind: 'center', minWidth: 10, maxWidth: 20 },
    { header: '折算日期', value: (e) => dateCell(e.deadline), kind: 'date', minWidth: 12 },
    {
      header: '整改状态',
      value: (e) => (tracked(e) ? STATUS_WORDS[e.status] : '无需整改'),
      kind: 'center',
      minWidth: 10,
      style: (e) => (tracked(e) ? STYLES.light[e.light] : undefined),
    },
    { header: '灯号', value: (e) => (tracked(e) ? LIGHT_WORDS[e.light] : ''), kind: 'center', style: (e) => (tracked(e) ? STYLES.light[e.light] : undefined) },
    { header: '来源文件', value: (e) => e.file, kind: 'wrap', maxWidth: 30 },
    { header: '行号', value: (e) => e.row, kind: 'number' },
  ];
  return {
    name: '明细',
    title: `${ctx.organization}制度执行情况自查明细`,
    subtitle: ctx.cutoffText,
    blocks: [block({ columns, rows: byUnitThenPlace(entries), empty: '无自查记录' })],
    notes: [
      '注：整改时限按自查表的填报日期折算为日期（如「11月底」为当月最后一天）；未填填报日期的按当年1月1日起算。',
      '状态颜色：红色为逾期未整改，黄色为即将到期，绿色为正常推进或长期推进，灰色为未定时限。',
    ],
    table: true,
  };
}
