/**
 * Realistic synthetic ledgers for benchmarks: the files a busy office's data folder would hold,
 * as bytes. Pure and deterministic (seeded PRNG, no clock, no file system): the same options
 * give the same bytes. The file system edge is write-ledgers.ts.
 *
 * What comes out (spec §2): 督办事项 split over four files written the way offices write them —
 * a 校长办公会 ledger (UTF-8 with BOM, CRLF, canonical headers with a parenthesised remark), a
 * 年度重点工作 ledger (UTF-8, LF, alias headers), the seed-003 form 督查督办事项办理情况表 in GBK
 * with title rows and trailing notes (ids `<file>#<序号>`), and a campaign task list in the
 * seed-001 style — plus a 催办记录 (1–3 reminders per overdue item, a few 4th ones, a few dated
 * after the as-of date), a 单位名录 with 简称, and 节假日 overrides. Deadline texts cover the
 * grammar of §3; statuses come out in plausible proportions relative to asOf. The data is clean:
 * no row errors, only the warnings real ledgers carry (W_NO_DEADLINE, W_LATE_EXTENSION, …).
 */
import iconv from 'iconv-lite';
import { addDays, addMonths, fromDayNumber, lastDayOfMonth, toDayNumber, ymd, type IsoDate } from '../pipeline/model/dates.ts';
import type { SourceFile } from '../pipeline/model/ledger.ts';

export interface GenerateOptions {
  /** Number of 督办事项 over all item files. */
  items: number;
  /** Units in the 单位名录 (default 50). */
  units?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** The date statuses are planned against (default 2026-11-25). */
  asOf?: IsoDate;
}

export const GBK_FORM_NAME = '督查督办事项办理情况表';

/** mulberry32: tiny, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rand {
  (): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

function rand(seed: number): Rand {
  const next = prng(seed);
  const r = (() => next()) as Rand;
  r.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  r.pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  r.chance = (p) => next() < p;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Units: [full name, 简称 (、-separated), 类别]

const KNOWN_UNITS: readonly (readonly [string, string, string])[] = [
  ['党政办公室', '党办、校办', '职能部门'],
  ['党委组织部', '组织部', '职能部门'],
  ['党委宣传部', '宣传部', '职能部门'],
  ['党委统战部', '统战部', '职能部门'],
  ['纪委办公室', '纪委办', '职能部门'],
  ['教务处', '教务', '职能部门'],
  ['人事处', '人事、党委教师工作部', '职能部门'],
  ['财务处', '计财处', '职能部门'],
  ['科技处', '科研处', '职能部门'],
  ['学生工作处', '学工处、学生处', '职能部门'],
  ['研究生院', '研究生处', '职能部门'],
  ['后勤管理处', '后勤处', '职能部门'],
  ['国有资产管理处', '国资处、资产处', '职能部门'],
  ['发展规划处', '规划处、发规处', '职能部门'],
  ['保卫处', '保卫部', '职能部门'],
  ['招生就业处', '招就处', '职能部门'],
  ['国际合作交流处', '国际处、外事处', '职能部门'],
  ['审计处', '审计', '职能部门'],
  ['实验室与设备管理处', '实验室处、设备处', '职能部门'],
  ['基建处', '基建', '职能部门'],
  ['离退休工作处', '离退处', '职能部门'],
  ['网络与信息中心', '网信中心、信息中心', '直附属单位'],
  ['图书馆', '校图书馆', '直附属单位'],
  ['档案馆', '档案室', '直附属单位'],
  ['校医院', '医院', '直附属单位'],
  ['继续教育学院', '继教院', '教学单位'],
  ['校工会', '工会', '群团组织'],
  ['校团委', '团委', '群团组织'],
  ['机械工程学院', '机械学院', '教学单位'],
  ['电气与信息工程学院', '电信学院', '教学单位'],
  ['土木建筑工程学院', '土建学院', '教学单位'],
  ['化学与材料学院', '化材学院', '教学单位'],
  ['计算机科学与技术学院', '计算机学院', '教学单位'],
  ['经济与管理学院', '经管学院', '教学单位'],
  ['文学与传媒学院', '文传学院', '教学单位'],
  ['外国语学院', '外语学院', '教学单位'],
  ['马克思主义学院', '马院', '教学单位'],
  ['数学与统计学院', '数统学院', '教学单位'],
  ['物理与电子学院', '物电学院', '教学单位'],
  ['生命科学学院', '生科院', '教学单位'],
  ['医学院', '医学部', '教学单位'],
  ['艺术设计学院', '艺设学院', '教学单位'],
  ['音乐舞蹈学院', '音舞学院', '教学单位'],
  ['体育学院', '体院', '教学单位'],
  ['法学院', '法学', '教学单位'],
  ['教育科学学院', '教科院', '教学单位'],
  ['旅游管理学院', '旅游学院', '教学单位'],
  ['农学院', '农学', '教学单位'],
  ['环境科学与工程学院', '环境学院', '教学单位'],
  ['国际教育学院', '国教院', '教学单位'],
  ['创新创业学院', '双创学院', '教学单位'],
  ['马克思主义研究院', '马研院', '直附属单位'],
];

interface Unit {
  name: string;
  aliases: string[];
  category: string;
}

function makeUnits(n: number): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < n; i++) {
    const k = KNOWN_UNITS[i];
    if (k) out.push({ name: k[0], aliases: k[1].split('、'), category: k[2] });
    else out.push({ name: `第${i + 1}教学部`, aliases: [`${i + 1}部`], category: '教学单位' });
  }
  return out;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁韦覃蓝莫陆';
const GIVEN = ['建国', '丽华', '海涛', '志强', '文静', '晓东', '红梅', '国庆', '小兰', '振宇', '敏', '静', '磊', '芳', '婷', '伟', '军', '洁', '晨', '宇'];
const LEADERS = ['刘建国', '王海涛', '赵明', '孙丽华', '陈志刚', '周立新'];

const SURNAME_LIST = [...SURNAMES];
function person(r: Rand): string {
  return r.pick(SURNAME_LIST) + r.pick(GIVEN);
}

// ---------------------------------------------------------------------------------------------
// Task wording

const TASKS: readonly string[] = [
  '修订本科人才培养方案',
  '完成年度部门决算编报',
  '开展实验室安全隐患排查整治',
  '推进校园网IPv6改造',
  '完成学生公寓维修改造工程',
  '制定教职工年度考核工作方案',
  '组织开展师德师风专题教育',
  '完成科研项目结题清理',
  '推进智慧图书馆建设',
  '做好家庭经济困难学生认定复核',
  '修订专业技术职务评聘办法',
  '完成校史馆展陈提升',
  '开展超期借用公房清理',
  '落实“三会一课”制度',
  '完成学科建设中期自评',
  '推进电子发票报销全覆盖',
  '制定毕业生“访企拓岗”实施方案',
  '开展校园电动自行车充电隐患整治',
  '完成教材意识形态排查',
  '组织开展新生入学教育',
  '建设思政课实践教学基地',
  '完成中层干部经济责任审计',
  '修订研究生导师遴选办法',
  '推进一流本科专业建设',
  '完成食堂改造项目招标',
  '做好省级教学成果奖申报',
  '推进国家自然科学基金申报',
  '开展网络安全等级保护测评整改',
  '完成固定资产清查盘点',
  '落实中央八项规定精神专项检查',
  '制定“十五五”学科建设专项规划',
  '完成校园供暖管网改造',
  '推进教职工周转公寓分配',
  '开展学生心理健康普查',
  '组织秋季校园双选会',
];
const SUFFIXES = ['', '', '', '，形成专题报告报校长办公会', '，按期报送上级主管部门', '，并做好宣传报道', '，建立工作台账', '，确保按期完成'];
const PROGRESS_OPEN = ['已制定工作方案，正在推进', '已完成总体进度的60%', '征求意见稿已印发', '待分管校领导审定', '已召开专题推进会', '正在组织专家论证', '部分学院材料未报齐', '招标文件已挂网'];
const PROGRESS_DONE = ['已按要求办结，材料已归档', '已印发执行', '已报送上级主管部门', '已通过验收', '已书面答复提案人', '已完成并在校园网公示'];
const PROGRESS_CLOSED = ['因上级政策调整无法办结，经校长办公会同意转入下一年度', '需列入下一年度预算，经校领导同意终止本年度督办'];

// ---------------------------------------------------------------------------------------------
// Deadlines: pick a target date, then write it the way offices do (§3). Weekday-only arithmetic
// is close enough to plan statuses; duban does the exact working-day calendar.

function addWeekdays(date: IsoDate, n: number): IsoDate {
  let d = toDayNumber(date);
  while (n > 0) {
    d++;
    const w = (d + 4) % 7; // 1970-01-01 was a Thursday → 0 = Sunday
    if (w !== 0 && w !== 6) n--;
  }
  return fromDayNumber(d);
}

const CN_MONTH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

interface Deadline {
  /** Text for the 办结时限 cell ('' = default of the source). */
  text: string;
  /** The date it resolves to (approximately for working days); null = none / ongoing only. */
  date: IsoDate | null;
}

/**
 * A deadline phrase for an item assigned on `base`, due around `target` (≥ base). Without a
 * base date in the ledger (`relative` false: the task list has no 立项日期, so duban counts from
 * 1 January) only absolute forms are used.
 */
function phrase(r: Rand, base: IsoDate, target: IsoDate, relative = true): Deadline {
  const by = Number(base.slice(0, 4));
  const y = Number(target.slice(0, 4));
  const m = Number(target.slice(5, 7));
  const d = Number(target.slice(8, 10));
  const sameYear = y === by;
  const yearless = sameYear && r.chance(0.7);
  const yp = yearless ? '' : `${y}年`;
  /** Month-level forms may use a two-digit year (23年2月, seed 000). */
  const ypm = yearless ? '' : r.chance(0.8) ? `${y}年` : `${String(y).slice(2)}年`;
  const end = lastDayOfMonth(y, m);
  const roll = r() * (relative ? 1 : 0.71);
  if (roll < 0.16) return { text: r.pick([target, `${y}/${m}/${d}`, `${y}年${m}月${d}日`]), date: target };
  if (roll < 0.34) return { text: `${yp}${m}月${d}日${r.pick(['', '前', '前', '之前'])}`, date: target };
  if (roll < 0.5) return { text: `${ypm}${m}月${r.pick(['底', '底前', '末', '份', '下旬'])}`, date: end };
  // 上旬/中旬 only when that day is not before the base date (else a yearless text means next year).
  if (roll < 0.58 && ymd(y, m, 20) >= base) return { text: `${ypm}${m}月中旬${r.pick(['', '前'])}`, date: ymd(y, m, 20) };
  if (roll < 0.62 && ymd(y, m, 10) >= base) return { text: `${ypm}${m}月上旬前`, date: ymd(y, m, 10) };
  if (roll < 0.66 && sameYear && m >= 3) {
    const from = Math.max(Number(base.slice(5, 7)), m - r.int(2, 4));
    if (from < m) return { text: `${y}年${from}月${r.pick(['-', '—', '至'])}${m}月`, date: end };
  }
  if (roll < 0.69) return { text: `${ypm}${m}月底前${r.pick(['完成并上报', '动工', '投入使用', '完成'])}`, date: end };
  if (roll < 0.71 && sameYear && m <= 10) return { text: `${CN_MONTH[m]}月底前`, date: end };
  if (!relative) return { text: `${yp}${m}月${d}日前`, date: target };
  if (roll < 0.78) {
    const n = r.pick([5, 10, 10, 15, 20]);
    return { text: `${n}个工作日${r.pick(['', '内'])}`, date: addWeekdays(base, n) };
  }
  if (roll < 0.86) {
    const n = r.pick([7, 15, 30, 30, 60]);
    return { text: `${n}${r.pick(['日内', '天内'])}`, date: addDays(base, n) };
  }
  if (roll < 0.9) {
    const n = r.int(1, 4);
    return { text: `${n}周内`, date: addDays(base, 7 * n) };
  }
  if (roll < 0.95) {
    const n = r.int(1, 6);
    return { text: `${n}个月内`, date: addMonths(base, n) };
  }
  return { text: r.pick(['年底', '年底前', '年内', '当年年底']), date: `${by}-12-31` };
}

// ---------------------------------------------------------------------------------------------
// Items

type Source = '会议决策' | '年度重点工作' | '领导批示' | '上级交办' | '提案信访' | '其他';
type State = '未启动' | '办理中' | '已办结' | '无法办结';

interface Item {
  id: string;
  seq: number;
  text: string;
  lead: string;
  co: string;
  source: Source;
  basis: string;
  assigned: IsoDate;
  person: string;
  deadline: string;
  ext: string;
  extApplied: IsoDate | '';
  extBy: string;
  state: State;
  done: IsoDate | '';
  progress: string;
  audience: string;
  /** Effective deadline as planned, for the reminder log. */
  due: IsoDate | null;
}

const AUDIENCES = ['社会公开', '主动公开', '校内公开', '校内公开', '不公开', '不公开', ''];

/** The status an item should have on asOf, in plausible proportions. */
type Plan = 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'on_track' | 'ongoing' | 'no_deadline' | 'closed';

function planStatus(r: Rand, ongoingAllowed: boolean, noDeadlineAllowed: boolean): Plan {
  const x = r();
  if (x < 0.4) return 'done_on_time';
  if (x < 0.5) return 'done_late';
  if (x < 0.62) return 'overdue';
  if (x < 0.69) return 'due_soon';
  if (x < 0.88) return 'on_track';
  if (x < 0.94) return ongoingAllowed ? 'ongoing' : 'on_track';
  if (x < 0.97) return noDeadlineAllowed ? 'no_deadline' : 'on_track';
  return 'closed';
}

interface Ctx {
  r: Rand;
  asOf: IsoDate;
  year: number;
  jan1: number;
  asOfDay: number;
  units: Unit[];
}

/** A unit as a ledger writes it: usually the full name, sometimes a 简称. */
function unitAsWritten(c: Ctx, u: Unit): string {
  return c.r.chance(0.15) ? c.r.pick(u.aliases) : u.name;
}

function coUnits(c: Ctx, lead: Unit): string {
  const n = c.r.chance(0.55) ? 0 : c.r.int(1, 2);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = c.r.pick(c.units);
    if (u !== lead && !out.includes(u.name)) out.push(unitAsWritten(c, u));
  }
  return out.join('、');
}

function basisFor(c: Ctx, source: Source, assigned: IsoDate): string {
  const r = c.r;
  const m = Number(assigned.slice(5, 7));
  const d = Number(assigned.slice(8, 10));
  switch (source) {
    case '会议决策':
      return r.chance(0.7) ? `${c.year}年第${Math.max(1, Math.round(m * 1.7))}次校长办公会纪要` : `${c.year}年第${Math.max(1, m * 2 - 1)}次党委常委会纪要`;
    case '年度重点工作':
      return `${c.year}年党政工作要点第${r.int(1, 40)}条`;
    case '领导批示':
      return `${r.pick(['校长', '党委书记', '分管副校长'])}批示（${c.year}年${m}月${d}日）`;
    case '上级交办':
      return `${r.pick(['省教育厅', '教育部办公厅', '省委教育工委', '省财政厅'])}《关于${r.pick(['开展专项检查', '做好年度报送', '加强安全管理', '推进信息公开'])}工作的通知》`;
    case '提案信访':
      return r.chance(0.6) ? `教代会提案第${c.year}-${String(r.int(1, 60)).padStart(2, '0')}号` : `校长信箱来信（${c.year}-${String(r.int(1, 999)).padStart(4, '0')}号）`;
    default:
      return '';
  }
}

/** `dated` false: the ledger has no 立项日期 column (seed-001 task list). */
function makeItem(c: Ctx, id: string, seq: number, source: Source, dated: boolean): Item {
  const r = c.r;
  const lead = r.pick(c.units);
  const leadText = r.chance(0.04) ? `${unitAsWritten(c, lead)}、${unitAsWritten(c, r.pick(c.units))}` : unitAsWritten(c, lead);
  const plan = planStatus(r, source !== '会议决策', source === '其他');
  const it: Item = {
    id,
    seq,
    source,
    text: r.pick(TASKS) + r.pick(SUFFIXES),
    lead: leadText,
    co: coUnits(c, lead),
    basis: '',
    assigned: c.asOf,
    person: r.chance(0.4) ? person(r) : '',
    deadline: '',
    ext: '',
    extApplied: '',
    extBy: '',
    state: '办理中',
    done: '',
    progress: '',
    audience: r.pick(AUDIENCES),
    due: null,
  };

  // Deadline target relative to asOf, then an assignment date before it.
  let target: IsoDate;
  switch (plan) {
    case 'done_on_time':
    case 'done_late':
    case 'overdue':
    case 'closed':
      target = fromDayNumber(c.asOfDay - r.int(plan === 'overdue' ? 1 : 5, 300));
      break;
    case 'due_soon':
      target = fromDayNumber(c.asOfDay + r.int(0, 3));
      break;
    default:
      target = fromDayNumber(c.asOfDay + r.int(6, 200));
  }
  if (toDayNumber(target) < c.jan1 + 10) target = fromDayNumber(c.jan1 + 10 + r.int(0, 20));
  // Assigned 1–13 weeks before its deadline, and never after asOf (items far ahead were
  // assigned in the last weeks, not all today).
  const assignedDay = Math.min(toDayNumber(target) - r.int(7, 90), c.asOfDay - r.int(0, 45));
  it.assigned = fromDayNumber(Math.max(c.jan1, assignedDay));
  it.basis = basisFor(c, source, it.assigned);

  let due: IsoDate | null;
  if (plan === 'ongoing') {
    const withDate = r.chance(0.3);
    it.deadline = withDate ? `${Number(target.slice(5, 7))}月底前，长期坚持` : r.pick(['常态化推进', '长期坚持', '持续推进', '长期坚持，常态化开展']);
    due = withDate ? lastDayOfMonth(Number(target.slice(0, 4)), Number(target.slice(5, 7))) : null;
    if (withDate && Number(target.slice(0, 4)) !== Number(it.assigned.slice(0, 4))) {
      it.deadline = `${target.slice(0, 4)}年${it.deadline}`;
    }
  } else if (plan === 'no_deadline') {
    it.deadline = '';
    due = null;
  } else if (source === '会议决策' && r.chance(0.25)) {
    // seed 004 art. 22: 10 working days after the minutes
    it.deadline = '';
    due = addWeekdays(it.assigned, 10);
  } else if (source === '年度重点工作' && r.chance(0.3)) {
    it.deadline = '';
    due = `${it.assigned.slice(0, 4)}-12-31`;
  } else {
    const p = phrase(r, dated ? it.assigned : `${c.year}-01-01`, target, dated);
    it.deadline = p.text;
    due = p.date;
  }

  // Now and then one approved extension of a deadline already past (seed 004: one only),
  // mostly applied in time and approved by 党政办公室, some late, some long (→ warnings).
  const pastDue = plan === 'done_on_time' || plan === 'done_late' || plan === 'overdue' || plan === 'closed';
  if (due && pastDue && r.chance(0.08)) {
    const extTo = addDays(due, r.int(14, 150));
    const applied = fromDayNumber(Math.max(toDayNumber(it.assigned), toDayNumber(due) - r.int(2, 20)));
    // An overdue item stays overdue after its extension too.
    if (extTo < c.asOf || plan !== 'overdue') {
      it.ext = r.chance(0.5) ? extTo : cnDate(extTo);
      it.extApplied = applied;
      it.extBy = r.chance(0.7) ? '党政办公室' : r.pick(LEADERS);
      due = extTo;
    }
  }
  it.due = due;

  const doneBy = (d: number) => fromDayNumber(Math.min(c.asOfDay - 1, Math.max(toDayNumber(it.assigned), d)));
  switch (plan) {
    case 'done_on_time':
      it.state = '已办结';
      it.done = doneBy(toDayNumber(due ?? c.asOf) - r.int(0, 10));
      it.progress = r.pick(PROGRESS_DONE);
      break;
    case 'done_late':
      it.state = '已办结';
      it.done = doneBy(toDayNumber(due ?? c.asOf) + r.int(1, 25));
      it.progress = r.pick(PROGRESS_DONE) + '（逾期办结）';
      break;
    case 'closed':
      it.state = '无法办结';
      it.progress = r.pick(PROGRESS_CLOSED);
      break;
    default:
      it.state = r.chance(0.05) && plan === 'on_track' ? '未启动' : '办理中';
      it.progress = it.state === '未启动' ? '' : r.pick(PROGRESS_OPEN);
  }
  return it;
}

// ---------------------------------------------------------------------------------------------
// CSV text

function cell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function row(cells: readonly (string | number)[]): string {
  return cells.map(cell).join(',');
}
const slashDate = (d: string): string => (d ? `${Number(d.slice(0, 4))}/${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}` : '');
const cnDate = (d: string): string => (d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '');

const utf8 = new TextEncoder();
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
function utf8Bytes(text: string, bom: boolean): Uint8Array {
  const body = utf8.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(BOM, 0);
  out.set(body, 3);
  return out;
}
function gbkBytes(text: string): Uint8Array {
  const b = iconv.encode(text, 'gbk');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

const CN_SEQ = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseSeq(n: number): string {
  if (n <= 10) return `（${CN_SEQ[n - 1]}）`;
  if (n < 100) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    return `（${t === 1 ? '' : CN_SEQ[t - 1]}十${u === 0 ? '' : CN_SEQ[u - 1]}）`;
  }
  return `（${n}）`;
}

// ---------------------------------------------------------------------------------------------

export function generateLedgers(opts: GenerateOptions): SourceFile[] {
  const n = Math.max(0, Math.floor(opts.items));
  const asOf = opts.asOf ?? '2026-11-25';
  const year = Number(asOf.slice(0, 4));
  const r = rand(opts.seed ?? 1);
  const units = makeUnits(Math.max(2, opts.units ?? 50));
  const c: Ctx = { r, asOf, year, jan1: toDayNumber(`${year}-01-01`), asOfDay: toDayNumber(asOf), units };

  // Shares of the item files: 校长办公会 40 %, 年度重点工作 30 %, GBK form 20 %, task list 10 %.
  const nA = Math.round(n * 0.4);
  const nB = Math.round(n * 0.3);
  const nC = Math.round(n * 0.2);
  const nD = n - nA - nB - nC;
  const nameA = `${year}年校长办公会督办台账.csv`;
  const nameB = '年度重点工作督办台账.csv';
  const nameC = `${GBK_FORM_NAME}.csv`;
  const nameD = '专项工作任务清单.csv';
  const baseC = GBK_FORM_NAME;
  const baseD = '专项工作任务清单';
  const all: Item[] = [];

  const A: Item[] = [];
  for (let i = 1; i <= nA; i++) {
    const source: Source = r.pick(['会议决策', '会议决策', '会议决策', '领导批示', '领导批示', '其他']);
    A.push(makeItem(c, `XB${year}-${String(i).padStart(nA > 9999 ? 6 : 4, '0')}`, i, source, true));
  }
  const B: Item[] = [];
  for (let i = 1; i <= nB; i++) {
    const source: Source = r.pick(['年度重点工作', '年度重点工作', '年度重点工作', '上级交办', '提案信访']);
    B.push(makeItem(c, `ZD${year}-${String(i).padStart(nB > 9999 ? 6 : 4, '0')}`, i, source, true));
  }
  const C: Item[] = [];
  for (let i = 1; i <= nC; i++) C.push(makeItem(c, `${baseC}#${i}`, i, '其他', true));
  const D: Item[] = [];
  for (let i = 1; i <= nD; i++) D.push(makeItem(c, `${baseD}#${chineseSeq(i)}`, i, '其他', false));
  all.push(...A, ...B, ...C, ...D);

  const files: SourceFile[] = [];

  // A: canonical headers with a remark, UTF-8 BOM, CRLF, dates as Excel shows them.
  {
    const lines = [
      row([
        '编号',
        '督办事项',
        '承办单位',
        '配合单位',
        '事项来源',
        '立项依据',
        '立项日期',
        '责任人',
        '办结时限（纪要未明确的按10个工作日）',
        '延期至',
        '延期申请日期',
        '延期批准',
        '办理状态',
        '办结日期',
        '落实情况',
        '公开范围',
      ]),
    ];
    for (const it of A) {
      lines.push(
        row([
          it.id,
          it.text,
          it.lead,
          it.co,
          it.source,
          it.basis,
          slashDate(it.assigned),
          it.person,
          it.deadline,
          it.ext,
          slashDate(it.extApplied),
          it.extBy,
          it.state,
          slashDate(it.done),
          it.progress,
          it.audience,
        ]),
      );
    }
    files.push({ path: nameA, bytes: utf8Bytes(lines.join('\r\n') + '\r\n', true) });
  }
  // B: alias headers, UTF-8 without BOM, LF, no final newline.
  {
    const lines = [
      row([
        '事项编号',
        '工作任务',
        '牵头单位',
        '协办单位',
        '督办类别',
        '立项依据',
        '交办日期',
        '完成时限',
        '延期办结时限',
        '延期申请日期',
        '延期审批',
        '状态',
        '完成日期',
        '进展情况',
        '公开方式（社会公开/校内公开/不公开）',
      ]),
    ];
    for (const it of B) {
      lines.push(row([it.id, it.text, it.lead, it.co, it.source, it.basis, cnDate(it.assigned), it.deadline, it.ext, it.extApplied, it.extBy, it.state, it.done, it.progress, it.audience]));
    }
    files.push({ path: nameB, bytes: utf8Bytes(lines.join('\n'), false) });
  }
  // C: seed 003 附件3 in GBK with title rows, 完成时限/落实日期 added, trailing notes.
  {
    const pad = (s: string) => row([s, '', '', '', '', '', '', '']);
    const lines = [
      pad(`示范大学${GBK_FORM_NAME}`),
      pad(`督办时间：${year}年${Number(asOf.slice(5, 7))}月`),
      row(['序号', '布置时间', '承办部门', '内容', '完成时限', '是否落实', '落实日期', '落实情况']),
    ];
    for (const it of C) {
      const yes = it.state === '已办结' ? '是' : it.state === '无法办结' ? '否' : r.chance(0.5) ? '部分' : '否';
      // The form has no 无法办结: such items stay open (是否落实 否) with their reason in 落实情况.
      lines.push(row([it.seq, it.assigned, it.lead, it.text, it.deadline, yes, it.done, it.progress]));
    }
    lines.push(pad(''));
    lines.push(pad(`1. 本次督办工作统计截止时间为${Number(asOf.slice(5, 7))}月${Number(asOf.slice(8, 10))}日，请通过OA流程上交。`));
    lines.push(pad('2. 督办事项涉及多个单位的，由承办部门负责汇总、填报落实情况。'));
    files.push({ path: nameC, bytes: gbkBytes(lines.join('\r\n') + '\r\n') });
    for (const it of C) if (it.state === '无法办结') it.state = '办理中';
  }
  // D: seed-001 task list: 序号 （一）, 工作任务 / 责任部门 / 完成时限, title rows above.
  {
    const lines = [
      row(['附件2', '', '', '', '', '', '']),
      row([`示范大学${year}年专项工作重点任务清单`, '', '', '', '', '', '']),
      row(['序号', '工作任务', '责任部门', '完成时限', '办理状态', '完成日期', '进展情况']),
    ];
    for (const it of D) {
      const units = it.co ? `${it.lead}，${it.co}` : it.lead;
      lines.push(row([chineseSeq(it.seq), `${chineseSeq(it.seq)}${it.text}。`, units, it.deadline, it.state, it.done, it.progress]));
    }
    files.push({ path: nameD, bytes: utf8Bytes(lines.join('\r\n') + '\r\n', true) });
  }

  // 催办记录: 1–3 per overdue item between its deadline and asOf, a few 4th, a few in the future.
  {
    const lines = [row(['序号', '事项编号', '催办日期', '催办方式', '催办人', '签收人', '备注'])];
    let k = 0;
    const methods = ['OA', 'OA', 'OA', '电话', '电话', '短信', '书面', '当面', '会议'];
    const senders = ['王建平', '李文静'];
    for (const it of all) {
      if (it.state === '已办结' || it.state === '无法办结' || !it.due || it.due >= asOf) continue;
      const from = toDayNumber(it.due) + 1;
      const span = c.asOfDay - from;
      const count = r.chance(0.08) ? 4 : r.int(1, 3);
      let day = from;
      for (let j = 0; j < count; j++) {
        day = Math.min(c.asOfDay, day + r.int(0, Math.max(1, Math.floor(span / count))));
        const date = fromDayNumber(day);
        lines.push(row([++k, it.id, j % 3 === 1 ? slashDate(date) : date, r.pick(methods), r.pick(senders), r.chance(0.6) ? person(r) : '', j === 2 ? '第三次催办，已报分管校领导' : '']));
      }
      if (r.chance(0.02)) lines.push(row([++k, it.id, addDays(asOf, r.int(1, 5)), '会议', '周立新', '', '拟在校长办公会上通报（计划）']));
    }
    files.push({ path: '催办记录.csv', bytes: utf8Bytes(lines.join('\r\n') + '\r\n', true) });
  }
  // 单位名录
  {
    const lines = [row(['序号', '单位名称', '简称', '类别', '负责人', '联络员', '联系电话', '分管校领导'])];
    units.forEach((u, i) => {
      lines.push(row([i + 1, u.name, u.aliases.join('、'), u.category, person(r), person(r), `0771-2687${String(100 + i).padStart(3, '0')}`, r.pick(LEADERS)]));
    });
    files.push({ path: '单位名录.csv', bytes: utf8Bytes(lines.join('\r\n') + '\r\n', true) });
  }
  // 节假日: next year's 元旦 and a school day off with its make-up Sunday.
  {
    const ny = year + 1;
    // 校庆日: a weekday in the second half of some month, its make-up day the Sunday after.
    let fdDay = toDayNumber(ymd(year, r.int(3, 12), 15 + r.int(0, 10)));
    while ((fdDay + 4) % 7 === 0 || (fdDay + 4) % 7 === 6) fdDay++;
    const fd = fromDayNumber(fdDay);
    const lines = [
      row(['日期', '类型', '名称']),
      row([`${ny}-01-01`, '休', '元旦']),
      row([`${ny}-01-02`, '休', '元旦']),
      row([`${ny}-01-03`, '休', '元旦']),
      row([fd, '休', '校庆日']),
      row([nextSunday(fd), '补班', '校庆日调休上班']),
    ];
    files.push({ path: '节假日调整.csv', bytes: utf8Bytes(lines.join('\r\n') + '\r\n', true) });
  }
  return files;
}

function nextSunday(date: IsoDate): IsoDate {
  let d = toDayNumber(date) + 1;
  while ((d + 4) % 7 !== 0) d++;
  return fromDayNumber(d);
}
