/**
 * What spec §5 says analysis.json holds for the seed-000 fixture folder (test/fixtures/campaign/seed000)
 * as of 2022-12-10, written out by hand from the files and the rules of §3–§4. The end-to-end test
 * checks the pipeline against it; the renderer tests render from it, so they run without the pipeline.
 */
import type { Analysis, RectificationEntry, RegulationEntry, SelfCheckEntry, SubmissionEntry } from '../../pipeline/model/analysis.ts';

export const AS_OF = '2022-12-10';

const HR = '人事处制度执行自查.csv';
const KJ = '制度执行情况自查表（科技处）.csv';
const XG = '自查表-学工处.csv';
const JW = '自查表-教务处.csv';

const good = { reason: '', measure: '', deadlineText: '', deadline: null, status: 'no_deadline', light: 'gray' } as const;

/** Sorted by file, then row. */
export const SELF_CHECKS: SelfCheckEntry[] = [
  {
    unit: '人事处',
    issuer: '人事处',
    name: '辽宁科技大学教职工考勤管理办法',
    state: '需要强化执行',
    reason: '',
    measure: '严格考勤登记，按月通报',
    deadlineText: '11月底',
    deadline: '2022-11-30',
    status: 'overdue',
    light: 'red',
    file: HR,
    row: 2,
    reportedOn: '2022-11-14',
    seq: '1',
  },
  { unit: '人事处', issuer: '人事处', name: '辽宁科技大学职称评审办法', state: '比较好', ...good, file: HR, row: 3, reportedOn: '2022-11-14', seq: '2' },
  {
    unit: '人事处',
    issuer: '人事处',
    name: '辽宁科技大学教职工培训管理办法',
    state: '未执行',
    reason: '尚未制定实施细则',
    measure: '制定实施细则',
    deadlineText: '12月底',
    deadline: '2022-12-31',
    status: 'on_track',
    light: 'green',
    file: HR,
    row: 4,
    reportedOn: '2022-11-14',
    seq: '3',
  },
  // No 填报日期: the base date is 1 January of the as-of year.
  {
    unit: '科技处',
    issuer: '科技处',
    name: '辽宁科技大学科研项目经费管理办法',
    state: '需要补充修订',
    reason: '',
    measure: '按新规修订间接费用条款',
    deadlineText: '12月底',
    deadline: '2022-12-31',
    status: 'on_track',
    light: 'green',
    file: KJ,
    row: 2,
    reportedOn: null,
    seq: '1',
  },
  { unit: '科技处', issuer: '科技处', name: '辽宁科技大学学术委员会章程', state: '比较好', ...good, file: KJ, row: 3, reportedOn: null, seq: '2' },
  { unit: '学生工作处', issuer: '学生工作处', name: '辽宁科技大学学生违纪处分规定', state: '比较好', ...good, file: XG, row: 3, reportedOn: '2022-11-11', seq: '1' },
  {
    unit: '学生工作处',
    issuer: '学生工作处',
    name: '辽宁科技大学学生手册',
    state: '需要补充修订',
    reason: '',
    measure: '按新修订的规定更新学生手册',
    deadlineText: '11月中旬',
    deadline: '2022-11-20',
    status: 'overdue',
    light: 'red',
    file: XG,
    row: 4,
    reportedOn: '2022-11-11',
    seq: '2',
  },
  { unit: '教务处', issuer: '教务处', name: '辽宁科技大学本科课程考核管理办法', state: '比较好', ...good, file: JW, row: 4, reportedOn: '2022-11-10', seq: '1' },
  {
    unit: '教务处',
    issuer: '教务处',
    name: '辽宁科技大学教材选用管理办法',
    state: '执行不好',
    reason: '经费不足',
    measure: '修订选用流程，落实教材选用审核',
    deadlineText: '11月底',
    deadline: '2022-11-30',
    status: 'overdue',
    light: 'red',
    file: JW,
    row: 5,
    reportedOn: '2022-11-10',
    seq: '2',
  },
  {
    unit: '教务处',
    issuer: '教务处',
    name: '辽宁科技大学章程',
    state: '需要强化执行',
    reason: '',
    measure: '将《章程》纳入新生入学教育',
    deadlineText: '12月中旬',
    deadline: '2022-12-20',
    status: 'on_track',
    light: 'green',
    file: JW,
    row: 6,
    reportedOn: '2022-11-10',
    seq: '3',
  },
  {
    unit: '教务处',
    issuer: '党政办公室',
    name: '辽宁科技大学办公系统公文流转管理办法',
    state: '需要补充修订',
    reason: '',
    measure: '补充规章制度板块推送要求',
    deadlineText: '23年2月',
    deadline: '2023-02-28',
    status: 'on_track',
    light: 'green',
    file: JW,
    row: 7,
    reportedOn: '2022-11-10',
    seq: '4',
  },
];

const RH = '整改表-人事处.csv';
const RJ = '整改表-教务处.csv';

export const RECTIFICATIONS: RectificationEntry[] = [
  {
    unit: '人事处',
    issuer: '人事处',
    name: '辽宁科技大学教职工考勤管理办法',
    measure: '严格考勤登记，按月通报',
    progress: '考勤系统尚未上线',
    completion: '近期完成',
    deadlineText: '11月底',
    deadline: '2022-11-30',
    status: 'overdue',
    light: 'red',
    file: RH,
    row: 3,
    reportedOn: '2022-11-25',
    seq: '1',
  },
  {
    unit: '人事处',
    issuer: '人事处',
    name: '辽宁科技大学教职工培训管理办法',
    measure: '制定实施细则',
    progress: '细则已起草',
    completion: '限期完成',
    deadlineText: '23年2月',
    deadline: '2023-02-28',
    status: 'on_track',
    light: 'green',
    file: RH,
    row: 4,
    reportedOn: '2022-11-25',
    seq: '2',
  },
  {
    unit: '人事处',
    issuer: '人事处',
    name: '辽宁科技大学人才引进管理办法',
    measure: '修订引进待遇条款',
    progress: '已完成修订',
    completion: '已完成',
    deadlineText: '',
    deadline: null,
    status: 'done_on_time',
    light: 'blue',
    file: RH,
    row: 5,
    reportedOn: '2022-11-25',
    seq: '3',
  },
  {
    unit: '教务处',
    issuer: '教务处',
    name: '辽宁科技大学教材选用管理办法',
    measure: '修订选用流程，落实教材选用审核',
    progress: '已印发修订稿',
    completion: '已完成',
    deadlineText: '',
    deadline: null,
    status: 'done_on_time',
    light: 'blue',
    file: RJ,
    row: 4,
    reportedOn: '2022-11-28',
    seq: '1',
  },
  {
    unit: '教务处',
    issuer: '教务处',
    name: '辽宁科技大学章程',
    measure: '将《章程》纳入新生入学教育',
    progress: '已列入入学教育计划',
    completion: '近期完成',
    deadlineText: '12月中旬',
    deadline: '2022-12-20',
    status: 'on_track',
    light: 'green',
    file: RJ,
    row: 5,
    reportedOn: '2022-11-28',
    seq: '2',
  },
  {
    unit: '教务处',
    issuer: '党政办公室',
    name: '辽宁科技大学办公系统公文流转管理办法',
    measure: '补充规章制度板块推送要求',
    progress: '正在起草',
    completion: '限期完成',
    deadlineText: '23年2月',
    deadline: '2023-02-28',
    status: 'on_track',
    light: 'green',
    file: RJ,
    row: 6,
    reportedOn: '2022-11-28',
    seq: '3',
  },
];

const CAT = '校级层面现行制度目录.csv';
const reg = (row: number, name: string, docNo: string, issuer: string, year: number, state: RegulationEntry['state'], ageYears: number, reviewDue: boolean): RegulationEntry => ({
  name,
  docNo,
  issuer,
  year,
  state,
  ageYears,
  reviewDue,
  file: CAT,
  row,
});

export const REGULATIONS: RegulationEntry[] = [
  reg(3, '辽宁科技大学章程', '', '党政办公室', 2015, '现行', 7, false),
  reg(4, '辽宁科技大学教职工考勤管理办法', '辽科大发〔2009〕21号', '人事处', 2009, '现行', 13, true),
  // 〔2012〕: 10 years old from 2022-01-01 on.
  reg(5, '辽宁科技大学职称评审办法', '辽科大发〔2012〕8号', '人事处', 2012, '现行', 10, true),
  reg(6, '辽宁科技大学教职工培训管理办法', '辽科大发〔2013〕30号', '人事处', 2013, '现行', 9, false),
  // 发布日期 2011-12-26: 10 full years on 2022-12-10 (by the date, not by the 文号).
  reg(7, '辽宁科技大学本科课程考核管理办法', '辽科大发〔2011〕15号', '教务处', 2011, '现行', 10, true),
  reg(8, '辽宁科技大学教材选用管理办法', '辽科大发〔2012〕40号', '教务处', 2012, '现行', 10, true),
  reg(9, '辽宁科技大学学生违纪处分规定', '辽科大发〔2010〕5号', '学生工作处', 2010, '已修订', 12, false),
  reg(10, '辽宁科技大学科研项目经费管理办法', '辽科大发〔2008〕3号', '科技处', 2008, '已废止', 14, false),
  reg(11, '辽宁科技大学办公系统公文流转管理办法', '辽科大办发〔2022〕5号', '党政办公室', 2022, '现行', 0, false),
];

const sub = (material: string, due: string, unit: string, sentOn: string | null, status: SubmissionEntry['status'], overdueWorkdays: number | null = null): SubmissionEntry => ({
  material,
  unit,
  due,
  sentOn,
  status,
  overdueWorkdays,
});

/** Spec order: due date, material, unit (pinyin). */
export const SUBMISSIONS: SubmissionEntry[] = [
  // Missing: working days in (due, 2022-12-10] — 11/14–12/9 on weekdays (20), 12/2–12/9 (6).
  sub('自查表', '2022-11-12', '党政办公室', null, 'missing', 20),
  sub('自查表', '2022-11-12', '教务处', '2022-11-10', 'sent_on_time'),
  sub('自查表', '2022-11-12', '科技处', null, 'sent_on_time'),
  sub('自查表', '2022-11-12', '人事处', '2022-11-14', 'sent_late'),
  sub('自查表', '2022-11-12', '团委', null, 'missing', 20),
  sub('自查表', '2022-11-12', '学生工作处', '2022-11-11', 'sent_on_time'),
  sub('整改表', '2022-12-01', '教务处', '2022-11-28', 'sent_on_time'),
  sub('整改表', '2022-12-01', '科技处', null, 'missing', 6),
  sub('整改表', '2022-12-01', '人事处', '2022-11-25', 'sent_on_time'),
  sub('整改表', '2022-12-01', '学生工作处', null, 'missing', 6),
];

export function seed000Analysis(): Analysis {
  return {
    asOf: AS_OF,
    items: [],
    notices: [],
    units: [],
    selfChecks: SELF_CHECKS.map((e) => ({ ...e })),
    rectifications: RECTIFICATIONS.map((e) => ({ ...e })),
    regulations: REGULATIONS.map((e) => ({ ...e })),
    submissions: SUBMISSIONS.map((e) => ({ ...e })),
    disclosures: [],
    issues: [],
  };
}
