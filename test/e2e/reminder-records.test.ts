/**
 * Issue 13 point 7: the reminder record a build writes is named by its date, so November's and
 * December's can be saved side by side in data/, and a record saved twice counts once.
 * Real builds through the CLI; what they wrote is read back from the out folder.
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../pipeline/model/analysis.ts';
import { runCli } from '../support/run-cli.ts';
import { plainText, readPdf } from '../render/pdf/pdf-reader.ts';

const LEDGER = '\uFEFF编号,事项,承办单位,来源,立项日期,办结时限\r\nCB-01,修订学生宿舍管理办法,学生工作处,领导批示,2026-10-09,2026-10-30\r\n';

let data: string;
let out: string;

async function build(asOf: string): Promise<Analysis> {
  const r = await runCli(['build', '--data', data, '--out', out, '--as-of', asOf, '--no-images']);
  expect(r.code, r.out + r.err).toBe(0);
  return JSON.parse(await readFile(path.join(out, 'internal', 'analysis.json'), 'utf8')) as Analysis;
}

const reminderDir = () => path.join(out, 'internal', '催办通知');

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'duban-reminders-'));
  data = path.join(root, 'data');
  out = path.join(root, 'out');
  await mkdir(data);
  await writeFile(path.join(data, '督办台账.csv'), LEDGER);
});

describe('催办记录 saved month after month', () => {
  it('is named by its date, and re-read twice over counts each reminder once', async () => {
    // November: the first reminder.
    await build('2026-11-25');
    expect((await readdir(reminderDir())).filter((f) => f.endsWith('.csv'))).toEqual(['催办记录-2026-11-25.csv']);
    const november = path.join(reminderDir(), '催办记录-2026-11-25.csv');
    expect(await readFile(november, 'utf8')).toContain('CB-01,2026-11-25,书面');
    // The secretary saves it into data/ — and, by mistake, a second copy into a sub-folder.
    await copyFile(november, path.join(data, '催办记录-2026-11-25.csv'));
    await mkdir(path.join(data, '备份'));
    await copyFile(november, path.join(data, '备份', '催办记录-2026-11-25.csv'));

    // December: the saved reminder counts once, so this is the 2nd.
    const dec = await build('2026-12-10');
    expect(dec.items.find((i) => i.id === 'CB-01')).toMatchObject({ reminders: 1, reminderDates: ['2026-11-25'] });
    expect(dec.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const letter = plainText(await readPdf(await readFile(path.join(reminderDir(), '催办通知-学生工作处-CB-01.pdf'))));
    expect(letter).toContain('（第2次催办）');
    const files = (await readdir(reminderDir())).filter((f) => f.endsWith('.csv'));
    expect(files).toEqual(['催办记录-2026-12-10.csv']);
    // Saved beside November's: no name clash, nothing overwritten.
    await copyFile(path.join(reminderDir(), '催办记录-2026-12-10.csv'), path.join(data, '催办记录-2026-12-10.csv'));
    expect((await readdir(data)).filter((f) => f.startsWith('催办记录-')).sort()).toEqual(['催办记录-2026-11-25.csv', '催办记录-2026-12-10.csv']);

    // Later in December: both months count, once each — the 3rd reminder, 重点督办.
    const later = await build('2026-12-18');
    expect(later.items.find((i) => i.id === 'CB-01')).toMatchObject({ reminders: 2, reminderDates: ['2026-11-25', '2026-12-10'], escalate: false });
    const third = plainText(await readPdf(await readFile(path.join(reminderDir(), '催办通知-学生工作处-CB-01.pdf'))));
    expect(third).toContain('（第3次催办）');
    expect(third).toContain('重点督办');
  });
});
