/** 登记表 (seed 003, 附件1): one per item. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { STATUS_WORDS, type AnalyzedItem } from '../../../model/analysis.ts';
import { checkboxes, formTable, type FormCell } from '../form-table.ts';
import { LINE_PITCH, SIZE, documentTitle, officialDocument, textBlock } from '../gbt9704-layout.ts';
import { NO_UNIT, dateOrBlank, type DocContext } from './context.ts';

export function registrationDocument(ctx: DocContext, item: AnalyzedItem): TDocumentDefinitions {
  const { kit, say, config } = ctx;
  const title = say('form.title', { organization: config.organization });
  const done = item.status === 'done_on_time' || item.status === 'done_late';
  const choice = (): FormCell => ({ content: checkboxes([say('form.yes'), say('form.no.option')], done ? say('form.yes') : null) });
  const label = (key: Parameters<typeof say>[0]): FormCell => ({ text: say(key), alignment: 'center', role: 'heading1' });
  const rows: FormCell[][] = [
    [label('form.label.task'), { text: item.text || item.title, colSpan: 3 }],
    [label('form.label.basis'), { text: item.basis, colSpan: 3 }],
    [label('form.label.lead'), { text: say('form.lead', { lead: item.leadUnit ?? NO_UNIT, coUnits: item.coUnits.join('、') }), colSpan: 3 }],
    [label('form.label.officeOpinion'), { text: '', colSpan: 3, minLines: 3 }],
    [label('form.label.leaderOpinion'), { text: '', colSpan: 3, minLines: 3 }],
    [label('form.label.result'), { text: item.progress, colSpan: 3, minLines: 3 }],
    [{ ...label('form.label.close'), rowSpan: 2 }, { text: say('form.label.closeOffice'), alignment: 'center' }, { ...choice(), colSpan: 2 }],
    [{ covered: true }, { text: say('form.label.closeLeader'), alignment: 'center' }, { ...choice(), colSpan: 2 }],
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
  return officialDocument(kit, {
    title: `${title} ${item.id}`,
    author: config.officeName,
    timestamp: ctx.timestamp,
    content: [
      documentTitle(kit, title),
      { ...textBlock(kit, say('form.number', { id: item.id }), { size: SIZE.四号, alignment: 'right', charSpacing: 0 }), margin: [0, LINE_PITCH / 2, 0, 4] },
      formTable(kit, rows, { columns: [5, 4.4, 3, 7.6] }),
    ],
  });
}
