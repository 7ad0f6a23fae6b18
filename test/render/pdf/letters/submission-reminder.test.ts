import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../../pipeline/model/output.ts';
import { renderCampaignOutputs } from '../../../../pipeline/render/campaign.ts';
import { SUBMISSION_WORDING_DEFAULTS, compileSubmissionWording, loadSubmissionWording } from '../../../../pipeline/render/pdf/letters/submission-reminder-wording.ts';
import { seed000Analysis } from '../../../campaign/seed000-expected.ts';
import { CONFIG, TEMPLATES, pdfAssets } from '../render-fixture.ts';
import { FOOTER_BELOW_MM, plainText, readPdf, type PdfPage } from '../pdf-reader.ts';

const FOLDER = 'internal/campaign/催报通知';
let files: Map<string, OutputFile>;

async function pages(name: string): Promise<PdfPage[]> {
  const f = files.get(`${FOLDER}/${name}.pdf`);
  if (!f) throw new Error(`missing ${name}; have ${[...files.keys()].join(', ')}`);
  return readPdf(f.bytes);
}

beforeAll(async () => {
  const out = await renderCampaignOutputs(seed000Analysis(), CONFIG, pdfAssets(), loadSubmissionWording(TEMPLATES).say);
  files = new Map(out.map((f) => [f.path, f]));
});

describe('催报通知 per unit', () => {
  it('names the unit, what it owes and the due date, on A4', async () => {
    const p = await pages('催报通知-党政办公室');
    expect(p[0]!.widthMm).toBeCloseTo(210, 0);
    expect(p[0]!.heightMm).toBeCloseTo(297, 0);
    const text = plainText(p);
    expect(text).toContain('关于报送有关材料的催报通知');
    expect(text).toContain('党政办公室：');
    expect(text).toContain('截至2022年12月10日，示范大学督查督办工作办公室尚未收到你单位报送的《自查表》');
    // 逾期 in working days, as everywhere else: 11/14–12/9 on weekdays, not 28 calendar days.
    expect(text).toContain('自查表2022年11月12日20个工作日');
    expect(text).not.toContain('28天');
    expect(text).toContain('联系人：李文静');
    expect(text).toContain('电话：0771-2687015');
    // 落款: the office and the as-of date.
    expect(text).toMatch(/示范大学督查督办工作办公室2022年12月10日/);
  });

  it('lists only what the unit still owes', async () => {
    const text = plainText(await pages('催报通知-科技处'));
    expect(text).toContain('科技处：');
    expect(text).toContain('整改表2022年12月1日6个工作日');
    expect(text).not.toContain('2022年11月12日');
  });

  it('no letter for units that sent everything or whose forms are not yet due', () => {
    for (const unit of ['教务处', '人事处']) expect(files.has(`${FOLDER}/催报通知-${unit}.pdf`)).toBe(false);
  });
});

describe('催报通知 batch', () => {
  it('holds every letter, each starting on an odd page numbered from 1', async () => {
    const p = await pages('催报通知（全部，双面打印）');
    const starts = p.map((page, k) => ({ k: k + 1, text: plainText([page]) })).filter((x) => x.text.includes('关于报送有关材料的催报通知'));
    expect(starts.map((s) => s.k % 2)).toEqual([1, 1, 1, 1]);
    expect(starts.map((s) => /^关于报送有关材料的催报通知(.+?)：/.exec(s.text)?.[1])).toEqual(['党政办公室', '科技处', '团委', '学生工作处']);
    for (const s of starts) {
      const footer = p[s.k - 1]!.items.filter((it) => it.baseline > FOOTER_BELOW_MM)
        .map((it) => it.str)
        .join('');
      expect(footer.replace(/\s/g, '')).toBe('—1—');
    }
  });
});

describe('催报 wording', () => {
  it('templates/pdf/submission-reminder.json holds every key, with no warnings', () => {
    const json = JSON.parse(readFileSync(join(TEMPLATES, 'pdf', 'submission-reminder.json'), 'utf8')) as Record<string, string>;
    expect(
      Object.keys(json)
        .filter((k) => !k.startsWith('_'))
        .sort(),
    ).toEqual(Object.keys(SUBMISSION_WORDING_DEFAULTS).sort());
    for (const [k, v] of Object.entries(SUBMISSION_WORDING_DEFAULTS)) expect(json[k]).toBe(v);
    expect(loadSubmissionWording(TEMPLATES).warnings).toEqual([]);
  });

  it('an office override is used; bad keys and templates fall back with a warning', () => {
    const r = compileSubmissionWording({ title: '关于报送《{{unit}}制度执行情况自查表》的通知', body: '{{#if}}', extra: 'x', _note: 'ignored' });
    expect(r.say('title', { unit: '团委' })).toBe('关于报送《团委制度执行情况自查表》的通知');
    expect(r.say('body', { materials: '《自查表》', asOf: '2022年12月10日', officeName: '办' })).toContain('《自查表》');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings.join('\n')).toMatch(/「body」：语法错误[\s\S]*未知的键「extra」/);
  });

  it('a missing file gives the defaults', () => {
    const r = loadSubmissionWording('/nonexistent');
    expect(r.warnings).toEqual([]);
    expect(r.say('salutation', { unit: '团委' })).toBe('团委：');
  });
});
