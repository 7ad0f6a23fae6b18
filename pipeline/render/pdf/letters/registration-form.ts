/** 登记表 (seed 003, 附件1): one per item, drawn straight to PDF like the 催办通知 (a run has one per item). */
import { STATUS_WORDS, type AnalyzedItem } from '../../../model/analysis.ts';
import { LINE_PITCH, SIZE } from '../layout/gbt9704-layout.ts';
import { space, textBands, titleBands, type Band } from '../layout/bands.ts';
import { formBands, type BandCell } from '../layout/form-bands.ts';
import { flowDocuments } from '../layout/flow.ts';
import { writePagesPdf, type PageFonts } from '../writer/pages-pdf.ts';
import { NO_UNIT, dateOrBlank, type DocContext } from './context.ts';
import { isOfficeApproval } from '../../../model/rules.ts';
import { chineseDate } from '../../../model/dates.ts';

/** `name`: how the form names the item (ctx.label(item) unless given). */
export function registrationBands(ctx: DocContext, item: AnalyzedItem, name = ctx.label(item)): Band[] {
  const { kit, say, config } = ctx;
  const done = item.status === 'done_on_time' || item.status === 'done_late';
  // The office's decision on the unit's request (spec §2.11) goes to the row of whoever decided:
  // 党政办公室 → 党校办意见, a 分管校领导 or a leader's name → 校领导意见. Without a decided 办结
  // request, both rows say 是 once the item is done, as before.
  const q = item.request !== null && item.request.decision !== 'pending' ? item.request : null;
  const byLeader = q !== null && !isOfficeApproval(q.by ?? '');
  const closing = q?.kind === '办结' ? q : null;
  const tick = (leaderRow: boolean): string | null =>
    closing ? (leaderRow === byLeader ? say(closing.decision === 'approved' ? 'form.yes' : 'form.no.option') : null) : done ? say('form.yes') : null;
  const choice = (leaderRow: boolean): BandCell => ({ checkboxes: { options: [say('form.yes'), say('form.no.option')], checked: tick(leaderRow) }, colSpan: 2 });
  const decision = q
    ? say('form.decision', {
        approved: q.decision === 'approved',
        extension: q.kind === '延期',
        date: q.date ? chineseDate(q.date) : '',
        opinion: q.opinion,
        by: q.by ?? '',
        decidedOn: q.decidedOn ? chineseDate(q.decidedOn) : '',
      })
    : '';
  // The unit's last feedback, after the ledger's own 落实情况 (or alone when that is empty).
  const f = item.feedback;
  const fed = f && f.progress.trim() !== '' && f.progress.trim() !== item.progress.trim() ? say('form.feedback', { unit: f.unit ?? '', on: chineseDate(f.on), progress: f.progress }) : '';
  const result = [item.progress, fed].filter((t) => t.trim() !== '').join('\n');
  const label = (key: Parameters<typeof say>[0]): BandCell => ({ text: say(key), alignment: 'center', role: 'heading1' });
  const rows: BandCell[][] = [
    [label('form.label.task'), { text: item.text || item.title, colSpan: 3 }],
    [label('form.label.basis'), { text: item.basis, colSpan: 3 }],
    [label('form.label.lead'), { text: say('form.lead', { lead: item.leadUnit ?? NO_UNIT, coUnits: item.coUnits.join('、') }), colSpan: 3 }],
    [label('form.label.officeOpinion'), { text: byLeader ? '' : decision, colSpan: 3, minLines: 3 }],
    [label('form.label.leaderOpinion'), { text: byLeader ? decision : '', colSpan: 3, minLines: 3 }],
    [label('form.label.result'), { text: result, colSpan: 3, minLines: 3 }],
    [{ ...label('form.label.close'), rowSpan: 2 }, { text: say('form.label.closeOffice'), alignment: 'center' }, choice(false)],
    [{ covered: true }, { text: say('form.label.closeLeader'), alignment: 'center' }, choice(true)],
    [
      label('form.label.remark'),
      {
        text: say('form.remark', {
          deadline: item.effectiveDeadline ? dateOrBlank(item.effectiveDeadline) : item.deadlineText || '未定',
          status: STATUS_WORDS[item.status],
          completedOn: item.completedOn ? dateOrBlank(item.completedOn) : '',
        }),
        colSpan: 3,
      },
    ],
  ];
  return [
    ...titleBands(kit, say('form.title', { organization: config.organization })),
    space(LINE_PITCH / 2),
    ...textBands(kit, say('form.number', { id: name }), { size: SIZE.四号, alignment: 'right', charSpacing: 0 }),
    space(4),
    ...formBands(kit, rows, { columns: [5, 4.4, 3, 7.6] }),
  ];
}

/** `bands`: the form laid out already (the DOCX is written from the same bands, render/docx/documents.ts). */
export function registrationPdf(ctx: DocContext, fonts: PageFonts, item: AnalyzedItem, label = ctx.label(item), bands: Band[] = registrationBands(ctx, item, label)): Uint8Array {
  const title = `${ctx.say('form.title', { organization: ctx.config.organization })} ${label}`;
  return writePagesPdf(flowDocuments(ctx.kit, [bands]), fonts, { title, author: ctx.config.officeName, timestamp: ctx.timestamp });
}
