/**
 * The report's 进展反馈与审核 section (spec §2.10–2.11, seed 004 art. 23): 按时反馈率 per lead unit
 * and the counts of requests. Counts only — what the units wrote is in the 待审核 list, not here.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { ReportData } from '../../../aggregate/report-data.ts';
import type { FeedbackTally } from '../../../aggregate/feedback-tally.ts';
import { periodDeictic, rateWord } from '../../words.ts';
import { formTable, type FormCell } from '../layout/form-table.ts';
import { LINE_PITCH, SIZE, paragraph, type TextKit } from '../layout/gbt9704-layout.ts';

export function feedbackSentence(f: FeedbackTally, here: string): string {
  const q = f.requests;
  const rate = f.dueDays.length === 0 ? `${here}进展反馈截止日期尚未到，暂不统计按时反馈率` : `${here}应反馈${f.totals.owed}项次，按时反馈${f.totals.onTime}项次，按时反馈率${rateWord(f.totals.rate)}`;
  const pending = f.pending > 0 ? `，尚待审核${f.pending}项` : '';
  return `${rate}；收到申请办结${q.completion}项、申请延期${q.extension}项，审核通过${q.approved}项、退回${q.returned}项${pending}。`;
}

export function feedbackSection(kit: TextKit, data: ReportData, f: FeedbackTally): Content[] {
  const out: Content[] = [paragraph(kit, feedbackSentence(f, periodDeictic(data.period.kind)))];
  const units = data.byUnit.map((r) => r.name).filter((name) => f.byUnit.has(name));
  if (units.length === 0) return out;
  const head = (text: string): FormCell => ({ text, role: 'heading1', alignment: 'center' });
  const center = (text: string): FormCell => ({ text, alignment: 'center' });
  const rows = units.map((name) => {
    const r = f.byUnit.get(name)!;
    return [{ text: name }, center(String(r.owed)), center(String(r.onTime)), center(rateWord(r.rate))];
  });
  const table = formTable(kit, [['承办单位', '应反馈（项次）', '按时反馈', '按时反馈率'].map(head), ...rows], { columns: [7, 3.4, 3, 3], size: SIZE.五号, headerRows: 1 });
  out.push({ ...table, margin: [0, LINE_PITCH / 4, 0, LINE_PITCH / 4] });
  return out;
}
