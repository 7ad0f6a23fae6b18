/**
 * A small, hand-written Analysis for renderer tests, so each renderer can be tested
 * without running the whole pipeline. Covers every status, all three audiences,
 * co-units, reminders and an escalation.
 */
import type { Analysis, AnalyzedItem, UnitStats } from '../../pipeline/model/analysis.ts';
import { planNotices } from '../../pipeline/analyze/notices.ts';

export function fixtureItem(over: Partial<AnalyzedItem> & { id: string }): AnalyzedItem {
  const base: AnalyzedItem = {
    id: over.id,
    title: '事项',
    source: '会议决策',
    leadUnit: '教务处',
    coUnits: [],
    assignedOn: '2026-09-01',
    deadlineText: '',
    deadline: '2026-10-31',
    ongoing: false,
    extendedTo: null,
    effectiveDeadline: '2026-10-31',
    completedOn: null,
    status: 'on_track',
    light: 'green',
    overdueWorkdays: null,
    overdueDays: null,
    workdaysLeft: null,
    reminders: 0,
    escalate: false,
    audience: '不公开',
    file: '督办台账.csv',
    row: 2,
    warnings: [],
    text: '',
    seq: null,
    basis: '',
    responsible: '',
    state: '办理中',
    progress: '',
    deadlineStart: null,
    extensionText: '',
    extensionAppliedOn: null,
    extensionApprovedBy: '',
    reminderDates: [],
    lastReminderOn: null,
    lateWorkdays: null,
    docNo: null,
    feedback: null,
    feedbackDue: null,
    feedbackStatus: null,
    request: null,
  };
  const merged = { ...base, ...over };
  if (!over.text) merged.text = merged.title;
  return merged;
}

export function fixtureUnit(unit: string, over: Partial<UnitStats> = {}): UnitStats {
  return {
    unit,
    feedbackMissing: 0,
    total: 0,
    done: 0,
    doneOnTime: 0,
    overdue: 0,
    dueSoon: 0,
    onTimeRate: null,
    reminders: 0,
    coItems: 0,
    ongoing: 0,
    onTrack: 0,
    doneLate: 0,
    escalations: 0,
    overdueWorkdays: 0,
    inDirectory: true,
    category: '职能部门',
    head: '',
    liaison: '',
    phone: '',
    leader: '',
    ...over,
  };
}

export function fixtureAnalysis(): Analysis {
  const items: AnalyzedItem[] = [
    fixtureItem({
      id: 'DB2026-001',
      title: '完成本科教学质量年度报告编制并报送教育厅',
      leadUnit: '教务处',
      coUnits: ['发展规划处'],
      source: '上级交办',
      assignedOn: '2026-09-08',
      deadlineText: '10月30日前',
      deadline: '2026-10-30',
      effectiveDeadline: '2026-10-30',
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 17,
      overdueDays: 26,
      reminders: 3,
      escalate: true,
      reminderDates: ['2026-11-03', '2026-11-10', '2026-11-18'],
      lastReminderOn: '2026-11-18',
      basis: '教育厅办公室通知',
      responsible: '张明',
      audience: '社会公开',
      row: 2,
      progress: '已完成初稿，正在征求学院意见。',
    }),
    fixtureItem({
      id: 'DB2026-002',
      title: '推进学生公寓维修改造工程',
      leadUnit: '后勤管理处',
      coUnits: ['国有资产管理处', '财务处'],
      source: '会议决策',
      assignedOn: '2026-10-12',
      deadlineText: '',
      deadline: '2026-10-26',
      effectiveDeadline: '2026-11-20',
      extendedTo: '2026-11-20',
      extensionText: '11月20日',
      extensionAppliedOn: '2026-10-16',
      extensionApprovedBy: '党政办公室',
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 3,
      overdueDays: 5,
      reminders: 1,
      reminderDates: ['2026-11-23'],
      lastReminderOn: '2026-11-23',
      basis: '2026年第18次校长办公会纪要',
      audience: '校内公开',
      row: 3,
      progress: '施工单位已进场。',
    }),
    fixtureItem({
      id: 'DB2026-003',
      title: '修订教职工考勤管理办法',
      leadUnit: '人事处',
      source: '年度重点工作',
      assignedOn: '2026-03-02',
      deadlineText: '年底前',
      deadline: '2026-12-31',
      effectiveDeadline: '2026-12-31',
      status: 'on_track',
      light: 'green',
      workdaysLeft: 25,
      audience: '社会公开',
      row: 4,
    }),
    fixtureItem({
      id: 'DB2026-004',
      title: '落实校园网络安全等级保护测评整改',
      leadUnit: '网络与信息中心',
      source: '领导批示',
      assignedOn: '2026-11-02',
      deadlineText: '11月27日',
      deadline: '2026-11-27',
      effectiveDeadline: '2026-11-27',
      status: 'due_soon',
      light: 'yellow',
      workdaysLeft: 2,
      audience: '不公开',
      row: 5,
      progress: '内部备注：涉密整改清单不对外。',
    }),
    fixtureItem({
      id: 'DB2026-005',
      title: '完成2026年度科研项目经费审计',
      leadUnit: '财务处',
      coUnits: ['科技处'],
      source: '上级交办',
      assignedOn: '2026-06-01',
      deadlineText: '9月底前',
      deadline: '2026-09-30',
      effectiveDeadline: '2026-09-30',
      completedOn: '2026-09-25',
      state: '已办结',
      status: 'done_on_time',
      light: 'blue',
      audience: '社会公开',
      row: 6,
    }),
    fixtureItem({
      id: 'DB2026-006',
      title: '答复教代会第12号提案：增设教工子女托管班',
      leadUnit: '工会',
      source: '提案信访',
      assignedOn: '2026-05-10',
      deadlineText: '3个月内',
      deadline: '2026-08-10',
      effectiveDeadline: '2026-08-10',
      completedOn: '2026-08-28',
      state: '已办结',
      status: 'done_late',
      light: 'blue',
      audience: '校内公开',
      row: 7,
    }),
    fixtureItem({
      id: 'DB2026-007',
      title: '巩固主题教育成果',
      leadUnit: '党委组织部',
      coUnits: ['党政办公室'],
      source: '年度重点工作',
      assignedOn: '2026-01-05',
      deadlineText: '常态化推进',
      deadline: null,
      effectiveDeadline: null,
      ongoing: true,
      status: 'ongoing',
      light: 'green',
      audience: '社会公开',
      row: 8,
    }),
    fixtureItem({
      id: 'DB2026-008',
      title: '研究制定实验室安全准入制度',
      leadUnit: '国有资产管理处',
      source: '其他',
      assignedOn: '2026-10-20',
      deadlineText: '',
      deadline: null,
      effectiveDeadline: null,
      status: 'no_deadline',
      light: 'gray',
      audience: '校内公开',
      row: 9,
      warnings: ['W_NO_DEADLINE'],
    }),
    fixtureItem({
      id: 'DB2026-009',
      title: '整合校史馆与档案馆展陈资源',
      leadUnit: '档案馆',
      source: '会议决策',
      assignedOn: '2026-04-01',
      deadlineText: '6月底',
      deadline: '2026-06-30',
      effectiveDeadline: '2026-06-30',
      state: '无法办结',
      status: 'closed_unfinished',
      light: 'gray',
      audience: '不公开',
      row: 10,
    }),
    fixtureItem({
      id: 'DB2026-010',
      title: '<script>alert(1)</script>清理超期借用公房',
      leadUnit: '国有资产管理处',
      source: '会议决策',
      assignedOn: '2026-11-09',
      deadlineText: '10个工作日内',
      deadline: '2026-11-23',
      effectiveDeadline: '2026-11-23',
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 2,
      overdueDays: 2,
      reminders: 0,
      audience: '社会公开',
      row: 11,
      progress: '=HYPERLINK("http://evil.example","x")',
    }),
    fixtureItem({
      id: 'DB2026-011',
      title: '编制学科建设中期自评报告',
      leadUnit: '发展规划处',
      coUnits: ['教务处', '科技处'],
      source: '年度重点工作',
      assignedOn: '2026-11-16',
      deadlineText: '12月中旬前',
      deadline: '2026-12-20',
      effectiveDeadline: '2026-12-20',
      status: 'on_track',
      light: 'green',
      workdaysLeft: 18,
      audience: '社会公开',
      row: 12,
    }),
    fixtureItem({
      id: 'DB2026-012',
      title: '做好2027届毕业生就业指导工作',
      leadUnit: '招生就业处',
      source: '领导批示',
      assignedOn: '2026-11-03',
      deadlineText: '11月20日前',
      deadline: '2026-11-20',
      effectiveDeadline: '2026-11-20',
      completedOn: '2026-11-19',
      state: '已办结',
      status: 'done_on_time',
      light: 'blue',
      audience: '校内公开',
      row: 13,
    }),
  ];
  const units: UnitStats[] = [
    fixtureUnit('教务处', {
      total: 1,
      overdue: 1,
      onTimeRate: 0,
      reminders: 3,
      escalations: 1,
      overdueWorkdays: 17,
      coItems: 1,
      head: '张明',
      liaison: '刘洋',
      phone: '0771-2687101',
      leader: '陈副校长',
    }),
    fixtureUnit('后勤管理处', { total: 1, overdue: 1, onTimeRate: 0, reminders: 1, overdueWorkdays: 3 }),
    fixtureUnit('人事处', { total: 1, onTrack: 1 }),
    fixtureUnit('网络与信息中心', { total: 1, dueSoon: 1, category: '直附属单位' }),
    fixtureUnit('财务处', { total: 1, done: 1, doneOnTime: 1, onTimeRate: 1, coItems: 1 }),
    fixtureUnit('工会', { total: 1, done: 1, doneLate: 1, onTimeRate: 0, category: '群团组织' }),
    fixtureUnit('党委组织部', { total: 1, ongoing: 1 }),
    fixtureUnit('国有资产管理处', { total: 2, overdue: 1, onTimeRate: 0, overdueWorkdays: 2, coItems: 1 }),
    fixtureUnit('档案馆', { total: 1, category: '直附属单位' }),
    fixtureUnit('发展规划处', { total: 1, onTrack: 1, coItems: 1 }),
    fixtureUnit('招生就业处', { total: 1, done: 1, doneOnTime: 1, onTimeRate: 1 }),
  ];
  return {
    asOf: '2026-11-25',
    items,
    // As a build numbers them from office.json's nextDocNo (41), with no register yet.
    notices: planNotices(items, [], '2026-11-25', { docNoPrefix: '校督办', nextDocNo: 41 }, []),
    units,
    selfChecks: [],
    rectifications: [],
    regulations: [],
    submissions: [],
    disclosures: [
      {
        category: '校务',
        title: '2026年本科招生章程',
        audience: '社会公开',
        unit: '招生就业处',
        form: '学校官网',
        dueOn: '2026-05-31',
        publishedOn: '2026-05-20',
        late: false,
        summary: '招生计划、录取规则',
        link: 'https://www.example.edu.cn/zs/2026',
        file: '公开目录.csv',
        row: 2,
      },
      {
        category: '财务',
        title: '2025年度部门决算',
        audience: '社会公开',
        unit: '财务处',
        form: '学校官网',
        dueOn: '2026-08-31',
        publishedOn: '2026-09-12',
        late: true,
        summary: '收支决算总表',
        link: null,
        file: '公开目录.csv',
        row: 3,
      },
      {
        category: '党务',
        title: '发展党员工作情况',
        audience: '校内公开',
        unit: '党委组织部',
        form: '校内公告栏',
        dueOn: '2026-12-31',
        publishedOn: null,
        late: false,
        summary: '各党总支发展党员计划',
        link: null,
        file: '公开目录.csv',
        row: 4,
      },
      {
        category: '校务',
        title: '干部考察谈话记录',
        audience: '不公开',
        unit: '党委组织部',
        form: '',
        dueOn: null,
        publishedOn: null,
        late: false,
        summary: '不公开内部材料',
        link: 'javascript:alert(1)',
        file: '公开目录.csv',
        row: 5,
      },
    ],
    issues: [],
  };
}

/**
 * fixtureAnalysis() plus items whose texts look like spreadsheet formulas (CSV injection bait):
 * a report must show them as the literal text.
 */
export const FORMULA_BAIT = ['=HYPERLINK("http://evil.example","点我")', '+1', '-2', '@SUM(A1)'] as const;

export function fixtureFormulaBaitAnalysis(): Analysis {
  const a = fixtureAnalysis();
  FORMULA_BAIT.forEach((bait, k) => {
    const done = k % 2 === 1;
    a.items.push(
      fixtureItem({
        id: `DB2026-10${k}`,
        title: bait,
        text: bait,
        progress: bait,
        leadUnit: bait,
        coUnits: [bait],
        basis: bait,
        assignedOn: '2026-11-05',
        deadline: '2026-11-20',
        effectiveDeadline: '2026-11-20',
        completedOn: done ? '2026-11-18' : null,
        state: done ? '已办结' : '办理中',
        status: done ? 'done_on_time' : 'overdue',
        light: done ? 'blue' : 'red',
        overdueWorkdays: done ? null : 3,
        overdueDays: done ? null : 5,
        row: 20 + k,
      }),
    );
  });
  return a;
}

/**
 * For the PDF renderers: the fixture plus edge cases — a reminder already logged on the
 * as-of date, a 2,000-character 落实情况, and titles with 生僻字, emoji and control characters.
 */
export function fixtureAnalysisForPdf(): Analysis {
  const analysis = fixtureAnalysis();
  const long = '推进情况：' + '已召开专题会议研究部署，明确责任分工和时间节点，逐项抓好落实。'.repeat(70);
  analysis.items.push(
    fixtureItem({
      id: 'DB2026-013',
      title: '完善学生资助工作管理办法',
      leadUnit: '学生工作处',
      source: '会议决策',
      assignedOn: '2026-10-09',
      deadlineText: '11月13日',
      deadline: '2026-11-13',
      effectiveDeadline: '2026-11-13',
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 8,
      overdueDays: 12,
      reminders: 2,
      reminderDates: ['2026-11-18', '2026-11-25'],
      lastReminderOn: '2026-11-25',
      responsible: '赵磊',
      row: 14,
    }),
    fixtureItem({
      id: 'DB2026-014',
      title: '整理𠀀䶮等生僻字人名档案😀并核对「全角」标点\u0007',
      leadUnit: '档案馆',
      source: '其他',
      assignedOn: '2026-11-10',
      deadlineText: '11月30日前',
      deadline: '2026-11-30',
      effectiveDeadline: '2026-11-30',
      status: 'due_soon',
      light: 'yellow',
      workdaysLeft: 3,
      progress: long.slice(0, 2000),
      row: 15,
    }),
  );
  return analysis;
}

/** The 2,000-character 落实情况 of fixtureAnalysisForPdf(). */
export function fixtureLongProgress(): string {
  return ('推进情况：' + '已召开专题会议研究部署，明确责任分工和时间节点，逐项抓好落实。'.repeat(70)).slice(0, 2000);
}

/**
 * For the disclosure site: the fixture plus a 社会公开 item completed on time in November (so the
 * public 通报 has a unit to praise), a 社会公开 title carrying personal numbers to be masked, and
 * 社会公开 disclosures whose text and link are XSS bait.
 */
export const SITE_PERSONAL = {
  idNumber: '110105199001011234',
  idMasked: '110105********1234',
  mobile: '13812345678',
  mobileMasked: '138****5678',
  bankCard: '6222021234567890123',
  bankCardMasked: '622202*********0123',
} as const;

export function fixtureSiteAnalysis(asOf: string = '2026-11-25'): Analysis {
  const a = fixtureAnalysis();
  a.asOf = asOf;
  a.items.push(
    fixtureItem({
      id: 'DB2026-015',
      title: '完成新生入学资格复查',
      leadUnit: '学生工作处',
      source: '上级交办',
      assignedOn: '2026-10-20',
      deadlineText: '11月15日前',
      deadline: '2026-11-15',
      effectiveDeadline: '2026-11-15',
      completedOn: '2026-11-12',
      state: '已办结',
      status: 'done_on_time',
      light: 'blue',
      audience: '社会公开',
      row: 16,
      responsible: '周敏',
      progress: '内部：已逐一核对',
    }),
    fixtureItem({
      id: 'DB2026-016',
      title: `核查助学金发放异常（身份证${SITE_PERSONAL.idNumber}，联系电话${SITE_PERSONAL.mobile}，银行卡${SITE_PERSONAL.bankCard}）`,
      leadUnit: '学生工作处',
      source: '提案信访',
      assignedOn: '2026-11-05',
      deadlineText: '12月10日前',
      deadline: '2026-12-10',
      effectiveDeadline: '2026-12-10',
      status: 'on_track',
      light: 'green',
      workdaysLeft: 11,
      audience: '社会公开',
      row: 17,
    }),
  );
  a.disclosures.push(
    {
      category: '党务',
      title: '党费收缴使用情况<img src=x onerror=alert(2)>',
      audience: '社会公开',
      unit: '党委组织部',
      form: '学校官网',
      dueOn: '2026-07-31',
      publishedOn: '2026-07-30',
      late: false,
      summary: '<script>alert(3)</script>年度收缴',
      link: 'javascript:alert(4)',
      file: '公开目录.csv',
      row: 6,
    },
    {
      category: '财务',
      title: '2027年部门预算',
      audience: '社会公开',
      unit: '财务处',
      form: '学校官网',
      dueOn: '2026-11-20',
      publishedOn: null,
      late: true,
      summary: '尚未公开的预算摘要',
      link: 'https://www.example.edu.cn/cw/2027',
      file: '公开目录.csv',
      row: 7,
    },
  );
  return a;
}

/** October as the archive sees it: the same ledger analyzed as of 31 October. */
export function fixtureSiteOctober(): Analysis {
  const a = fixtureSiteAnalysis('2026-10-31');
  a.items = a.items
    .filter((i) => i.assignedOn === null || i.assignedOn <= '2026-10-31')
    .map((i) => {
      if (i.completedOn !== null && i.completedOn > '2026-10-31') {
        return { ...i, completedOn: null, state: '办理中' as const, status: 'on_track' as const, light: 'green' as const };
      }
      if (i.id === 'DB2026-001') return { ...i, overdueWorkdays: 1, overdueDays: 1, reminders: 0, escalate: false, reminderDates: [], lastReminderOn: null };
      if (i.id === 'DB2026-002') return { ...i, status: 'on_track' as const, light: 'green' as const, overdueWorkdays: null, overdueDays: null, workdaysLeft: 14 };
      return i;
    });
  return a;
}

/** `n` items assigned to 教务处 in November, some with 协办单位 and long titles (notices and reminders that run over pages). */
export function manyFixtureItems(n: number, over: Partial<AnalyzedItem> = {}): AnalyzedItem[] {
  return Array.from({ length: n }, (_, i) =>
    fixtureItem({
      id: `DB2026-${String(i + 101).padStart(3, '0')}`,
      title: i % 3 === 0 ? `推进第${i + 1}项重点工作，明确责任分工和时间节点，逐项抓好落实并按月报送进展` : `第${i + 1}项督办事项`,
      leadUnit: '教务处',
      coUnits: i % 4 === 0 ? ['科技处'] : [],
      assignedOn: '2026-11-02',
      deadlineText: '12月底前',
      deadline: '2026-12-31',
      effectiveDeadline: '2026-12-31',
      row: i + 2,
      ...over,
    }),
  );
}
