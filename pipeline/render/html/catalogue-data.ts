/**
 * The 阳光三务 公开目录 (seed 002 §四–六), grouped 党务 · 校务 · 财务, with 应公开日期 and
 * 实际公开日期. Late disclosures are marked in words (逾期公开 / 逾期未公开), so the mark
 * survives print and colour blindness; the seed asks to correct 公开不及时.
 */
import { DISCLOSURE_CATEGORIES, type DisclosureCategory } from '../../model/records.ts';
import type { EditionView, PublicDisclosure } from './edition.ts';
import { compareZh } from './counts.ts';
import { dateText } from './item-rows.ts';

export type DisclosureState = 'on_time' | 'late' | 'missing' | 'pending';

const STATE_WORDS: Record<DisclosureState, string> = {
  on_time: '按时公开',
  late: '逾期公开',
  missing: '逾期未公开',
  pending: '待公开',
};

export interface DisclosureRow {
  title: string;
  unit: string;
  form: string;
  dueOn: string;
  publishedOn: string;
  state: DisclosureState;
  stateWord: string;
  isLate: boolean;
  summary: string;
  href: string | null;
}

export interface CatalogueGroup {
  category: DisclosureCategory;
  rows: DisclosureRow[];
  late: number;
}

export interface CatalogueData {
  groups: CatalogueGroup[];
  total: number;
  late: number;
}

export function buildCatalogue(view: EditionView): CatalogueData {
  const groups = DISCLOSURE_CATEGORIES.map((category) => {
    const rows = view.disclosures
      .filter((d) => d.category === category)
      .sort(byDueThenTitle)
      .map(row);
    return { category, rows, late: rows.filter((r) => r.isLate).length };
  });
  return {
    groups,
    total: view.disclosures.length,
    late: groups.reduce((n, g) => n + g.late, 0),
  };
}

function row(d: PublicDisclosure): DisclosureRow {
  const state: DisclosureState = d.publishedOn !== null ? (d.late ? 'late' : 'on_time') : d.late ? 'missing' : 'pending';
  return {
    title: d.title,
    unit: d.unit ?? '—',
    form: d.form || '—',
    dueOn: dateText(d.dueOn),
    publishedOn: d.publishedOn === null ? '未公开' : dateText(d.publishedOn),
    state,
    stateWord: STATE_WORDS[state],
    isLate: state === 'late' || state === 'missing',
    summary: d.summary,
    href: d.href,
  };
}

function byDueThenTitle(a: PublicDisclosure, b: PublicDisclosure): number {
  const da = a.dueOn ?? '9999-99-99';
  const db = b.dueOn ?? '9999-99-99';
  return da < db ? -1 : da > db ? 1 : compareZh(a.title, b.title);
}
