/**
 * Ledger text with escape sequences and bidi overrides, through the real CLI (spawned, NO_COLOR):
 * nothing raw reaches the terminal, and no output file name carries those characters.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = path.join(import.meta.dirname, '../../bin/duban.js');
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const ESC_UNIT = '教务处\u001b[2J\u001b[31m\u0007';
const BIDI_UNIT = '人事处\u202Efdp.exe\u2066x\u2069';
const ITEMS = [
  '编号,事项,承办单位,立项日期,办结时限,状态,公开范围',
  // overdue: a 催办通知 and a 登记表 named by unit and id
  `"T-01\u001b[31m","清屏\u001b[2J标题\u202E反转\u009b31m",${ESC_UNIT},2026-09-01,2026-10-30,办理中,社会公开`,
  `"T-02\u200E",双向\u2067标题\u2069,${BIDI_UNIT},2026-09-01,2026-10-30,办理中,校内公开`,
  // a date that does not exist, with an escape in the value: an E_DATE error quoting it
  `T-03,日期有误的事项,教务处,"2026-13-01\u001b[2J",2026-12-30,办理中,不公开`,
  // ordinary rows: a file mostly of control characters is refused as binary (E_ENCODING), a few are read
  ...Array.from({ length: 40 }, (_, k) => `N-${k},完善本科教学质量监控与评价体系建设工作方案,教务处,2026-09-01,2026-12-30,办理中,不公开`),
].join('\r\n');
const UNITS = [
  '单位,简称,类别',
  '教务处,教务,职能部门',
  '人事处,人事,职能部门',
  `"${ESC_UNIT}",,职能部门`,
  `"${BIDI_UNIT}",,职能部门`,
  ...Array.from({ length: 20 }, (_, k) => `第${k + 1}教学部,,教学单位`),
].join('\r\n');
const REMINDERS = ['编号,催办日期,催办方式,催办人', 'NOPE\u001b[2J,2026-11-02,OA,王建平', ...Array.from({ length: 20 }, () => 'N-1,2026-11-02,OA,党政办公室王建平')].join('\r\n');

let data = '';
let outDir = '';
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-terminal-'));
  data = path.join(dir, 'data');
  outDir = path.join(dir, 'out');
  await mkdir(data);
  await writeFile(path.join(data, '督办台账.csv'), ITEMS);
  await writeFile(path.join(data, '单位名录.csv'), UNITS);
  await writeFile(path.join(data, '催办记录\u001b[2J\u202E.csv'), REMINDERS); // a file name is ledger text too
});

describe('control characters in ledger text', () => {
  it('build: stdout and stderr carry no raw control or bidi character, and still name the problems', () => {
    const r = run('build', '--data', data, '--out', outDir, '--as-of', '2026-11-25', '--no-images');
    expect(r.status).toBe(1);
    for (const line of (r.stdout + r.stderr).split('\n')) expect(line).not.toMatch(UNSAFE);
    expect(r.stdout).toContain('2026-13-01\\u001B[2J'); // the E_DATE value, escaped
    expect(r.stdout).toContain('催办记录\\u001B[2J\\u202E.csv'); // the file name, escaped
    expect(r.stdout).toContain('E_DATE');
  });

  it('build: no output file name contains a control or bidi character', async () => {
    const names = (await readdir(outDir, { recursive: true })).map(String);
    expect(names.some((n) => n.includes('催办通知-教务处[2J[31m-T-01[31m.pdf'))).toBe(true);
    expect(names.some((n) => n.includes('登记表-人事处fdp.exex'))).toBe(true);
    for (const n of names) expect(n).not.toMatch(UNSAFE_IN_NAME);
  });

  it('check: the summary and --json output carry nothing raw; --json keeps the values', () => {
    const r = run('check', '--data', data, '--as-of', '2026-11-25');
    expect(r.status).toBe(1);
    for (const line of (r.stdout + r.stderr).split('\n')) expect(line).not.toMatch(UNSAFE);
    const j = run('check', '--data', data, '--as-of', '2026-11-25', '--json');
    expect(j.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
    const parsed = JSON.parse(j.stdout) as { issues: { code: string; value: string | null; file: string }[] };
    expect(parsed.issues.find((i) => i.code === 'E_DATE')?.value).toBe('2026-13-01\u001b[2J');
    expect(parsed.issues.some((i) => i.file === '催办记录\u001b[2J\u202E.csv')).toBe(true);
  });
});
