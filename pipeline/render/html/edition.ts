/**
 * The publication boundary (spec §6) in one place. Every page, the search index and the long
 * images are built from an EditionView and never from the Analysis, so what a page can show is
 * exactly what this module copies. Fields are whitelisted one by one: a field added to the model
 * later (a new internal note) stays internal until someone adds it here on purpose.
 *
 * Not copied, on purpose: 落实情况 (progress), 催办 (reminders, reminderDates, escalate), warnings,
 * file/row, 责任人, 立项依据, 延期 details, the full 事项 text, unit directory contacts, and
 * analysis.units (its counts include hidden items; pages recount from the edition's items).
 * Units' feedback, requests and the office's decisions (spec §2.10–2.11) never leave internal: the
 * campus edition gets their counts over its own items (`feedback`), the public edition nothing.
 */
import type { Analysis, AnalyzedItem, DisclosureEntry, Light, Status } from '../../model/analysis.ts';
import { generatedIdPart } from '../../model/item-labels.ts';
import type { IsoDate } from '../../model/dates.ts';
import type { Audience, DisclosureCategory, ItemSource } from '../../model/records.ts';
import { maskPersonal } from './mask-personal.ts';

export type Edition = 'public' | 'campus';

export const EDITIONS: readonly Edition[] = ['public', 'campus'];

/** Which 公开范围 each edition may carry; 不公开 is in none (seed 002: never widen an audience). */
const AUDIENCES: Record<Edition, readonly Audience[]> = {
  public: ['社会公开'],
  campus: ['社会公开', '校内公开'],
};

export function inEdition(audience: Audience, edition: Edition): boolean {
  return AUDIENCES[edition].includes(audience);
}

export interface PublicItem {
  /** The 编号 as written; for ids duban built from a file name (spec §2.1), the 序号 part only. */
  id: string;
  /** Unique within the edition, for anchors and links: the id, with ~2, ~3 … for repeats. */
  key: string;
  title: string;
  source: ItemSource;
  leadUnit: string | null;
  coUnits: string[];
  assignedOn: IsoDate | null;
  effectiveDeadline: IsoDate | null;
  ongoing: boolean;
  completedOn: IsoDate | null;
  status: Status;
  light: Light;
  overdueWorkdays: number | null;
  workdaysLeft: number | null;
}

export interface PublicDisclosure {
  category: DisclosureCategory;
  title: string;
  unit: string | null;
  form: string;
  dueOn: IsoDate | null;
  /** Only a date on or before the as-of date: a planned date is not yet a publication. */
  publishedOn: IsoDate | null;
  late: boolean;
  /** Empty until published: the catalogue may announce an item, not its content ahead of time. */
  summary: string;
  /** An http(s) URL, or null; anything else (javascript:, data:, relative) is never a link. */
  href: string | null;
}

export interface EditionView {
  edition: Edition;
  asOf: IsoDate;
  items: PublicItem[];
  disclosures: PublicDisclosure[];
  /** Campus only, and only once an item of the edition has a feedback or a request: counts, never text. */
  feedback: EditionFeedback | null;
}

/** 进展反馈 and 审核 of the edition's items, as of its date: numbers only. */
export interface EditionFeedback {
  /** Open items fed back this feedback month · due day passed without · not yet due. */
  received: number;
  missing: number;
  pending: number;
  /** Requests made in the month of the as-of date, and decisions made in it. */
  requests: number;
  approved: number;
  returned: number;
  /** Requests waiting for a decision. */
  undecided: number;
}

export function selectEdition(analysis: Analysis, edition: Edition): EditionView {
  const own = analysis.items.filter((i) => inEdition(i.audience, edition));
  return {
    edition,
    asOf: analysis.asOf,
    items: withKeys(own.map(publicItem)),
    disclosures: analysis.disclosures.filter((d) => inEdition(d.audience, edition)).map((d) => publicDisclosure(d, analysis.asOf)),
    feedback: edition === 'campus' ? feedbackCounts(own, analysis.asOf) : null,
  };
}

function feedbackCounts(items: readonly AnalyzedItem[], asOf: IsoDate): EditionFeedback | null {
  if (!items.some((i) => i.feedback !== null || i.request !== null)) return null;
  const month = asOf.slice(0, 7);
  const n = (pred: (i: AnalyzedItem) => boolean): number => items.filter(pred).length;
  const decidedNow = (i: AnalyzedItem, d: 'approved' | 'returned') => i.request?.decision === d && (i.request.decidedOn ?? '').startsWith(month);
  return {
    received: n((i) => i.feedbackStatus === 'received'),
    missing: n((i) => i.feedbackStatus === 'missing'),
    pending: n((i) => i.feedbackStatus === 'pending'),
    requests: n((i) => i.request?.on.startsWith(month) === true),
    approved: n((i) => decidedNow(i, 'approved')),
    returned: n((i) => decidedNow(i, 'returned')),
    undecided: n((i) => i.request?.decision === 'pending'),
  };
}

function publicItem(i: AnalyzedItem): Omit<PublicItem, 'key'> {
  return {
    id: maskPersonal(publicId(i)),
    title: maskPersonal(i.title),
    source: i.source,
    leadUnit: i.leadUnit === null ? null : maskPersonal(i.leadUnit),
    coUnits: i.coUnits.map(maskPersonal),
    assignedOn: i.assignedOn,
    effectiveDeadline: i.effectiveDeadline,
    ongoing: i.ongoing,
    completedOn: i.completedOn,
    status: i.status,
    light: i.light,
    overdueWorkdays: i.overdueWorkdays,
    workdaysLeft: i.workdaysLeft,
  };
}

/**
 * Ledger file names are internal (spec §6), and so are the ids built from them: an item of a
 * table with only a 序号 is `<file>#<序号>` inside duban and just its 序号 in an edition; an item
 * of a table with neither is numbered by its row (`#r12` → 12).
 */
export function publicId(i: Pick<AnalyzedItem, 'id' | 'file'>): string {
  const rest = generatedIdPart(i);
  if (rest === null) return i.id;
  return /^r\d+$/.test(rest) ? rest.slice(1) : rest;
}

/** Adds the key to each item (fresh from publicItem) in place rather than copying it once more per month and edition. */
function withKeys(items: Omit<PublicItem, 'key'>[]): PublicItem[] {
  const seen = new Map<string, number>();
  for (const item of items as PublicItem[]) {
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    item.key = n === 1 ? item.id : `${item.id}~${n}`;
  }
  return items as PublicItem[];
}

function publicDisclosure(d: DisclosureEntry, asOf: IsoDate): PublicDisclosure {
  const published = d.publishedOn !== null && d.publishedOn <= asOf ? d.publishedOn : null;
  return {
    category: d.category,
    title: maskPersonal(d.title),
    unit: d.unit === null ? null : maskPersonal(d.unit),
    form: maskPersonal(d.form),
    dueOn: d.dueOn,
    publishedOn: published,
    late: d.late,
    summary: published ? maskPersonal(d.summary) : '',
    href: published && d.link ? safeHttpUrl(maskPersonal(d.link)) : null,
  };
}

/** Only absolute http:// and https:// URLs become links; the URL parser normalises what we emit. */
export function safeHttpUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
