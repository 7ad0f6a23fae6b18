/**
 * templates/office.json read without zod. office-config.ts defines the settings as a zod schema,
 * but loading zod costs ~0.1 s at every start of `duban`, and nearly every office.json is sound.
 * The reading here is conservative: a value it is not sure the schema accepts as it is makes it
 * give up (null), and load-config.ts asks the schema, which either accepts it or says in Chinese
 * what is wrong. A test compares the two readings.
 */
import type { OfficeConfig } from './office-config.ts';
import { isKnownColumnName } from '../ingest/ledger-kinds.ts';

const isText = (v: unknown): v is string => typeof v === 'string';
const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/** A value the schema might not accept as it is. */
const UNSURE = Symbol('unsure');
type Read<T> = T | typeof UNSURE;

/** A value as the schema would have it: its default when absent. */
function field<T>(v: unknown, valid: (v: unknown) => boolean, fallback: T): Read<T> {
  if (v === undefined) return fallback;
  return valid(v) ? (v as T) : UNSURE;
}

function columnsOf(v: unknown): Read<Record<string, string>> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return UNSURE;
  const out: Record<string, string> = {};
  for (const [header, target] of Object.entries(v)) {
    if (header === '__proto__' || !isText(target) || (target.trim() !== '' && !isKnownColumnName(target))) return UNSURE;
    out[header] = target;
  }
  return out;
}

/**
 * office.json's parsed JSON → the settings, defaults filled in, keys in the schema's order; null
 * when the schema has to decide.
 */
export function readOfficeConfig(json: unknown): OfficeConfig | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const j = json as Record<string, unknown>;
  const copyTo = field<string[]>(j.copyTo, (v) => Array.isArray(v) && v.every(isText), []);
  const c = {
    organization: field(j.organization, isText, '示范大学'),
    officeName: field(j.officeName, isText, '示范大学督查督办工作办公室'),
    issuerMark: field(j.issuerMark, isText, '示范大学督查督办工作办公室'),
    docNoPrefix: field(j.docNoPrefix, isText, '校督办'),
    nextDocNo: field(j.nextDocNo, (v) => isWhole(v, 1), 1),
    copyTo: copyTo === UNSURE ? UNSURE : [...copyTo],
    printedBy: field(j.printedBy, isText, ''),
    contactPerson: field(j.contactPerson, isText, ''),
    contactPhone: field(j.contactPhone, isText, ''),
    reminderSender: field(j.reminderSender, isText, ''),
    dueSoonWorkdays: field(j.dueSoonWorkdays, (v) => isWhole(v, 0, 30), 3),
    feedbackDay: field(j.feedbackDay, (v) => isWhole(v, 1, 31), 25),
    recheckRate: field(j.recheckRate, (v) => Number.isFinite(v) && (v as number) >= 0 && (v as number) <= 1, 0.1),
    recheckMin: field(j.recheckMin, (v) => isWhole(v, 0), 3),
    recheckSalt: field(j.recheckSalt, isText, ''),
    reportSubmitDays: field<number | null>(j.reportSubmitDays, (v) => v === null || isWhole(v, 0, 60), null),
    siteTitle: field(j.siteTitle, isText, '督查通报'),
    fixedTimestamp: field<string | null>(j.fixedTimestamp, (v) => v === null || isText(v), null),
    columns: columnsOf(j.columns),
  };
  return Object.values(c).includes(UNSURE) ? null : (c as OfficeConfig);
}
