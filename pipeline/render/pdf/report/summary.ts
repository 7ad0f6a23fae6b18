/**
 * The report's 总体情况 paragraphs, written from the numbers through an editable Handlebars
 * template (templates/report/summary.hbs) so an office can change the wording without code.
 * Variable names are Chinese because the people editing the template are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { chineseDate } from '../../../model/dates.ts';
import type { ReportData } from '../../../aggregate/report-data.ts';
import { periodDeictic, rateWord } from '../../words.ts';
import { KNOWN_HELPERS_ONLY, templateFileLabel, templateProblem } from '../../template-check.ts';

/** The built-in wording; templates/report/summary.hbs ships with the same text. */
export const DEFAULT_SUMMARY_TEMPLATE = [
  '{{#if 总数}}',
  '{{期间}}（{{期间名称}}）共督办事项{{总数}}项，其中上期结转{{结转}}项，{{期间}}新交办{{新交办}}项。',
  '截至{{截止日期}}，{{#if 已办结}}已办结{{已办结}}项，其中按期办结{{按期办结}}项{{#if 逾期办结}}、逾期办结{{逾期办结}}项{{/if}}{{else}}尚无办结事项{{/if}}；',
  '{{#if 有办结率}}按期办结率{{按期办结率}}{{else}}尚无到期应办结事项{{/if}}；',
  '{{#if 逾期未办结}}逾期未办结{{逾期未办结}}项，涉及{{逾期单位}}{{else}}无逾期未办结事项{{/if}}',
  '{{#if 办理中}}；正在办理{{办理中}}项{{#if 即将到期}}，其中{{即将到期}}项即将到期{{/if}}{{/if}}{{#if 无法办结}}；无法办结{{无法办结}}项{{/if}}。',
  '{{else}}',
  '{{期间}}（{{期间名称}}）无督办事项。',
  '{{/if}}',
  '',
  '{{#if 从重事项}}经督查督办工作办公室督办3次以上仍未办结的事项{{从重事项}}项，依规从重或者加重问责，请相关单位主要负责人亲自督促落实。{{/if}}',
  '{{#if 抽查数}}按照回访复查要求，{{#if 全部抽取}}{{期间}}办结的{{抽查总体}}项事项全部列入回访复查{{else}}从{{期间}}办结的{{抽查总体}}项事项中随机抽取{{抽查数}}项进行复查{{/if}}，复查结果列入单位年度考核。{{/if}}',
].join('\n');

/** More units than this are summarised as 「A、B、C等N个单位」. */
const UNITS_NAMED = 5;

export interface SummaryTemplate {
  source: string;
  warnings: string[];
}

/**
 * Reads templates/report/summary.hbs; a missing file, or one that fails the check (syntax, unknown
 * helpers or partials, a sample render: template-check.ts), falls back to the built-in wording.
 */
export function loadSummaryTemplate(templatesDir: string): SummaryTemplate {
  let source: string;
  try {
    source = readFileSync(join(templatesDir, 'report', 'summary.hbs'), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return { source: DEFAULT_SUMMARY_TEMPLATE, warnings: [] };
  }
  const problem = templateProblem(source, { hbs: Handlebars.create(), compile: COMPILE });
  if (problem === null) return { source, warnings: [] };
  return { source: DEFAULT_SUMMARY_TEMPLATE, warnings: [`${templateFileLabel(templatesDir, 'report/summary.hbs')}：${problem}，已改用内置措辞`] };
}

/** The values the template can use. */
export function summaryValues(data: ReportData): Record<string, string | number | boolean> {
  const t = data.totals;
  const overdueUnits = [...new Set(data.overdue.map((i) => i.leadUnit ?? '未明确承办单位'))];
  const escalated = data.items.filter((i) => i.escalate && i.status === 'overdue').length;
  return {
    期间: periodDeictic(data.period.kind),
    期间名称: data.period.label,
    截止日期: chineseDate(data.cutoff),
    总数: t.total,
    结转: data.carriedOver,
    新交办: data.assignedInPeriod,
    已办结: t.done,
    按期办结: t.doneOnTime,
    逾期办结: t.doneLate,
    期内办结: data.closedInPeriod,
    有办结率: t.onTimeRate !== null,
    按期办结率: rateWord(t.onTimeRate),
    逾期未办结: t.overdue,
    逾期单位: unitList(overdueUnits),
    办理中: data.inProgress,
    即将到期: t.dueSoon,
    无法办结: t.closedUnfinished,
    从重事项: escalated,
    抽查数: data.recheck.items.length,
    抽查总体: data.recheck.population,
    全部抽取: data.recheck.population > 0 && data.recheck.items.length >= data.recheck.population,
  };
}

/** Paragraphs of the summary: blank lines separate them, other line breaks are for editing only. */
export function summaryParagraphs(data: ReportData, source: string = DEFAULT_SUMMARY_TEMPLATE): string[] {
  let text: string;
  try {
    text = compile(source)(summaryValues(data));
  } catch {
    text = compile(DEFAULT_SUMMARY_TEMPLATE)(summaryValues(data));
  }
  return text
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, '').trim())
    .filter((p) => p !== '');
}

// Plain text, not HTML: no escaping. Unknown names print nothing rather than failing a build.
const COMPILE = { ...KNOWN_HELPERS_ONLY, noEscape: true, strict: false };

function compile(source: string): HandlebarsTemplateDelegate {
  return Handlebars.compile(source, COMPILE);
}

function unitList(units: string[]): string {
  if (units.length <= UNITS_NAMED) return units.join('、');
  return `${units.slice(0, UNITS_NAMED).join('、')}等${units.length}个单位`;
}
