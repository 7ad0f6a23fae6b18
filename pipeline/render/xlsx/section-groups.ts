/**
 * The 办理情况表 grouped by the section headings of the task tables (spec §1 `section`: 一、…,
 * （一）…): one block per section in the order the sections first appear, items without one first.
 * null when no item has a section, so the sheet stays one table as the form has it.
 */
import type { AnalyzedItem } from '../../model/analysis.ts';

export interface SectionGroup<T extends Pick<AnalyzedItem, 'section'>> {
  section: string | null;
  items: T[];
}

export function sectionGroups<T extends Pick<AnalyzedItem, 'section'>>(items: readonly T[]): SectionGroup<T>[] | null {
  if (!items.some((i) => i.section)) return null;
  const groups = new Map<string | null, T[]>([[null, []]]);
  for (const i of items) {
    const key = i.section || null;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([section, list]) => ({ section, items: list }));
}
