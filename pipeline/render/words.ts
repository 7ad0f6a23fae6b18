/**
 * How report values read in Chinese, shared by the XLSX and the PDF so both say the same thing.
 */
import { STATUS_WORDS, type AnalyzedItem } from '../model/analysis.ts';
import { chineseDate } from '../model/dates.ts';
import type { RecheckSample } from '../aggregate/report-sample.ts';
import type { PeriodKind } from '../aggregate/period.ts';

/** 85.7% · 100% · — (nothing due yet, so no rate). */
export function rateWord(rate: number | null): string {
  if (rate === null) return '—';
  return `${trimZero((rate * 100).toFixed(1))}%`;
}

/** 按期办结率85.7%, or — when nothing was due yet — that there is no rate to give. `prefix`: 本期 … */
export function rateClause(rate: number | null, prefix = ''): string {
  return rate === null ? '尚无到期应办结事项' : `${prefix}按期办结率${rateWord(rate)}`;
}

export function statusWord(item: AnalyzedItem): string {
  return STATUS_WORDS[item.status];
}

/** 是否落实 as the form (seed 003, 附件3) has it: 是 only once the item is done. */
export function implementedWord(item: AnalyzedItem): string {
  return item.status === 'done_on_time' || item.status === 'done_late' ? '是' : '否';
}

/** 落实情况: the unit's own words, else what the ledger tells. */
export function progressWord(item: AnalyzedItem): string {
  if (item.progress.trim() !== '') return item.progress;
  if (item.completedOn !== null && (item.status === 'done_on_time' || item.status === 'done_late')) {
    return `已于${chineseDate(item.completedOn)}办结`;
  }
  return '';
}

/** 办结时限 as a document states it (2026年11月20日), naming an approved extension; the XLSX writes a date cell. */
export function deadlineWord(item: AnalyzedItem): string {
  if (item.effectiveDeadline !== null) {
    const date = chineseDate(item.effectiveDeadline);
    return item.extendedTo !== null ? `${date}（已延期）` : date;
  }
  if (item.ongoing) return '长期';
  return '未定';
}

/** 承办部门: the lead unit, co-units after it (牵头单位负责制). */
export function unitsWord(item: AnalyzedItem): string {
  const lead = item.leadUnit ?? '（未明确）';
  return item.coUnits.length > 0 ? `${lead}（配合：${item.coUnits.join('、')}）` : lead;
}

export function yesNo(b: boolean): string {
  return b ? '是' : '否';
}

/**
 * The 回访复查 draw in one sentence (seed 004 art. 17), the same in the PDF and the XLSX: how many
 * items could be re-checked, and either the share drawn or, when there are no more than the rule
 * asks for, that all of them are. `here` is 本月 / 本季度 …
 */
export function recheckSentence(r: Pick<RecheckSample, 'population' | 'rate' | 'min' | 'items'>, here: string): string {
  const n = r.population;
  if (n === 0) return `${here}无办结事项，不开展回访复查。`;
  if (r.items.length >= n) {
    return n < r.min ? `${here}可回访的办结事项仅${n}项（不足${r.min}项），全部抽取开展回访复查。` : `${here}办结事项${n}项，全部抽取开展回访复查。`;
  }
  return `${here}办结事项${n}项，按${rateWord(r.rate)}的比例（不少于${r.min}项）随机抽取${r.items.length}项开展回访复查，抽取结果可复核。`;
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** 月报 · 季报 · 半年报 · 年报 — the report's name for its period kind. */
export function reportKindWord(kind: PeriodKind): string {
  return { month: '月报', quarter: '季报', half: '半年报', year: '年报' }[kind];
}

/** 本月 · 本季度 · 本半年 · 本年 — how the summary refers to the period. */
export function periodDeictic(kind: PeriodKind): string {
  return { month: '本月', quarter: '本季度', half: '本半年度', year: '本年度' }[kind];
}
