/**
 * Seed 004 art. 22 on extensions, in one place for the ledger's 延期 columns and for units'
 * requests: applied for at least 5 working days before the deadline; more than 3 months only with
 * a 分管校领导's approval (a name counts as a leader's); once only.
 */
import { addMonths, type IsoDate } from '../model/dates.ts';
import type { IssueCode } from '../model/issue.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';
import { EXTENSION_LEAD_WORKDAYS, EXTENSION_OFFICE_MONTHS, isOfficeApproval } from '../model/rules.ts';

export interface ExtensionProblem {
  code: Extract<IssueCode, 'W_LATE_EXTENSION' | 'W_LONG_EXTENSION' | 'W_SECOND_EXTENSION'>;
  message: string;
  hint: string;
}

export function extensionProblems(x: { deadline: IsoDate; to: IsoDate; appliedOn: IsoDate | null; approvedBy: string; alreadyExtended?: boolean }, cal: WorkdayCalendar): ExtensionProblem[] {
  const out: ExtensionProblem[] = [];
  if (x.alreadyExtended) {
    out.push({ code: 'W_SECOND_EXTENSION', message: '该事项已经延期过一次，按规定只能延期一次', hint: '确需再次延期的，请报分管校领导研究决定。' });
  }
  if (x.appliedOn) {
    const lead = x.appliedOn < x.deadline ? cal.workdaysBetween(x.appliedOn, x.deadline) : 0;
    if (lead < EXTENSION_LEAD_WORKDAYS) {
      out.push({
        code: 'W_LATE_EXTENSION',
        message: `延期申请日期 ${x.appliedOn} 距原办结时限 ${x.deadline} 不足${EXTENSION_LEAD_WORKDAYS}个工作日（${lead}个）`,
        hint: `按规定，延期申请最迟应在办结时限前${EXTENSION_LEAD_WORKDAYS}个工作日提出；请核实并在备注中说明情况。`,
      });
    }
  }
  if (x.to > addMonths(x.deadline, EXTENSION_OFFICE_MONTHS) && isOfficeApproval(x.approvedBy)) {
    out.push({
      code: 'W_LONG_EXTENSION',
      message: `延期超过${EXTENSION_OFFICE_MONTHS}个月（${x.deadline} → ${x.to}），但没有分管校领导批准`,
      hint: `延期超过${EXTENSION_OFFICE_MONTHS}个月的事项须经分管校领导确定；请在「延期批准」填写「分管校领导」或批准人姓名。`,
    });
  }
  return out;
}
