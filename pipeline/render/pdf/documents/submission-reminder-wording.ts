/**
 * Wording of the 催报通知 as Handlebars strings. templates/pdf/submission-reminder.json overrides
 * any of them (an office edits sentences there); these defaults keep the build working when the
 * file is missing or a key is left out. Kept apart from wording.json, whose keys belong to the
 * 督办 documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

export const SUBMISSION_WORDING_DEFAULTS = {
  title: '关于报送有关材料的催报通知',
  salutation: '{{unit}}：',
  body:
    '按照学校工作安排，你单位应于规定时间前报送以下材料。截至{{asOf}}，{{officeName}}尚未收到你单位报送的{{materials}}，已超过报送截止日期。请你单位高度重视，接此通知后抓紧报送；确有困难的，请及时与我办联系说明情况。',
  'col.no': '序号',
  'col.material': '应报送材料',
  'col.due': '截止日期',
  'col.overdue': '已逾期',
  overdueDays: '{{days}}天',
  contact: '联系人：{{contactPerson}}',
  phone: '电话：{{contactPhone}}',
  'file.unit': '催报通知-{{unit}}',
  'file.batch': '催报通知（全部，双面打印）',
} as const;

export type SubmissionWordingKey = keyof typeof SUBMISSION_WORDING_DEFAULTS;
export type SubmissionWording = (key: SubmissionWordingKey, data?: Record<string, unknown>) => string;

export interface SubmissionWordingResult {
  say: SubmissionWording;
  /** Chinese, for the build log. */
  warnings: string[];
}

const FILE = 'templates/pdf/submission-reminder.json';

/** Pure: `overrides` is the parsed JSON file. Plain text for a PDF, so nothing is HTML-escaped. */
export function compileSubmissionWording(overrides: Record<string, unknown> = {}): SubmissionWordingResult {
  const warnings: string[] = [];
  const hbs = Handlebars.create();
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const key of Object.keys(SUBMISSION_WORDING_DEFAULTS) as SubmissionWordingKey[]) {
    const custom = overrides[key];
    let source: string = SUBMISSION_WORDING_DEFAULTS[key];
    if (typeof custom === 'string') source = custom;
    else if (custom !== undefined) warnings.push(`${FILE}：「${key}」应为文字，已使用默认措辞`);
    try {
      const template = hbs.compile(source, { noEscape: true });
      template({}); // compile errors surface on first call
      compiled.set(key, template);
    } catch (e) {
      warnings.push(`${FILE}：「${key}」模板有误（${(e as Error).message.split('\n')[0]}），已使用默认措辞`);
      compiled.set(key, hbs.compile(SUBMISSION_WORDING_DEFAULTS[key], { noEscape: true }));
    }
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in SUBMISSION_WORDING_DEFAULTS) && !key.startsWith('_')) warnings.push(`${FILE}：未知的键「${key}」已忽略`);
  }
  return { say: (key, data = {}) => compiled.get(key)?.(data) ?? '', warnings };
}

/** The only file access of the 催报 documents: read once by the caller, like loadPdfAssets. */
export function loadSubmissionWording(templatesDir: string): SubmissionWordingResult {
  let text: string;
  try {
    text = readFileSync(join(templatesDir, 'pdf', 'submission-reminder.json'), 'utf8');
  } catch {
    return compileSubmissionWording();
  }
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return compileSubmissionWording(parsed as Record<string, unknown>);
    const r = compileSubmissionWording();
    return { say: r.say, warnings: [`${FILE} 应为一个对象，已使用默认措辞`] };
  } catch (e) {
    const r = compileSubmissionWording();
    return { say: r.say, warnings: [`${FILE} 不是有效的 JSON（${(e as Error).message}），已使用默认措辞`] };
  }
}
