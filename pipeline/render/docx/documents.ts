/** The band documents as DOCX, with the titles their PDFs carry (催办通知, 登记表). */
import type { AnalyzedItem } from '../../model/analysis.ts';
import type { DocContext } from '../pdf/documents/context.ts';
import { reminderLetterBands, type ReminderPlan } from '../pdf/documents/reminder-letter.ts';
import { registrationBands } from '../pdf/documents/registration-form.ts';
import type { Band } from '../pdf/sheet/bands.ts';
import { bandsDocx, type DocxKit } from './index.ts';

function meta(ctx: DocContext, title: string) {
  return { title, author: ctx.config.officeName, timestamp: ctx.timestamp };
}

export function letterDocx(ctx: DocContext, plan: ReminderPlan, kit: DocxKit): Promise<Uint8Array> {
  const title = `${ctx.say('reminder.title', { organization: ctx.config.organization })} ${plan.label}`;
  return bandsDocx(reminderLetterBands(ctx, plan), meta(ctx, title), kit);
}

/** `bands`: the form laid out already, when its PDF is drawn from them too. */
export function formDocx(ctx: DocContext, item: AnalyzedItem, label: string, kit: DocxKit, bands: Band[] = registrationBands(ctx, item, label)): Promise<Uint8Array> {
  const title = `${ctx.say('form.title', { organization: ctx.config.organization })} ${label}`;
  return bandsDocx(bands, meta(ctx, title), kit);
}
