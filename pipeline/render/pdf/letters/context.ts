/** What every formal document renderer needs besides its data. */
import { NO_LEAD_UNIT, type Analysis, type AnalyzedItem } from '../../../model/analysis.ts';
import { itemLabeller } from '../../../model/item-labels.ts';
import { chineseDate, type IsoDate } from '../../../model/dates.ts';
import type { OfficeConfig } from '../../../config/office-config.ts';
import type { TextKit } from '../layout/gbt9704-layout.ts';
import type { Wording } from '../wording.ts';

export interface DocContext {
  kit: TextKit;
  say: Wording;
  config: OfficeConfig;
  asOf: IsoDate;
  /** Metadata date of every PDF of the run (fixed: same data → same bytes). */
  timestamp: Date;
  /** The 落款 date: the as-of date in Arabic numerals (GB/T 9704 成文日期). */
  dateText: string;
  /** How the documents name an item (model/item-labels.ts): its 编号, or its 序号 where duban built the id. */
  label: (item: AnalyzedItem) => string;
}

/** `kit` may be given as a function: fonts are then loaded only if a document is laid out (planning file names needs none). */
export function docContext(analysis: Pick<Analysis, 'asOf' | 'items'>, config: OfficeConfig, kit: TextKit | (() => TextKit), say: Wording): DocContext {
  const ctx = {
    say,
    config,
    asOf: analysis.asOf,
    timestamp: metadataTimestamp(analysis.asOf, config.fixedTimestamp),
    dateText: chineseDate(analysis.asOf),
    label: itemLabeller(analysis.items),
  };
  if (typeof kit !== 'function') return { ...ctx, kit };
  let loaded: TextKit | undefined;
  return {
    ...ctx,
    get kit() {
      return (loaded ??= kit());
    },
  };
}

/** config.fixedTimestamp when it parses, else the as-of date at 00:00 China Standard Time. */
export function metadataTimestamp(asOf: IsoDate, fixed: string | null): Date {
  if (fixed) {
    const date = new Date(fixed);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date(`${asOf}T00:00:00+08:00`);
}

/** A date for a form blank: 2026年9月8日, or the empty blank of the paper form. */
export function dateOrBlank(date: IsoDate | null): string {
  return date ? chineseDate(date) : '\u3000\u3000年\u3000月\u3000日';
}

/** Items without a lead unit are grouped under this name. */
export const NO_UNIT = NO_LEAD_UNIT;
