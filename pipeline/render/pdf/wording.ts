/** Compiles wording (Handlebars strings an office may edit) once; renderers call `say(key, data)`. */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { DEFAULT_WORDING, type WordingKey } from './wording-defaults.ts';

export type Wording = (key: WordingKey, data?: Record<string, unknown>) => string;

export interface WordingResult {
  say: Wording;
  warnings: string[];
}

/**
 * One set of wording: `defaults` name every key; `overrides` is the office's parsed JSON file
 * (`file` names it in messages). Unknown keys and templates that do not compile are reported and
 * the default is used instead; the output is plain text for a PDF, so nothing is HTML-escaped.
 */
export function compileWordingSet<K extends string>(
  defaults: Readonly<Record<K, string>>,
  overrides: Record<string, unknown>,
  file: string,
): { say: (key: K, data?: Record<string, unknown>) => string; warnings: string[] } {
  const warnings: string[] = [];
  const hbs = Handlebars.create();
  const compiled = new Map<string, (data: Record<string, unknown>) => string>();
  for (const key of Object.keys(defaults) as K[]) {
    const custom = overrides[key];
    let source: string = defaults[key];
    if (typeof custom === 'string') source = custom;
    else if (custom !== undefined) warnings.push(`${file}：「${key}」应为文字，已使用默认措辞`);
    try {
      const template = hbs.compile(source, { noEscape: true, strict: false });
      const plain = template({}); // compile errors surface on first call
      // Labels without a blank are most of what a form says: no template call per form for them.
      compiled.set(key, source.includes('{{') ? template : () => plain);
    } catch (e) {
      warnings.push(`${file}：「${key}」模板有误（${(e as Error).message.split('\n')[0]}），已使用默认措辞`);
      compiled.set(key, hbs.compile(defaults[key], { noEscape: true }));
    }
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in defaults) && !key.startsWith('_')) warnings.push(`${file}：未知的键「${key}」已忽略`);
  }
  return { say: (key, data = {}) => compiled.get(key)?.(data) ?? '', warnings };
}

/** The 督办 documents' wording: templates/pdf/wording.json over the defaults. */
export function compileWording(overrides: Record<string, unknown>): WordingResult {
  return compileWordingSet(DEFAULT_WORDING, overrides, 'templates/pdf/wording.json');
}

/** A wording file as an object; a missing file is {}, a broken one {} with a Chinese warning. */
export function readWordingFile(path: string, file: string, warnings: string[]): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (e) {
    warnings.push(`${file} 不是有效的 JSON（${(e as Error).message}），已使用默认措辞`);
    return {};
  }
  warnings.push(`${file} 应为一个对象，已使用默认措辞`);
  return {};
}
