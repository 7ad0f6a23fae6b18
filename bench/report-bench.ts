/**
 * `npm run bench` part: the report workbook for n synthetic items (goal: 100,000 items in ≤ 30 s,
 * ≤ 1 GiB peak RSS on two cores). The synthetic ledger is deterministic so runs compare.
 * peakRssMb is the process's lifetime peak (getrusage), so run it in a fresh process for a clean number.
 */
import type { Analysis, AnalyzedItem, Light, Status } from '../pipeline/model/analysis.ts';
import { addDays } from '../pipeline/model/dates.ts';
import { ITEM_SOURCES } from '../pipeline/model/records.ts';
import { DEFAULT_OFFICE_CONFIG } from '../pipeline/config/office-config.ts';
import { buildReportData } from '../pipeline/aggregate/report-data.ts';
import { periodOfMonth } from '../pipeline/aggregate/period.ts';
import { renderReportXlsx } from '../pipeline/render/xlsx/report-xlsx.ts';

export async function benchReportXlsx(n: number): Promise<{ ms: number; peakRssMb: number; bytes: number }> {
  const analysis = syntheticAnalysis(n);
  const t0 = performance.now();
  const data = buildReportData(analysis, periodOfMonth(analysis.asOf), DEFAULT_OFFICE_CONFIG);
  const file = await renderReportXlsx(data, DEFAULT_OFFICE_CONFIG);
  const ms = Math.round(performance.now() - t0);
  // ru_maxrss is in kilobytes on Linux.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return { ms, peakRssMb, bytes: file.bytes.length };
}

const UNITS = [
  '党政办公室',
  '党委组织部',
  '党委宣传部',
  '教务处',
  '科技处',
  '人事处',
  '财务处',
  '学生工作处',
  '研究生院',
  '国有资产管理处',
  '后勤管理处',
  '保卫处',
  '招生就业处',
  '国际合作与交流处',
  '发展规划处',
  '审计处',
  '图书馆',
  '档案馆',
  '网络与信息中心',
  '工会',
  '团委',
  '机械与汽车工程学院',
  '电气与信息工程学院',
  '土木建筑工程学院',
  '经济与管理学院',
  '外国语学院',
  '马克思主义学院',
  '医学部',
  '继续教育学院',
  '体育部',
];
const VERBS = ['完成', '推进', '落实', '修订', '制定', '组织开展', '加快建设', '做好'];
const OBJECTS = [
  '本科教学质量年度报告编制',
  '学生公寓维修改造工程',
  '实验室安全专项检查',
  '校园网络安全等级保护整改',
  '年度科研经费审计',
  '教职工考勤管理办法',
  '学科建设中期自评',
  '毕业生就业指导',
  '校史馆展陈提升',
  '超期借用公房清理',
];
const STATUSES: [Status, Light][] = [
  ['done_on_time', 'blue'],
  ['done_on_time', 'blue'],
  ['done_late', 'blue'],
  ['overdue', 'red'],
  ['due_soon', 'yellow'],
  ['on_track', 'green'],
  ['on_track', 'green'],
  ['ongoing', 'green'],
  ['no_deadline', 'gray'],
  ['closed_unfinished', 'gray'],
];

/** A month's desk of n items, as-of 2026-11-25, every status and a few formula-looking texts. */
export function syntheticAnalysis(n: number, asOf = '2026-11-25'): Analysis {
  const items: AnalyzedItem[] = [];
  for (let k = 0; k < n; k++) {
    const [status, light] = STATUSES[k % STATUSES.length]!;
    const assignedOn = addDays(asOf, -((k * 7) % 300));
    const deadline = status === 'ongoing' || status === 'no_deadline' ? null : addDays(assignedOn, 14 + (k % 60));
    const done = status === 'done_on_time' || status === 'done_late';
    const late = status === 'overdue' || status === 'done_late';
    const reminders = late ? k % 5 : 0;
    const title = `${VERBS[k % VERBS.length]}${OBJECTS[(k >> 3) % OBJECTS.length]}（第${k + 1}项）`;
    items.push({
      id: `DB2026-${String(k + 1).padStart(6, '0')}`,
      title,
      source: ITEM_SOURCES[k % ITEM_SOURCES.length]!,
      leadUnit: UNITS[k % UNITS.length]!,
      coUnits: k % 3 === 0 ? [UNITS[(k + 7) % UNITS.length]!] : [],
      assignedOn,
      deadlineText: '',
      deadline,
      ongoing: status === 'ongoing',
      extendedTo: null,
      effectiveDeadline: deadline,
      completedOn: done ? addDays(asOf, -(k % 24)) : null,
      status,
      light,
      overdueWorkdays: late ? 1 + (k % 45) : null,
      overdueDays: late ? 1 + (k % 63) : null,
      workdaysLeft: status === 'due_soon' ? 2 : null,
      reminders,
      escalate: reminders >= 3,
      audience: '不公开',
      file: '督办台账.csv',
      row: k + 2,
      warnings: [],
      text: `${title}。按照学校党委常委会部署，明确责任分工和时间节点，确保按期保质完成，并将落实情况通过OA报督查督办工作办公室。`,
      seq: null,
      basis: '2026年第18次校长办公会纪要',
      responsible: '',
      state: done ? '已办结' : '办理中',
      progress: k % 97 === 0 ? '=HYPERLINK("http://evil.example","x")' : `已完成阶段性工作${k % 10}项，正在推进后续工作。`,
      deadlineStart: null,
      extensionText: '',
      extensionAppliedOn: null,
      extensionApprovedBy: '',
      reminderDates: [],
      lastReminderOn: reminders > 0 ? addDays(asOf, -3) : null,
      lateWorkdays: null,
      docNo: null,
      feedback: null,
      feedbackDue: null,
      feedbackStatus: null,
      request: null,
    });
  }
  return { asOf, items, notices: [], units: [], selfChecks: [], rectifications: [], regulations: [], submissions: [], disclosures: [], issues: [] };
}
