/**
 * Wording of the 催报通知 as Handlebars strings. templates/pdf/submission-reminder.json overrides
 * any of them (an office edits sentences there); these defaults keep the build working when the
 * file is missing or a key is left out. Kept apart from wording.json, whose keys belong to the
 * 督办 documents.
 */
import { join } from 'node:path';
import { compileWordingSet, readWordingFile } from '../wording.ts';
import { templateFileLabel } from '../../template-check.ts';

export const SUBMISSION_WORDING_DEFAULTS = {
  title: '关于报送有关材料的催报通知',
  salutation: '{{unit}}：',
  body: '按照学校工作安排，你单位应于规定时间前报送以下材料。截至{{asOf}}，{{officeName}}尚未收到你单位报送的{{materials}}，已超过报送截止日期。请你单位高度重视，接此通知后抓紧报送；确有困难的，请及时与我办联系说明情况。',
  'col.no': '序号',
  'col.material': '应报送材料',
  'col.due': '截止日期',
  'col.overdue': '已逾期',
  overdueDays: '{{#if days}}{{days}}个工作日{{else}}不足1个工作日{{/if}}',
  contact: '联系人：{{contactPerson}}',
  phone: '电话：{{contactPhone}}',
  'file.unit': '催报通知-{{unit}}',
  'file.batch': '催报通知（全部，双面打印）',

  'feedback.title': '关于报送督查督办事项进展情况的催报通知',
  'feedback.body':
    '按照督查督办工作要求，承办单位应按月反馈督办事项的办理进展。截至{{asOf}}，{{officeName}}尚未收到你单位牵头办理的以下{{count}}项督办事项{{month}}的进展反馈，已超过反馈截止日期（{{due}}）。请你单位高度重视，接此通知后抓紧填写《督查督办事项进展反馈表》报送；涉及配合单位的，请汇总配合单位的办理情况后一并反馈。',
  'feedback.col.id': '编号',
  'feedback.col.title': '督办事项',
  'feedback.col.due': '反馈截止日期',
  'feedback.file.unit': '催报通知-{{unit}}',
  'feedback.file.batch': '催报通知（全部，双面打印）',
} as const;

export type SubmissionWordingKey = keyof typeof SUBMISSION_WORDING_DEFAULTS;
export type SubmissionWording = (key: SubmissionWordingKey, data?: Record<string, unknown>) => string;

export interface SubmissionWordingResult {
  say: SubmissionWording;
  /** Chinese, for the build log. */
  warnings: string[];
}

const REL = 'pdf/submission-reminder.json';

/** Pure: `overrides` is the parsed JSON file, `file` names it in warnings. */
export function compileSubmissionWording(overrides: Record<string, unknown> = {}, file = `templates/${REL}`): SubmissionWordingResult {
  return compileWordingSet(SUBMISSION_WORDING_DEFAULTS, overrides, file);
}

/** The only file access of the 催报 documents: read once by the caller, like loadPdfAssets. */
export function loadSubmissionWording(templatesDir: string): SubmissionWordingResult {
  const file = templateFileLabel(templatesDir, REL);
  const warnings: string[] = [];
  const r = compileSubmissionWording(readWordingFile(join(templatesDir, REL), file, warnings), file);
  // The same array the compiled wording adds to, should a sentence fail at render time.
  r.warnings.unshift(...warnings);
  return r;
}
