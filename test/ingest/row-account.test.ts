/**
 * Row accounting: the guard `check` and `build` run after validation (pipeline/cli/pipeline.ts).
 * Every row a table passed on is a record, or the row of an error or info issue; any other is
 * reported as E_ROW_LOST, so a row duban itself loses cannot pass as 台账检查通过.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLedgers, readLedgers } from '../../pipeline/app/ledgers.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { lostRowIssues, unaccountedRows } from '../../pipeline/ingest/row-account.ts';
import type { IsoDate } from '../../pipeline/model/dates.ts';
import { issue } from '../../pipeline/model/issue.ts';
import type { RawTable } from '../../pipeline/model/ledger.ts';
import type { Records } from '../../pipeline/model/records.ts';

const AS_OF = '2026-11-25' as IsoDate;
const DATA = ['data', 'test/fixtures/e2e/basic', 'test/fixtures/e2e/broken', 'test/fixtures/e2e/gbk-title', 'test/fixtures/e2e/unclosed-quote', 'test/fixtures/campaign', 'test/fixtures/ingest'].map(
  (d) => path.join(import.meta.dirname, '../..', d),
);

const table = (file: string, rows: number[]): RawTable => ({
  file,
  kind: 'items',
  headerRow: 1,
  headerText: {},
  fileValues: {},
  baseName: 'x',
  rows: rows.map((row) => ({ row, values: {} })),
});
const none = (): Records =>
  ({
    items: [],
    reminders: [],
    units: [],
    holidays: [],
    selfChecks: [],
    rectifications: [],
    regulations: [],
    disclosures: [],
    submissionRequirements: [],
    submissionEvidence: [],
  }) as unknown as Records;

describe('row accounting', () => {
  it('finds a row that is neither a record nor named by an error or info issue', () => {
    const records = none();
    (records.items as unknown[]).push({ file: 'a.csv', row: 2 });
    const issues = [
      issue('error', 'E_DATE', { file: 'a.csv', row: 3 }, 'x'),
      issue('info', 'I_NOTE_ROW', { file: 'a.csv', row: 4 }, 'x'),
      issue('warning', 'W_UNKNOWN_UNIT', { file: 'a.csv', row: 5 }, 'a warning keeps a row, it does not account for one'),
      issue('error', 'E_DATE', { file: 'b.csv', row: 6 }, 'another file'),
    ];
    const lost = unaccountedRows([table('a.csv', [2, 3, 4, 5, 6])], records, issues);
    expect(lost).toEqual([
      { file: 'a.csv', row: 5 },
      { file: 'a.csv', row: 6 },
    ]);
    expect(lostRowIssues(lost).map((i) => [i.severity, i.code, i.file, i.row])).toEqual([
      ['error', 'E_ROW_LOST', 'a.csv', 5],
      ['error', 'E_ROW_LOST', 'a.csv', 6],
    ]);
  });

  it('loses no row of the sample data or any fixture', async () => {
    for (const dir of DATA) {
      const ledgers = await readLedgers(dir);
      const { records, analysis } = analyzeLedgers(ledgers, AS_OF, DEFAULT_OFFICE_CONFIG);
      expect(unaccountedRows(ledgers.tables, records, analysis.issues), dir).toEqual([]);
      expect(
        analysis.issues.filter((i) => i.code === 'E_ROW_LOST'),
        dir,
      ).toEqual([]);
    }
  });

  it('accounts for a 催办记录, 进展反馈 or 审核记录 of an item that has an error (they used to vanish)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-account-'));
    try {
      await writeFile(path.join(dir, '事项.csv'), '编号,事项,承办单位,立项日期\nA-1,甲,教务处,2026-02-30\nA-2,乙,教务处,2026-02-01\n');
      await writeFile(path.join(dir, '催办.csv'), '编号,催办日期,催办方式\nA-1,2026-10-01,OA\nA-2,2026-10-01,OA\n');
      await writeFile(path.join(dir, '反馈.csv'), '编号,反馈日期,填报单位,本期进展\nA-1,2026-11-20,教务处,进行中\nA-2,2026-11-20,教务处,进行中\n');
      await writeFile(path.join(dir, '审核.csv'), '编号,审核结果,审核日期\nA-1,通过,2026-11-21\n');
      const { analysis } = analyzeLedgers(await readLedgers(dir), AS_OF, DEFAULT_OFFICE_CONFIG);
      for (const file of ['催办.csv', '反馈.csv', '审核.csv']) {
        expect(
          analysis.issues.filter((i) => i.file === file).map((i) => [i.severity, i.code, i.row]),
          file,
        ).toEqual([['info', 'I_SKIPPED_ROW', 2]]);
      }
      expect(analysis.issues.filter((i) => i.code === 'E_ROW_LOST')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('row accounting of a 发文登记 saved twice', () => {
  it('names the repeated rows instead of losing them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-account-'));
    try {
      await writeFile(path.join(dir, '事项.csv'), '编号,事项,承办单位,立项日期,办结时限\nA-1,甲,教务处,2026-11-02,12月底\n');
      const register = '文号,标题,发文日期,主送单位,编号\n校督办〔2026〕41号,关于督办事项的通知,2026-11-03,教务处,A-1\n';
      await writeFile(path.join(dir, '发文登记-2026-11.csv'), register);
      await writeFile(path.join(dir, '发文登记-副本.csv'), register);
      const { analysis } = analyzeLedgers(await readLedgers(dir), AS_OF, DEFAULT_OFFICE_CONFIG);
      expect(analysis.issues.filter((i) => i.code === 'E_ROW_LOST')).toEqual([]);
      expect(analysis.issues.filter((i) => i.file === '发文登记-副本.csv').map((i) => [i.severity, i.code, i.row])).toEqual([['info', 'I_SKIPPED_ROW', 2]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
