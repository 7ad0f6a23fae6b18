/**
 * Real published task tables (test/fixtures/real-tables, each with a README naming its source),
 * read from a data folder as `duban check` reads them, without editing them, and compared item by
 * item with expectations checked by hand against the tables: title, lead unit, co-units, deadline,
 * status and milestones as of a date in the table's own year. Department tables without a unit
 * column are saved under a name that says whose they are, as a department would name its file.
 * The GBK copies read exactly like the UTF-8 ones, and every row of every table is accounted for.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeLedgers, readLedgers, type Analyzed, type Ledgers } from '../../pipeline/app/ledgers.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { unaccountedRows } from '../../pipeline/ingest/row-account.ts';
import type { AnalyzedItem } from '../../pipeline/model/analysis.ts';
import type { IsoDate } from '../../pipeline/model/dates.ts';

const REAL = path.join(import.meta.dirname, '../fixtures/real-tables');

/** [row, title, lead, co-units, deadline, status, milestones as 「deadlineText=date」] */
type Expected = [number, string, string | null, string[], string | null, string, string[]?];

interface Case {
  dir: string;
  /** The name the table is saved under in the data folder. */
  as: string;
  asOf: IsoDate;
  items: Expected[];
  /** Issue codes with their rows (warnings and infos), in order. */
  issues: string[];
  gbk?: boolean;
  check?: (items: AnalyzedItem[], a: Analyzed, l: Ledgers) => void;
}

const CASES: Case[] = [
  {
    // 合并任务格、续行里的时序进度（3月：…，一格多行）、无序号、无单位列（文件名给出单位）
    dir: 'ccit-2017-keywork-union',
    as: '工会2017年部门重点工作任务分解实施表.csv',
    asOf: '2017-06-15',
    gbk: true,
    items: [
      [2, '召开我院第四届教代会、工代会，完成各项议程', '工会', [], '2017-12-31', 'overdue', ['3月=2017-03-31', '4月=2017-04-30', '6月=2017-06-30', '12月=2017-12-31']],
      [6, '做好“送温暖”工作', '工会', [], '2017-12-31', 'on_track', ['全年=2017-12-31']],
      [7, '开展主题征文活动', '工会', [], '2017-09-30', 'on_track', ['3月——9月=2017-09-30']],
      [8, '丰富教职工的业余文化生活', '工会', [], '2017-12-31', 'overdue', ['5月=2017-05-31', '3月——12月=2017-12-31']],
      [10, '组队参加在常高校各项比赛', '工会', [], '2017-11-30', 'overdue', ['4月=2017-04-30', '11月=2017-11-30']],
      [12, '开展教职工系列体育活动', '工会', [], '2017-12-31', 'overdue', ['3月=2017-03-31', '3月=2017-03-31', '4月=2017-04-30', '10月=2017-10-31', '12月=2017-12-31']],
      [17, '做好离退休老同志各项工作', '工会', [], '2017-12-31', 'overdue', ['5月=2017-05-31', '3月—12月=2017-12-31']],
      [19, '推进关工委工作创新工作', '工会', [], '2017-12-31', 'overdue', ['3月=2017-03-31', '4月=2017-04-30', '5—12月=2017-12-31']],
    ],
    issues: ['W_NO_ID@1', ...[3, 4, 5, 9, 11, 13, 14, 15, 16, 18, 20, 21].map((r) => `I_CONTINUED_ROW@${r}`)],
    check: (items) => {
      // 「3月:」 followed by numbered lines: one milestone whose text is those lines.
      expect(items[0]!.milestones![0]!.text).toBe('1.做好我院第四届教代会、工代会各项筹备工作\n2.召开我院工会干部培训会\n3.指导各二级单位召开二级教代会、工代会');
      expect(items[0]!.dueMilestone).toMatchObject({ deadlineText: '3月', status: 'overdue' });
      expect(items[0]!.overdueWorkdays).toBeGreaterThan(0);
    },
  },
  {
    // 时间后直接接文字（6月完成…）、空格（3月 启动…、全年 引进…）、一行两个节点（3月：启动，12月：组织验收）
    dir: 'ccit-2017-keywork-hr',
    as: '人事处2017年部门重点工作任务分解实施表.csv',
    asOf: '2017-06-15',
    items: [
      [2, '高层次人才引进与培养机制', '人事处', [], '2017-06-30', 'on_track', ['6月=2017-06-30']],
      [3, '教师考核评价管理机制', '人事处', [], '2017-05-31', 'overdue', ['5月=2017-05-31']],
      [4, '党政管理岗位双元制管理机制', '人事处', [], '2017-04-30', 'overdue', ['4月=2017-04-30']],
      [5, '二级院部和职能部门绩效分配协同机制', '人事处', [], '2017-11-30', 'on_track', ['11月=2017-11-30']],
      [6, '教学研究与领军型教师的激励促进机制', '人事处', [], '2017-10-31', 'on_track', ['10月=2017-10-31']],
      [7, '全年累计实现教师具有一年以上海外学习和工作经历的比例达10%', '人事处', [], '2017-12-31', 'overdue', ['3月=2017-03-31', '全年=2017-12-31']],
      [9, '认真落实“双师”素质标准，新增“双师”资格教师30名以上', '人事处', [], '2017-11-30', 'on_track', ['3-10月=2017-10-31', '11月=2017-11-30']],
      [11, '参加企业实践时间满6个月的专业教师达40人以上', '人事处', [], '2017-12-31', 'overdue', ['3月=2017-03-31', '12月=2017-12-31']],
      [12, '建立“一师一企业”教师培养基地40家以上', '人事处', [], '2017-12-31', 'overdue', ['4月=2017-04-30', '12月=2017-12-31']],
      [
        13,
        '强化教师轮训管理，优化管理、教学、教辅人员职业能力提升的长效机制，分类开展专项培训',
        '人事处',
        [],
        '2017-09-30',
        'overdue',
        ['3月=2017-03-31', '3月=2017-03-31', '5月=2017-05-31', '9月=2017-09-30'],
      ],
    ],
    issues: ['W_NO_ID@1', ...[8, 10, 14, 15, 16].map((r) => `I_CONTINUED_ROW@${r}`)],
    check: (items) => {
      expect(items[0]!.milestones![0]!.text).toBe('完成相关制度修订');
      expect(items[7]!.milestones!.map((m) => m.text)).toEqual(['启动', '组织验收']);
      expect(items.map((i) => i.id.split('#')[1])).toEqual(['r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r9', 'r11', 'r12', 'r13']);
    },
  },
  {
    // 工作任务横跨三列（三级任务）、多层合并、全角波浪号、上旬/下旬、排在 9–12 月之后的 1月（下一年）、全年
    dir: 'ccit-2017-keywork-infrastructure',
    as: '后勤基建处2017年部门重点工作任务分解实施表.csv',
    asOf: '2017-06-15',
    items: [
      [2, '青年教师周转公寓', '后勤基建处', [], '2017-10-31', 'on_track', ['3月-8月=2017-08-31', '6月-7月=2017-07-31', '6月-9月=2017-09-30', '10月=2017-10-31']],
      [
        6,
        '实训教学基地二期工程',
        '后勤基建处',
        [],
        '2018-01-31',
        'overdue',
        ['3月-4月=2017-04-30', '5月=2017-05-31', '6月=2017-06-30', '7月=2017-07-31', '8月=2017-08-31', '9月-12月=2017-12-31', '1月=2018-01-31', '全年=2017-12-31'],
      ],
      [14, '校舍改造—食堂改造（1食堂2楼三楼、二食堂1楼）', '后勤基建处', [], '2017-08-31', 'overdue', ['3月～5月=2017-05-31', '6月=2017-06-30', '7月～8月=2017-08-31']],
      ...(
        [
          [17, '宿舍改造—防火门翻新'],
          [22, '宿舍改造—6#、7#公寓厕所改造'],
          [27, '宿舍改造—2#、3#、4#公寓及西辅房空调更新'],
          [32, '实训楼室内公共部位涂料翻新'],
          [37, '道路改造（教学东道路改沥青路面）'],
        ] as const
      ).map(
        ([row, title]): Expected => [
          row,
          `校舍改造—${title}`,
          '后勤基建处',
          [],
          '2017-09-30',
          'overdue',
          ['3月～4月上旬=2017-04-10', '4月下旬=2017-04-30', '5月～6月=2017-06-30', '7月～8月=2017-08-31', '9月=2017-09-30'],
        ],
      ),
    ],
    issues: ['W_NO_ID@1', ...[3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 15, 16, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 30, 31, 33, 34, 35, 36, 38, 39, 40, 41].map((r) => `I_CONTINUED_ROW@${r}`)],
    check: (_items, _a, l) => {
      const t = l.tables[0]!;
      expect(t.columns).toContainEqual({ header: '工作任务（第 2 列）', column: '事项', how: 'merged' });
      expect(t.columns).toContainEqual({ header: '任务分解/时序进度', column: '时序进度', how: 'similar' });
    },
  },
  {
    // 两行标题（附件 + 表名）、民生实事 列（猜测为事项）、一格多行的单位、合并序号（5 下的子任务沿用单位）、「9月投入使用」「5月底前动工」
    dir: 'dazhu-2016-minsheng-shishi',
    as: '大竹县2016年民生实事目标任务分解表.csv',
    asOf: '2016-06-15',
    gbk: true,
    items: [
      [4, '启动建设东柳河城区段综合治理工程和东湖湿地公园', '县水务局', ['县住建局', '县护城河指挥部'], '2016-12-31', 'on_track'],
      [5, '新建2座人行天桥', '县住建局', [], '2016-09-30', 'on_track'],
      [6, '启动县图书馆新馆建设', '县文体广新局', ['县代建中心'], '2016-12-31', 'on_track'],
      [7, '建成县残疾人综合服务中心', '县残联', [], '2016-05-31', 'overdue'],
      [8, '开工建设县老年养护楼', '县民政局', [], '2016-05-31', 'overdue'],
      [9, '开工建设老年大学', '县民政局', [], '2016-12-31', 'on_track'],
      [10, '迁建县政务服务中心', '县政务服务中心', ['县代建中心'], '2016-12-31', 'on_track'],
      [11, '加快推进土地滩水库建设', '县水务局', [], '2016-12-31', 'on_track'],
      [12, '启动大竹县第十二小学建设,新建中心幼儿园2所', '县教科局', ['县代建中心'], '2016-12-31', 'on_track'],
      [13, '完成棚户区改造2836户', '县住建局', [], '2016-12-31', 'on_track'],
      [14, '城区再新建1个农贸市场', '县商务局', [], '2016-12-31', 'on_track'],
    ],
    issues: ['I_GUESSED_COLUMN@3', 'W_REPEATED_SEQ@9'],
    check: (items, a) => {
      expect(items.map((i) => i.id.split('#')[1])).toEqual(['1', '2', '3', '4', '5', '5-2', '6', '7', '8', '9', '10']);
      expect(items[1]!.deadlineText).toBe('9月投入使用');
      expect(a.analysis.issues.find((i) => i.code === 'I_GUESSED_COLUMN')).toMatchObject({ column: '民生实事', severity: 'info' });
    },
  },
  {
    // 分组列 大类（纵向合并）、列名「牵头单位及 主要负责人」（单位 + 人名）、「落实进展情况」、分管市领导列、无时限列
    dir: 'zhaoqing-2020-minsheng-progress',
    as: '肇庆市2020年民生实事落实进展情况.csv',
    asOf: '2020-12-31',
    items: [
      [2, '将城镇、农村低保人均最低补差水平从每人每月574元、271元分别提高到每人每月609元、300元', '市民政局', [], null, 'no_deadline'],
      [3, '特困供养人员基本生活标准不低于当地最低生活保障标准的1.6倍,且不低于当地现行特困人员基本生活标准', '市民政局', [], null, 'no_deadline'],
      [
        4,
        '将全市集中供养孤儿养育标准提高到每人每月2200元,将端州区、鼎湖区、高要区、四会市、肇庆高新区分散供养孤儿养育标准提高到每人每月1400元,广宁县、德庆县、封开县、怀集县分散供养孤儿养育标准提高到每人每月1180元',
        '市民政局',
        [],
        null,
        'no_deadline',
      ],
    ],
    issues: ['W_NO_DEADLINE@2', 'W_NO_DEADLINE@3', 'W_NO_DEADLINE@4'],
    check: (items) => {
      for (const i of items) {
        expect(i.section).toBe('一、继续提高底线民生保障水平');
        expect(i.responsible).toBe('伍泽国');
        expect(i.progress.startsWith('已完成。')).toBe(true);
      }
    },
  },
  {
    // 标题行、「项目内容」列（猜测为事项）、「当前进度」为进展、备注列不读、无时限列
    dir: 'cangnan-2022-minsheng-progress',
    as: '2022年度市县民生实事未完成项目进度表.csv',
    asOf: '2022-11-15',
    gbk: true,
    items: [
      [3, '新(改、扩)建公办园5所,新增公办幼儿学位1000个', '县教育局', [], null, 'no_deadline'],
      [4, '建设四好农村路55公里', '县交通局', [], null, 'no_deadline'],
      [5, '完成农村公路大中修70公里', '县交通局', [], null, 'no_deadline'],
      [6, '建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院', '县卫健局', [], null, 'no_deadline'],
      [7, '打通县城人民大道(苍南大道至山海大道)等12条断头路', '县住建局', [], null, 'no_deadline'],
      [8, '建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院', '县民政局', [], null, 'no_deadline'],
      [9, '开工建设矾山镇、马站镇等2家中心敬老院', '县民政局', [], null, 'no_deadline'],
      [10, '推进县职业中专扩容提升', '县教育局', [], null, 'no_deadline'],
      [11, '建成投用中小学3所,新增学位3800位', '县教育局', [], null, 'no_deadline'],
      [12, '完成上横河泵站和萧江水闸主体工程,开工建设萧江塘河控制闸', '县水利局', [], null, 'no_deadline'],
      [13, '开工建设海塘安澜(南片海塘4.65公里)', '县水利局', [], null, 'no_deadline'],
      [14, '完成县应急广播指挥中心、18个乡镇应急广播分控中心、376个村居广播室和752只可控IP化高音喇叭建设,实现县级应急广播平台与省、市互联互通', '县文广旅体局', [], null, 'no_deadline'],
      [15, '新增16个“文化驿站”', '县文广旅体局', [], null, 'no_deadline'],
    ],
    issues: ['I_GUESSED_COLUMN@2', ...Array.from({ length: 13 }, (_, k) => `W_NO_DEADLINE@${k + 3}`)],
    check: (items) => {
      expect(items[0]!.progress).toBe('80%(新区实验幼儿园进度滞后)');
      expect(items[0]!.text).toBe('新(改、扩)建公办园5所,新增公办幼儿学位1000个。');
    },
  },
  {
    // 标题行、分节行（含连续几个空分节）、序号不连续、「重点工作任务」「主要责任单位」「协同配合单位」、单位用 、 和 , 混写
    dir: 'qiaocheng-2025-gzbg-education',
    as: '谯城区教育局2025年政府工作报告重点工作任务分解表.csv',
    asOf: '2025-06-30',
    gbk: true,
    items: [
      [
        4,
        '固定资产投资增长7.5%左右',
        '区发改委',
        ['区工信局', '区住建局', '区交通局', '区水利局', '区农业农村局', '区教育局', '区卫健委', '各乡镇人民政府', '街道办事处', '谯城经开区管委会', '魏武国控集团'],
        null,
        'no_deadline',
      ],
      [10, '持续推进学前教育普及普惠、义务教育优质均衡发展,加快建设黎明小学、亳州四中等扩建教学楼项目', '区教育局', ['区政府有关部门', '各乡镇人民政府', '街道办事处'], null, 'no_deadline'],
      [11, '深化与海亮集团合作,积极引进优质教育资源', '区教育局', ['区投资促进中心'], null, 'no_deadline'],
    ],
    issues: ['I_SECTION_ROW@3', 'W_NO_DEADLINE@4', 'I_SECTION_ROW@5', 'I_SECTION_ROW@6', 'I_SECTION_ROW@7', 'I_SECTION_ROW@8', 'I_SECTION_ROW@9', 'W_NO_DEADLINE@10', 'W_NO_DEADLINE@11'],
    check: (items) => {
      expect(items.map((i) => i.section)).toEqual(['一、2025年经济社会发展的主要预期目标', '六、全力以赴惠民生、增福祉,加快社会事业发展', '六、全力以赴惠民生、增福祉,加快社会事业发展']);
      expect(items.map((i) => i.id.split('#')[1])).toEqual(['3', '68', '69']);
    },
  },
  {
    // 分节行、一格多行的主要责任单位（区财政局 / 区税务局）
    dir: 'qiaocheng-2025-gzbg-district',
    as: '谯城区2025年政府工作报告重点工作任务分解表.csv',
    asOf: '2025-06-30',
    items: [
      [3, '地区生产总值增长6.5%左右', '区发改委', ['区政府各部门', '各乡镇人民政府', '街道办事处', '谯城经开区管委会', '魏武国控集团'], null, 'no_deadline'],
      [4, '一般公共预算收入增长5%左右', '区财政局', ['区税务局', '区政府有关部门', '各乡镇人民政府', '街道办事处', '谯城经开区管委会', '魏武国控集团'], null, 'no_deadline'],
      [
        5,
        '固定资产投资增长7.5%左右',
        '区发改委',
        ['区工信局', '区住建局', '区交通局', '区水利局', '区农业农村局', '区教育局', '区卫健委', '各乡镇人民政府', '街道办事处', '谯城经开区管委会', '魏武国控集团'],
        null,
        'no_deadline',
      ],
      [6, '社会消费品零售总额增长8.2%左右', '区商务局', ['区发改委', '区市场监管局'], null, 'no_deadline'],
      [7, '规模以上工业增加值增长10%左右', '区工信局', ['区农业农村局', '区商务局', '区药发中心', '各乡镇人民政府', '街道办事处', '谯城经开区管委会'], null, 'no_deadline'],
    ],
    issues: ['I_SECTION_ROW@2', ...[3, 4, 5, 6, 7].map((r) => `W_NO_DEADLINE@${r}`)],
    check: (items) => expect(new Set(items.map((i) => i.section))).toEqual(new Set(['一、2025年经济社会发展的主要预期目标'])),
  },
];

const shape = (i: AnalyzedItem): Expected => {
  const ms = (i.milestones ?? []).map((m) => `${m.deadlineText}=${m.deadline}`);
  return [i.row, i.title, i.leadUnit, i.coUnits, i.deadline, i.status, ...(ms.length > 0 ? [ms] : [])] as Expected;
};

describe.each(CASES)('$dir', (c) => {
  const runs: { variant: string; a: Analyzed; l: Ledgers }[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    for (const variant of c.gbk ? ['table.csv', 'table-gbk.csv'] : ['table.csv']) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-real-'));
      dirs.push(dir);
      await copyFile(path.join(REAL, c.dir, variant), path.join(dir, c.as));
      const l = await readLedgers(dir);
      runs.push({ variant, l, a: analyzeLedgers(l, c.asOf, DEFAULT_OFFICE_CONFIG) });
    }
  });
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('is read without errors, item by item as checked by hand', () => {
    for (const { variant, a } of runs) {
      expect(
        a.analysis.issues.filter((i) => i.severity === 'error'),
        variant,
      ).toEqual([]);
      expect(a.analysis.items.map(shape), variant).toEqual(c.items);
    }
  });

  it('names what it had to work out (warnings and infos by row)', () => {
    for (const { variant, a } of runs)
      expect(
        a.analysis.issues.map((i) => `${i.code}@${i.row}`),
        variant,
      ).toEqual(c.issues);
  });

  it('accounts for every row', () => {
    for (const { a, l } of runs) expect(unaccountedRows(l.tables, a.records, a.inputIssues)).toEqual([]);
  });

  if (c.check) it('and the details of its patterns', () => c.check!(runs[0]!.a.analysis.items, runs[0]!.a, runs[0]!.l));
});
