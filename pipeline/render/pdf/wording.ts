/** Compiles wording (Handlebars strings an office may edit) once; renderers call `say(key, data)`. */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { DEFAULT_WORDING, type WordingKey } from './wording-defaults.ts';
import { KNOWN_HELPERS_ONLY, templateProblem } from '../template-check.ts';
import { jsonProblem } from '../../config/json-problem.ts';

export type Wording = (key: WordingKey, data?: Record<string, unknown>) => string;

export interface WordingResult {
  say: Wording;
  warnings: string[];
}

/**
 * One set of wording: `defaults` name every key; `overrides` is the office's parsed JSON file
 * (`file` names it in messages). Unknown keys and templates that fail the check (template-check.ts:
 * syntax, unknown helpers even inside {{#each}}, a sample render) are reported and the default is
 * used instead; the output is plain text for a PDF, so nothing is HTML-escaped. Should an office
 * template still fail on real data, that one sentence falls back to the default, with a warning.
 */
export function compileWordingSet<K extends string>(
  defaults: Readonly<Record<K, string>>,
  overrides: Record<string, unknown>,
  file: string,
): { say: (key: K, data?: Record<string, unknown>) => string; warnings: string[] } {
  const warnings: string[] = [];
  const hbs = Handlebars.create();
  const options = { ...KNOWN_HELPERS_ONLY, noEscape: true, strict: false };
  const compiled = new Map<string, (data: Record<string, unknown>) => string>();
  const compile = (source: string) => {
    const template = hbs.compile(source, options);
    // Labels without a blank are most of what a form says: no template call per form for them.
    if (source.includes('{{')) return template;
    const plain = template({});
    return () => plain;
  };
  // The built-in wording needs no check and is compiled at its first use: a run that draws nothing
  // (every document kept by the render memo) compiles only the file names it plans.
  const builtIn = (key: K) => {
    let t: ((data: Record<string, unknown>) => string) | undefined;
    return (data: Record<string, unknown>) => (t ??= compile(defaults[key]))(data);
  };
  for (const key of Object.keys(defaults) as K[]) {
    const custom = overrides[key];
    const fallback = builtIn(key);
    // The office's file repeats most sentences as shipped: those are the built-in wording.
    if (custom === undefined || custom === defaults[key]) {
      compiled.set(key, fallback);
      continue;
    }
    const problem = typeof custom === 'string' ? templateProblem(custom, { hbs, compile: options }) : '应为文字';
    if (problem !== null) {
      warnings.push(`${file}「${key}」：${problem}，已改用内置措辞`);
      compiled.set(key, fallback);
      continue;
    }
    const template = compile(custom as string);
    compiled.set(key, (data) => {
      try {
        return template(data);
      } catch (e) {
        const line = `${file}「${key}」：生成时出错（${(e as Error).message.split('\n')[0]}），已改用内置措辞`;
        if (!warnings.includes(line)) warnings.push(line);
        return fallback(data);
      }
    });
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in defaults) && !key.startsWith('_')) warnings.push(`${file}：未知的键「${key}」已忽略`);
  }
  return { say: (key, data = {}) => compiled.get(key)?.(data) ?? '', warnings };
}

/** The 督办 documents' wording: templates/pdf/wording.json over the defaults (`file` names it in warnings). */
export function compileWording(overrides: Record<string, unknown>, file = 'templates/pdf/wording.json'): WordingResult {
  return compileWordingSet(DEFAULT_WORDING, overrides, file);
}

/** A wording file as an object; a missing file is {}, a broken one {} with a Chinese warning. */
export function readWordingFile(path: string, file: string, warnings: string[]): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (e) {
    warnings.push(`${file}：不是有效的 JSON（${jsonProblem(text, e)}），全部改用内置措辞`);
    return {};
  }
  warnings.push(`${file}：应为一个 {…} 对象，全部改用内置措辞`);
  return {};
}
