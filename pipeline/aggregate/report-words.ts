/**
 * How report values read in Chinese, shared by the XLSX and the PDF so both say the same thing.
 */
import { STATUS_WORDS, type AnalyzedItem } from '../model/analysis.ts';
import { chineseDate, type IsoDate } from '../model/dates.ts';

/** 85.7% · 100% · — (nothing due yet, so no rate). */
export function rateWord(rate: number | null): string {
  if (rate === null) return '—';
  return `${trimZero((rate * 100).toFixed(1))}%`;
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

/** 办结时限 as it stands, naming an approved extension. */
export function deadlineWord(item: AnalyzedItem): string {
  if (item.effectiveDeadline !== null) {
    return item.extendedTo !== null ? `${item.effectiveDeadline}（已延期）` : item.effectiveDeadline;
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

/** 11月25日 — the form's note leaves the year out. */
export function monthDay(date: IsoDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}
