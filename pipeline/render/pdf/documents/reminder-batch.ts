/**
 * All 催办通知 in one PDF for duplex printing: every letter starts on a front (odd) page, a
 * blank back is inserted after a letter with an odd number of pages, and each letter is
 * numbered from — 1 — on its own.
 */
import type { ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { officialDocument, pageNumberFooter } from '../gbt9704-layout.ts';
import type { DocContext } from './context.ts';
import { reminderLetter, type ReminderPlan } from './reminder-letter.ts';

/** pdfmake records where a node was laid out on the node object itself. */
type Placed = ContentStack & { positions?: { pageNumber: number }[] };

export function reminderBatchDocument(ctx: DocContext, plans: ReminderPlan[]): TDocumentDefinitions {
  const letters: Placed[] = plans.map((plan, i) => {
    const letter: Placed = reminderLetter(ctx, plan);
    // 'beforeEven' moves on, and once more if that page is even: the letter lands on an odd page.
    if (i > 0) letter.pageBreak = 'beforeEven';
    return letter;
  });
  // Footers are laid out after the content, so the letters' page ranges are known by then.
  let labels: Map<number, number> | null = null;
  const label = (page: number): number | null => {
    labels ??= pageLabels(letters);
    return labels.get(page) ?? null;
  };
  return officialDocument(ctx.kit, {
    title: ctx.say('file.reminderBatch'),
    author: ctx.config.officeName,
    timestamp: ctx.timestamp,
    content: letters,
    footer: pageNumberFooter(label),
  });
}

/** Page → number within its letter; padding pages get none. */
function pageLabels(letters: Placed[]): Map<number, number> {
  const labels = new Map<number, number>();
  for (const letter of letters) {
    const pages = (letter.positions ?? []).map((p) => p.pageNumber);
    if (pages.length === 0) continue;
    const first = Math.min(...pages);
    const last = Math.max(...pages);
    for (let page = first; page <= last; page++) labels.set(page, page - first + 1);
  }
  return labels;
}
