/**
 * The milestone a letter names (spec §2.1 时序进度): the one missed (it made the item overdue), else
 * the next one due. 到期提醒 and 催办通知 say which stage it is, so a unit knows what is asked now.
 */
import type { AnalyzedItem, ItemMilestone } from '../../../model/analysis.ts';
import { nextMilestone } from '../../../model/open-items.ts';
import { chineseDate } from '../../../model/dates.ts';

export interface StageWords {
  /** missed: its date has passed (the item is overdue for it); next: the next one due. */
  kind: 'missed' | 'next';
  deadlineText: string;
  text: string;
  deadline: string;
}

export function stageOf(item: AnalyzedItem): StageWords | null {
  const m: ItemMilestone | null = item.dueMilestone ?? nextMilestone(item);
  if (!m) return null;
  return {
    kind: m.status === 'overdue' ? 'missed' : 'next',
    deadlineText: m.deadlineText,
    text: m.text.replace(/\s*\n\s*/gu, '；').replace(/[。；;，,\s]+$/u, ''),
    deadline: m.deadline ? chineseDate(m.deadline) : '',
  };
}
