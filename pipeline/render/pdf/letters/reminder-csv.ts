/**
 * The reminders issued in this run, in the columns of the 催办记录 ledger (spec §2.2), so
 * the office can drop the file into data/ to record them. UTF-8 with BOM for Excel.
 */
import type { DocContext } from './context.ts';
import type { ReminderPlan } from './reminder-letter.ts';

const HEADER = ['编号', '催办日期', '催办方式', '催办人', '签收人', '备注'];

export function reminderCsv(ctx: DocContext, plans: ReminderPlan[]): string {
  const rows = plans.filter((plan) => plan.issuedNow).map((plan) => [plan.item.id, ctx.asOf, ctx.say('reminder.csvMethod'), ctx.config.reminderSender, '', ctx.say('reminder.csvNote', { n: plan.n })]);
  return csvText(HEADER, rows);
}

/** A CSV that Excel and WPS open as Chinese text (UTF-8 with BOM, CRLF) and duban reads back. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Quote when needed; a leading = + - @ would make Excel evaluate the cell, so such values get
 * a leading tab — which duban's reader trims away again, so the ids still match.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `\t${value}` : value;
  return /[",\r\n\t]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
