/**
 * 本次发文登记.csv (spec §2.12): the 督办通知 this build numbered that the register does not
 * hold yet, in the columns of the 发文登记 ledger. Saved into the data folder, it makes their
 * numbers and item lists permanent.
 */
import type { DocContext } from './context.ts';
import type { AssignmentPlan } from './assignment-notice.ts';
import { csvText } from './reminder-csv.ts';

const HEADER = ['文号', '标题', '发文日期', '主送单位', '编号'];

export function registerCsv(_ctx: DocContext, plans: readonly (AssignmentPlan & { title: string })[]): string {
  return csvText(
    HEADER,
    plans.map((p) => [p.docNo, p.title, p.issuedOn, p.unit, p.items.map((i) => i.id).join('、')]),
  );
}
