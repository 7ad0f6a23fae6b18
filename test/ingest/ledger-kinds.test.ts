import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../pipeline/ingest/header-normalize.ts';
import { LEDGER_KINDS, describeRequired, recognizeHeader } from '../../pipeline/ingest/ledger-kinds.ts';
import type { LedgerKind } from '../../pipeline/model/ledger.ts';

const kindOf = (header: string) => recognizeHeader(header.split(',').map(normalizeHeader)).complete?.def.kind ?? null;

describe('recognizeHeader', () => {
  it.each<[string, LedgerKind]>([
    ['编号,事项,承办单位,办结时限', 'items'],
    ['序号,布置时间,承办部门,内容,是否落实,落实情况', 'items'],
    ['序号,工作任务,责任部门,完成时限', 'items'],
    ['编号,催办日期,催办方式,催办人,签收人,备注', 'reminders'],
    ['单位名称,简称,类别,负责人,联络员,联系电话,分管校领导', 'units'],
    ['日期,类型,名称', 'holidays'],
    ['序号,制发单位,制度名称,执行现状,具体执行情况和下一步整改措施 (比较好不用填),整改时限 (比较好不用填)', 'selfChecks'],
    ['序号,制发单位,制度名称,整改措施,整改措施落实情况,是否完成 (完成时限)', 'rectifications'],
    ['制度名称,文号,制发单位,发布日期,状态', 'regulations'],
    ['类别,事项,公开范围,责任单位,公开形式,应公开日期', 'disclosures'],
    // Overlaps: 序号/类别/事项/公开范围/责任单位 also read as an items ledger; the names are the disclosure's own.
    ['序号,类别,事项,公开范围,责任单位', 'disclosures'],
    ['编号,事项,承办单位,类别,公开范围', 'items'],
    ['编号,事项,承办单位,催办日期', 'items'],
    ['材料,截止日期,报送单位,说明', 'submissionRequirements'],
  ])('%s → %s', (header, kind) => {
    expect(kindOf(header)).toBe(kind);
  });

  it('recognises nothing in a title or an unrelated table', () => {
    expect(kindOf('广西科技大学督查督办事项办理情况表')).toBeNull();
    expect(kindOf('姓名,性别,电话')).toBeNull();
  });

  it('prefers a canonical name over an alias for the same column, else the first cell', () => {
    const m = recognizeHeader(['编号', '事项', '责任单位', '承办单位', '承办部门'].map(normalizeHeader)).complete!;
    expect(m.columns).toEqual(['编号', '事项', null, '承办单位', null]);
    expect(m.duplicates.map(([i]) => i).sort()).toEqual([2, 4]);
  });

  it('reports a partial match with what is missing', () => {
    const r = recognizeHeader(['编号', '事项', '办结时限'].map(normalizeHeader));
    expect(r.complete).toBeNull();
    expect(r.partial?.def.kind).toBe('items');
    expect(r.partial?.missing).toEqual([['承办单位']]);
  });

  it('describes required columns for hints', () => {
    expect(describeRequired(LEDGER_KINDS.find((d) => d.kind === 'items')!)).toBe('「编号（或序号）」「事项」「承办单位」');
  });
});
