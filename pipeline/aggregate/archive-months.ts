/**
 * The months the bulletin site keeps (one 通报 each, seen as of the month's last day) and the
 * office's desk charts: the month of the as-of date and up to eleven before it, none before the
 * month of the first item assigned.
 */
import { addMonths, lastDayOfMonth, type IsoDate } from '../model/dates.ts';

/** How many months the archive keeps. */
export const ARCHIVE_MONTHS = 12;

export interface ArchiveMonth {
  id: string;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/** Oldest first. `earliest`: the first 交办日期 of the items shown (null when none is dated). */
export function archiveMonths(asOf: IsoDate, earliest: IsoDate | null): ArchiveMonth[] {
  const first = asOf.slice(0, 7) + '-01';
  const months: ArchiveMonth[] = [];
  for (let i = 0; i < ARCHIVE_MONTHS; i++) {
    const start = addMonths(first, -i);
    // Nothing assigned yet (or nothing dated): only the month under way has a 通报.
    if (i > 0 && (earliest === null || lastDayOfMonth(+start.slice(0, 4), +start.slice(5, 7)) < earliest)) break;
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7));
    months.push({ id: start.slice(0, 7), label: `${y}年${m}月`, start, end: lastDayOfMonth(y, m) });
  }
  return months.reverse();
}
