/**
 * Issue 13 point 5(b): the 催报通知 and the 催报名单 count 逾期 in working days, as every other
 * document does, across the 国庆 holiday and its make-up Saturday. Real pipeline, real outputs.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../pipeline/model/output.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { analyzeLedgers, readLedgers } from '../../pipeline/app/ledgers.ts';
import { CAMPAIGN_FILES, renderCampaignOutputs } from '../../pipeline/render/campaign.ts';
import { CONFIG, pdfAssets } from '../render/pdf/render-fixture.ts';
import { plainText, readPdf } from '../render/pdf/pdf-reader.ts';

let files: Map<string, OutputFile>;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'duban-submission-'));
  await writeFile(path.join(dir, '报送要求.csv'), '\uFEFF材料,截止日期,报送单位\r\n自查表,2026-09-28,教务处\r\n');
  const analyzed = analyzeLedgers(await readLedgers(dir), '2026-10-12', DEFAULT_OFFICE_CONFIG);
  files = new Map((await renderCampaignOutputs(analyzed.analysis, CONFIG, pdfAssets())).map((f) => [f.path, f]));
});

describe('催报 overdue in working days', () => {
  // (9-28, 10-12]: 9/29, 9/30, 国庆 10/1–10/7 off, 10/8, 10/9, Saturday 10/10 a working day, 10/12 — 6, not 14.
  it('the letter says 6个工作日, not 14天', async () => {
    const letter = files.get('internal/campaign/催报通知/催报通知-教务处.pdf');
    const text = plainText(await readPdf(letter!.bytes as Uint8Array));
    expect(text).toContain('自查表2026年9月28日6个工作日');
    expect(text).not.toContain('14天');
  });

  it('the 催报名单 has the same working days', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files.get(CAMPAIGN_FILES.submissions)!.bytes as Uint8Array) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('催报名单')!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '未报送单位', '欠报材料', '截止日期', '逾期工作日']);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([1, '教务处', '自查表', new Date('2026-09-28T00:00:00Z'), 6]);
  });
});
