/**
 * Table rows for items, shared by 通报, unit pages and the search index. Strings only, already
 * worded in Chinese; the templates escape them. A light is always shown with its status word
 * (colour is never the only signal, for colour-blind readers and for black-and-white print).
 */
import { LIGHT_WORDS, STATUS_WORDS, type Light, type Status } from '../../model/analysis.ts';
import { chineseDate, type IsoDate } from '../../model/dates.ts';
import type { PublicItem } from './edition.ts';
import { compareIds } from './counts.ts';
import { itemAnchor, unitPage } from './paths.ts';

/** Where the table groups items without a lead unit, so tables add up to the total. */
export { NO_LEAD_UNIT } from '../../model/analysis.ts';
import { NO_LEAD_UNIT } from '../../model/analysis.ts';

export interface ItemRow {
  id: string;
  anchor: string;
  title: string;
  source: string;
  leadUnit: string;
  /** Relative to the edition root; the template prefixes {{root}}. */
  leadUnitHref: string;
  coUnits: string;
  assignedOn: string;
  deadline: string;
  statusWord: string;
  light: Light;
  lightWord: string;
  /** 逾期17个工作日 · 剩余2个工作日 · 2026年11月19日办结 · ''. */
  note: string;
}

export function leadUnitOf(item: PublicItem): string {
  return item.leadUnit ?? NO_LEAD_UNIT;
}

export function itemRow(item: PublicItem): ItemRow {
  const lead = leadUnitOf(item);
  return {
    id: item.id,
    anchor: itemAnchor(item.key),
    title: item.title,
    source: item.source,
    leadUnit: lead,
    leadUnitHref: unitPage(lead),
    coUnits: item.coUnits.join('、'),
    assignedOn: dateText(item.assignedOn),
    deadline: deadlineText(item),
    statusWord: STATUS_WORDS[item.status],
    light: item.light,
    lightWord: LIGHT_WORDS[item.light],
    note: noteOf(item),
  };
}

/** Most pressing first: overdue (longest first), due soon, in progress, then done; ids break ties. */
export function byUrgency(a: PublicItem, b: PublicItem): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (b.overdueWorkdays ?? 0) - (a.overdueWorkdays ?? 0) || compareIds(a.id, b.id);
}

const STATUS_ORDER: Record<Status, number> = {
  overdue: 0,
  due_soon: 1,
  on_track: 2,
  ongoing: 3,
  no_deadline: 4,
  done_late: 5,
  done_on_time: 6,
  closed_unfinished: 7,
};

export function dateText(date: IsoDate | null): string {
  return date === null ? '—' : chineseDate(date);
}

function deadlineText(item: PublicItem): string {
  if (item.effectiveDeadline !== null) return chineseDate(item.effectiveDeadline);
  return item.ongoing ? '长期坚持' : '未定时限';
}

function noteOf(item: PublicItem): string {
  switch (item.status) {
    case 'overdue':
      return item.overdueWorkdays === null ? '' : `逾期${item.overdueWorkdays}个工作日`;
    case 'due_soon':
    case 'on_track':
      return item.workdaysLeft === null ? '' : `剩余${item.workdaysLeft}个工作日`;
    case 'done_on_time':
    case 'done_late':
      return item.completedOn === null ? '' : `${chineseDate(item.completedOn)}办结`;
    default:
      return '';
  }
}
