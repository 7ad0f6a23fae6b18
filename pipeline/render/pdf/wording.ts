/** Compiles the wording once; renderers call `say(key, data)`. */
import Handlebars from 'handlebars';
import { DEFAULT_WORDING, type WordingKey } from './wording-defaults.ts';

export type Wording = (key: WordingKey, data?: Record<string, unknown>) => string;

export interface WordingResult {
  say: Wording;
  warnings: string[];
}

/**
 * `overrides` is the parsed templates/pdf/wording.json. Unknown keys and templates that do
 * not compile are reported and the default wording is used instead; the output is plain
 * text for a PDF, so nothing is HTML-escaped.
 */
export function compileWording(overrides: Record<string, unknown>): WordingResult {
  const warnings: string[] = [];
  const hbs = Handlebars.create();
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const key of Object.keys(DEFAULT_WORDING) as WordingKey[]) {
    const custom = overrides[key];
    let source: string = DEFAULT_WORDING[key];
    if (typeof custom === 'string') source = custom;
    else if (custom !== undefined) warnings.push(`templates/pdf/wording.json：「${key}」应为文字，已使用默认措辞`);
    try {
      const template = hbs.compile(source, { noEscape: true, strict: false });
      template({}); // compile errors surface on first call
      compiled.set(key, template);
    } catch (e) {
      warnings.push(`templates/pdf/wording.json：「${key}」模板有误（${(e as Error).message.split('\n')[0]}），已使用默认措辞`);
      compiled.set(key, hbs.compile(DEFAULT_WORDING[key], { noEscape: true }));
    }
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_WORDING) && !key.startsWith('_')) warnings.push(`templates/pdf/wording.json：未知的键「${key}」已忽略`);
  }
  const say: Wording = (key, data = {}) => {
    const template = compiled.get(key);
    return template ? template(data) : '';
  };
  return { say, warnings };
}
