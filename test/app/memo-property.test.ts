/**
 * The render memo as a property: a random sequence of changes, each followed by a build into the
 * SAME out folder (the memo in use), and after each step that folder is exactly what a clean build
 * of the same data, templates, office.json and as-of date writes into an empty folder.
 *
 * The changes: a cell of a 督办事项 (事项, 承办单位, 办结时限, 状态, 公开范围, 办结日期); a row added (ids
 * among them that name their documents alike: B/20 and B_20, b-11 and B-11, or a twin of a row
 * already there, B#01 beside B-01) or deleted; a 催办记录 or 进展反馈 row added or removed; a unit's
 * 负责人 in 单位名录; a sentence of the wording (pdf/wording.json, pdf/submission-reminder.json) or
 * a field of office.json in a copy of the templates folder; the as-of date moved by a few days
 * (across a month start too); a file that is not a ledger put into or taken out of the data
 * folder; a second ledger without 编号 put in or taken out (the first one's items are then named
 * with their ledger's name); an output edited, deleted, or changed in one byte with its size and
 * modification time put back, by hand.
 *
 * Left out of the comparison, by design of the writer: internal/已改动的文件/ (outputs edited by
 * hand, kept aside) and the monthly reports of other periods than the build's (internal/reports/
 * <month>/: a build removes only its own period's; `duban report` writes the others).
 *
 * DUBAN_MEMO_RUNS (default 20) and DUBAN_MEMO_SEED replay more runs or a failure.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { STATE_FILES, expectSameOutputs, filesUnder } from '../support/out-tree.ts';

const BASIC = path.join(import.meta.dirname, '../fixtures/e2e/basic');
const CAMPAIGN = path.join(import.meta.dirname, '../fixtures/memo/2026制度宣传执行月');
const TEMPLATES = path.join(import.meta.dirname, '../../templates');
const SET_ASIDE = 'internal/已改动的文件/';
const START = '2026-11-25';
const FIRST_DAY = '2026-11-16';
const LAST_DAY = '2026-12-31';

// ---- ledgers as tables ---------------------------------------------------------------------

interface Table {
  header: string[];
  rows: string[][];
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (s[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function readTable(file: string): Promise<Table> {
  const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
  return { header: header!, rows };
}

function csv(t: Table): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [t.header, ...t.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

const col = (t: Table, name: string): number => {
  const i = t.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};
const get = (t: Table, row: string[], name: string) => row[col(t, name)] ?? '';
function rowOf(t: Table, values: Record<string, string>): string[] {
  return t.header.map((h) => values[h] ?? '');
}

// ---- the state a build sees ----------------------------------------------------------------

interface State {
  items: Table;
  reminders: Table;
  feedback: Table;
  units: Table;
  /** A file of the data folder that is not a ledger (named in the analysis, not read). */
  note: boolean;
  /**
   * A second ledger without 编号 beside 10月督办事项.csv: duban builds their ids from the file name and
   * 序号, and names their items 序号N alone, or 《10月督办事项》序号N once two such ledgers are in the run.
   */
  november: boolean;
  wording: Record<string, string>;
  submission: Record<string, string>;
  office: Record<string, unknown>;
  asOf: string;
}

const NUMBERED = '序号,事项,承办单位,来源,立项日期,办结时限,状态,办结日期,公开范围\n';
const OCTOBER = `${NUMBERED}1,修订实验室安全管理办法,后勤管理处,领导批示,2026-10-12,2026-11-06,办理中,,校内公开\n2,完成新进教师岗前培训,人事处,会议决策,2026-10-20,2026-12-18,办理中,,社会公开\n`;
const NOVEMBER = `${NUMBERED}1,开展校园安全隐患排查,后勤管理处,上级交办,2026-11-03,2026-11-13,办理中,,不公开\n`;

const FEEDBACK_HEADER = ['编号', '事项', '办结时限', '职责', '填报单位', '反馈日期', '本期进展', '办理状态', '办结日期', '申请延期至', '延期理由', '填报人', '联系电话'];

async function initialState(): Promise<State> {
  const items = await readTable(path.join(BASIC, '督办台账.csv'));
  const feedback: Table = { header: FEEDBACK_HEADER, rows: [] };
  feedback.rows.push(
    rowOf(feedback, {
      编号: 'B-04',
      事项: '做好冬季学生心理健康排查',
      办结时限: '10个工作日内',
      职责: '牵头',
      填报单位: '学生工作处',
      反馈日期: '2026-11-18',
      本期进展: '排查已完成，建档23人。',
      办理状态: '申请办结',
      办结日期: '2026-11-17',
      填报人: '蓝天',
      联系电话: '0771-2687001',
    }),
    rowOf(feedback, {
      编号: 'B-06',
      事项: '完成在用教材排查并上报',
      办结时限: '11月30日前',
      职责: '牵头',
      填报单位: '教务处',
      反馈日期: '2026-11-19',
      本期进展: '已排查教材412种。',
      办理状态: '办理中',
      填报人: '张志强',
      联系电话: '0771-2687002',
    }),
  );
  return {
    items,
    reminders: await readTable(path.join(BASIC, '催办记录.csv')),
    feedback,
    units: await readTable(path.join(BASIC, '单位名录.csv')),
    note: false,
    november: true,
    wording: {},
    submission: {},
    office: {},
    asOf: START,
  };
}

async function writeData(s: State, data: string): Promise<void> {
  const put = async (rel: string, text: string | null) => {
    const abs = path.join(data, rel);
    if (text === null) return rm(abs, { force: true });
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, text);
  };
  await put('督办台账.csv', csv(s.items));
  await put('催办记录.csv', s.reminders.rows.length ? csv(s.reminders) : null);
  await put('进展反馈/进展反馈表.csv', s.feedback.rows.length ? csv(s.feedback) : null);
  await put('单位名录.csv', csv(s.units));
  await put('说明.txt', s.note ? '这个文件夹放台账。\n' : null);
  await put('10月督办事项.csv', OCTOBER);
  await put('11月督办事项.csv', s.november ? NOVEMBER : null);
}

/** A fresh copy of the templates folder for each version (a new process would read it afresh; this one caches by folder). */
async function writeTemplates(s: State, dir: string): Promise<void> {
  await cp(TEMPLATES, dir, { recursive: true });
  const edit = async (rel: string, overrides: Record<string, unknown>) => {
    if (Object.keys(overrides).length === 0) return;
    const file = path.join(dir, rel);
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...json, ...overrides }, null, 2) + '\n');
  };
  await edit('pdf/wording.json', s.wording);
  await edit('pdf/submission-reminder.json', s.submission);
  await edit('office.json', s.office);
}

// ---- changes -------------------------------------------------------------------------------

const CELLS: Record<string, readonly string[]> = {
  // '+' appends to the text there.
  事项: ['+（第二阶段）', '+并报送总结', '建成校史馆数字展厅', '整理督办工作档案'],
  承办单位: ['教务处', '人事处', '学工处', '宣传部', '党政办公室', '后勤管理处', '教务、人事处', '网信中心', '财务处'],
  办结时限: ['', '2026-11-30', '2026-12-04', '2026-11-20', '10个工作日内', '11月30日前', '6月底前', '3个月内', '常态化推进', '年底前'],
  状态: ['办理中', '已办结', '无法办结', ''],
  公开范围: ['社会公开', '校内公开', '不公开', ''],
  办结日期: ['', '2026-11-19', '2026-11-24', '2026-10-30', '2026-12-01'],
};
const NEW_IDS = ['B-11', 'B-12', 'b-11', 'B/20', 'B_20', 'B-01'];
const WORDING_KEYS = ['reminder.title', 'reminder.body', 'assignment.intro', 'form.title', 'form.remark', 'due.intro', 'due.body', 'file.form', 'file.reminder', 'file.due'];
const SUBMISSION_KEYS = ['feedback.body', 'feedback.title', 'body'];
const OFFICE: Record<string, readonly unknown[]> = {
  organization: ['示范大学', '示范理工大学'],
  officeName: ['示范大学督查督办工作办公室', '示范大学党政办公室'],
  reportSubmitDays: [null, 3, 10],
  feedbackDay: [15, 20, 25],
  dueSoonWorkdays: [2, 3, 5],
  nextDocNo: [41, 7],
  siteTitle: ['示范大学督查通报', '督查通报'],
  contactPerson: ['李文静', '陈晓'],
};

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const change = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cell' as const), row: fc.nat(), column: pick(Object.keys(CELLS)), value: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('addRow' as const),
      id: pick(NEW_IDS),
      unit: pick(CELLS.承办单位!),
      assigned: pick(['2026-09-01', '2026-10-09', '2026-11-02', '2026-11-10']),
      deadline: pick(CELLS.办结时限!),
      done: fc.boolean(),
      scope: pick(CELLS.公开范围!),
    }),
  },
  // A row whose id names its documents as another's does (B#05 and B-05, b-05 and B-05: file names are sanitised and compared case-insensitively).
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('twin' as const), row: fc.nat(), how: pick(['#', 'lower'] as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRow' as const), row: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('addReminder' as const),
      item: fc.nat(),
      date: pick(['2026-11-02', '2026-11-16', '2026-11-20', '2026-11-24', '2026-12-01']),
      method: pick(['OA', '电话', '书面']),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeReminder' as const), row: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('addFeedback' as const), item: fc.nat(), on: pick(['2026-11-16', '2026-11-20', '2026-11-24']), state: pick(['办理中', '申请办结', '申请延期']) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeFeedback' as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unitHead' as const), row: fc.nat(), field: pick(['负责人', '分管校领导']), value: pick(['周立新', '吴刚', '刘建国']) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wording' as const), key: pick([...WORDING_KEYS, ...SUBMISSION_KEYS.map((k) => `submission:${k}`)]), variant: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('office' as const), field: pick(Object.keys(OFFICE)), value: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('asOf' as const), days: pick([-9, -5, -2, -1, 1, 2, 5, 9]) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('november' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('byHand' as const), how: pick(['edit', 'delete', 'sameSize'] as const), file: fc.nat() }) },
);
type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;

function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return d < FIRST_DAY ? FIRST_DAY : d > LAST_DAY ? LAST_DAY : d;
}

/** Applies a change to the state (ledgers, templates, as-of date); byHand is done on the out folder instead. */
async function apply(s: State, c: Change, baseWording: Record<string, string>, baseSubmission: Record<string, string>): Promise<void> {
  const t = s.items;
  switch (c.kind) {
    case 'cell': {
      if (t.rows.length === 0) return;
      const row = t.rows[c.row % t.rows.length]!;
      const values = CELLS[c.column]!;
      const v = values[c.value % values.length]!;
      row[col(t, c.column)] = v.startsWith('+') ? get(t, row, c.column) + v.slice(1) : v;
      return;
    }
    case 'addRow':
      t.rows.push(
        rowOf(t, {
          编号: c.id,
          事项: `新增督办事项${c.id}${t.rows.length}`,
          承办单位: c.unit,
          来源: '会议决策',
          立项依据: '2026年第20次校长办公会纪要',
          立项日期: c.assigned,
          办结时限: c.deadline,
          状态: c.done ? '已办结' : '办理中',
          办结日期: c.done ? '2026-11-13' : '',
          公开范围: c.scope,
        }),
      );
      return;
    case 'twin': {
      if (t.rows.length === 0) return;
      const row = [...t.rows[c.row % t.rows.length]!];
      const id = get(t, row, '编号');
      row[col(t, '编号')] = c.how === '#' ? id.replace(/-/g, '#') : id.toLowerCase();
      row[col(t, '事项')] = `${get(t, row, '事项')}（另一项）`;
      t.rows.push(row);
      return;
    }
    case 'deleteRow':
      if (t.rows.length > 1) t.rows.splice(c.row % t.rows.length, 1);
      return;
    case 'addReminder': {
      if (t.rows.length === 0) return;
      const id = get(t, t.rows[c.item % t.rows.length]!, '编号');
      s.reminders.rows.push(rowOf(s.reminders, { 编号: id, 催办日期: c.date, 催办方式: c.method, 催办人: '王建平', 签收人: '' }));
      return;
    }
    case 'removeReminder':
      if (s.reminders.rows.length > 0) s.reminders.rows.splice(c.row % s.reminders.rows.length, 1);
      return;
    case 'addFeedback': {
      if (t.rows.length === 0) return;
      const row = t.rows[c.item % t.rows.length]!;
      const unit = get(t, row, '承办单位').split('、')[0]!;
      s.feedback.rows.push(
        rowOf(s.feedback, {
          编号: get(t, row, '编号'),
          事项: get(t, row, '事项'),
          办结时限: get(t, row, '办结时限'),
          职责: '牵头',
          填报单位: unit,
          反馈日期: c.on,
          本期进展: `${c.on}前已按计划推进。`,
          办理状态: c.state,
          办结日期: c.state === '申请办结' ? '2026-11-13' : '',
          申请延期至: c.state === '申请延期' ? '2026-12-31' : '',
          延期理由: c.state === '申请延期' ? '需与相关方案统筹衔接' : '',
          填报人: '李文',
          联系电话: '0771-2687000',
        }),
      );
      return;
    }
    case 'removeFeedback':
      if (s.feedback.rows.length > 0) s.feedback.rows.splice(c.row % s.feedback.rows.length, 1);
      return;
    case 'unitHead': {
      const u = s.units;
      u.rows[c.row % u.rows.length]![col(u, c.field)] = c.value;
      return;
    }
    case 'wording': {
      const [target, base, key] = c.key.startsWith('submission:') ? [s.submission, baseSubmission, c.key.slice('submission:'.length)] : [s.wording, baseWording, c.key];
      if (c.variant === 2) delete target[key];
      else target[key] = `${base[key]}${c.variant === 0 ? '（修订）' : '（二）'}`;
      return;
    }
    case 'office': {
      const values = OFFICE[c.field]!;
      s.office[c.field] = values[c.value % values.length];
      return;
    }
    case 'asOf':
      s.asOf = addDays(s.asOf, c.days);
      return;
    case 'note':
      s.note = !s.note;
      return;
    case 'november':
      s.november = !s.november;
      return;
    case 'byHand':
      return;
  }
}

/** An output changed by hand: edited, deleted, or changed in one byte with its size and modification time as they were. */
async function byHand(out: string, how: 'edit' | 'delete' | 'sameSize', n: number): Promise<void> {
  const files = [...(await filesUnder(out)).keys()].filter((p) => !STATE_FILES.has(p) && !p.startsWith(SET_ASIDE)).sort();
  if (files.length === 0) return;
  const abs = path.join(out, files[n % files.length]!);
  if (how === 'delete') return rm(abs);
  if (how === 'edit') return writeFile(abs, 'signed copy\n');
  const bytes = await readFile(abs);
  if (bytes.length === 0) return;
  // The times to the nanosecond, as a copy that keeps them would (touch -r; utimes rounds them).
  const times = `${abs}.times`;
  await writeFile(times, '');
  const touch = (from: string, to: string) => spawnSync('touch', ['-r', from, to]).status === 0;
  const exact = touch(abs, times);
  const st = await stat(abs);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x20;
  await writeFile(abs, bytes);
  if (!exact || !touch(times, abs)) await utimes(abs, st.atime, st.mtime);
  await rm(times);
}

// ---- builds and comparison -----------------------------------------------------------------

interface Built {
  written: number;
  kept: number;
  keptAside: { path: string }[];
  failed: { path: string }[];
}

async function build(data: string, out: string, templates: string, asOf: string): Promise<Built> {
  const r = await runCli(['build', '--data', data, '--out', out, '--as-of', asOf, '--templates', templates, '--no-images', '--json']);
  expect([0, 1], r.err).toContain(r.code);
  return JSON.parse(r.out) as Built;
}

/** What the writer leaves by design is left out: outputs kept aside, reports of other periods than those of `reference`. */
function comparable(tree: Map<string, Buffer>, reference: Map<string, Buffer>): Map<string, Buffer> {
  const period = (p: string) => /^internal\/reports\/([^/]+)\//.exec(p)?.[1] ?? null;
  const periods = new Set([...reference.keys()].map(period));
  return new Map([...tree].filter(([p]) => !p.startsWith(SET_ASIDE) && (period(p) === null || periods.has(period(p)))));
}

/** ~25–40 s a run on two shared cores. */
const RUNS = Number(process.env.DUBAN_MEMO_RUNS) || 20;
/** To replay a failure: the seed fast-check printed. */
const SEED = process.env.DUBAN_MEMO_SEED ? Number(process.env.DUBAN_MEMO_SEED) : undefined;
let keptInAll = 0;
let steps = 0;

describe('render memo', () => {
  it('after any sequence of changes, a rebuild into the same folder writes what a clean build writes', async () => {
    const base0 = await initialState();
    const baseWording = JSON.parse(await readFile(path.join(TEMPLATES, 'pdf/wording.json'), 'utf8')) as Record<string, string>;
    const baseSubmission = JSON.parse(await readFile(path.join(TEMPLATES, 'pdf/submission-reminder.json'), 'utf8')) as Record<string, string>;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 3, maxLength: 6 }), async (changes) => {
        const s: State = structuredClone(base0);
        const root = await mkdtemp(path.join(os.tmpdir(), 'duban-memo-prop-'));
        try {
          const data = path.join(root, 'data');
          const out = path.join(root, 'out');
          await cp(BASIC, data, { recursive: true });
          await cp(CAMPAIGN, path.join(data, '2026制度宣传执行月'), { recursive: true });
          let version = 0;
          let templates = path.join(root, `templates-${version}`);
          await writeTemplates(s, templates);
          await writeData(s, data);
          await build(data, out, templates, s.asOf);

          for (const [i, c] of changes.entries()) {
            const before = JSON.stringify([s.wording, s.submission, s.office]);
            await apply(s, c, baseWording, baseSubmission);
            if (JSON.stringify([s.wording, s.submission, s.office]) !== before) {
              templates = path.join(root, `templates-${++version}`);
              await writeTemplates(s, templates);
            }
            await writeData(s, data);
            if (c.kind === 'byHand') await byHand(out, c.how, c.file);

            const r = await build(data, out, templates, s.asOf);
            const clean = path.join(root, `clean-${i}`);
            await build(data, clean, templates, s.asOf);
            const expected = await filesUnder(clean);
            await rm(clean, { recursive: true, force: true });
            keptInAll += r.kept;
            steps++;
            try {
              expect(r.failed).toEqual([]);
              if (c.kind !== 'byHand') expect(r.keptAside).toEqual([]);
              const got = comparable(await filesUnder(out), expected);
              const want = comparable(expected, expected);
              const names = (m: Map<string, Buffer>) => [...m.keys()].filter((p) => !STATE_FILES.has(p));
              const extra = names(got).filter((p) => !want.has(p));
              const missing = names(want).filter((p) => !got.has(p));
              if (extra.length + missing.length > 0) throw new Error(`files not in the clean build: ${extra.join('、') || '—'}; files missing: ${missing.join('、') || '—'}`);
              expectSameOutputs(got, want);
            } catch (e) {
              throw new Error(`after step ${i + 1} of ${changes.length} (${JSON.stringify(c)}), as of ${s.asOf}: ${(e as Error).message}`);
            }
          }
        } finally {
          await rm(root, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`memo property: ${steps} steps, ${keptInAll} files kept by the memo, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // The memo was in use: most steps keep the documents a change did not touch.
    expect(keptInAll).toBeGreaterThan(steps);
  }, 3_600_000);
});
