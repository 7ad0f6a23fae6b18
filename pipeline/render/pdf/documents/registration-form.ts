/** 登记表 (seed 003, 附件1): one per item, drawn straight to PDF like the 催办通知 (a run has one per item). */
import { STATUS_WORDS, type AnalyzedItem } from '../../../model/analysis.ts';
import { LINE_PITCH, SIZE } from '../gbt9704-layout.ts';
import { space, textBands, titleBands, type Band } from '../sheet/bands.ts';
import { formBands, type SheetCell } from '../sheet/form-bands.ts';
import { flowDocuments } from '../sheet/flow.ts';
import { writeSheetsPdf, type SheetFonts } from '../writer/sheet-pdf.ts';
import { NO_UNIT, dateOrBlank, type DocContext } from './context.ts';

/** `name`: how the form names the item (ctx.label(item) unless given). */
export function registrationBands(ctx: DocContext, item: AnalyzedItem, name = ctx.label(item)): Band[] {
  const { kit, say, config } = ctx;
  const done = item.status === 'done_on_time' || item.status === 'done_late';
  const choice: SheetCell = { checkboxes: { options: [say('form.yes'), say('form.no.option')], checked: done ? say('form.yes') : null }, colSpan: 2 };
  const label = (key: Parameters<typeof say>[0]): SheetCell => ({ text: say(key), alignment: 'center', role: 'heading1' });
  const rows: SheetCell[][] = [
    [label('form.label.task'), { text: item.text || item.title, colSpan: 3 }],
    [label('form.label.basis'), { text: item.basis, colSpan: 3 }],
    [label('form.label.lead'), { text: say('form.lead', { lead: item.leadUnit ?? NO_UNIT, coUnits: item.coUnits.join('、') }), colSpan: 3 }],
    [label('form.label.officeOpinion'), { text: '', colSpan: 3, minLines: 3 }],
    [label('form.label.leaderOpinion'), { text: '', colSpan: 3, minLines: 3 }],
    [label('form.label.result'), { text: item.progress, colSpan: 3, minLines: 3 }],
    [{ ...label('form.label.close'), rowSpan: 2 }, { text: say('form.label.closeOffice'), alignment: 'center' }, choice],
    [{ covered: true }, { text: say('form.label.closeLeader'), alignment: 'center' }, choice],
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

export function registrationPdf(ctx: DocContext, fonts: SheetFonts, item: AnalyzedItem, label = ctx.label(item)): Uint8Array {
  const title = `${ctx.say('form.title', { organization: ctx.config.organization })} ${label}`;
  return writeSheetsPdf(flowDocuments(ctx.kit, [registrationBands(ctx, item, label)]), fonts, { title, author: ctx.config.officeName, timestamp: ctx.timestamp });
}
