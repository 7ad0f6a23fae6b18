/**
 * Checks an office-edited Handlebars template before it is used: parsed, walked (helpers,
 * partials, the arity of the built-in helpers, and for web pages the refusal of unescaped output),
 * compiled, and rendered once with a sample context in which every name exists and every list has
 * one entry, so the body of each {{#each}} and {{#if}} runs too. A template that passes cannot
 * fail at render time for want of a helper or a partial. Problems are said in Chinese, with the line.
 *
 * Only Handlebars' built-in helpers exist (duban registers none), so templates are compiled with
 * `knownHelpersOnly`: the same options here and for the real render.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export type Hbs = typeof Handlebars;
type Node = hbs.AST.Node;

/** The helpers a template may call, with the number of arguments each takes. */
const BUILTIN_HELPERS: Readonly<Record<string, { min: number; max: number }>> = {
  if: { min: 1, max: 1 },
  unless: { min: 1, max: 1 },
  with: { min: 1, max: 1 },
  each: { min: 1, max: 1 },
  lookup: { min: 2, max: 2 },
  log: { min: 1, max: Infinity },
};

/** Options of every office template's compile: no helper exists beyond the built-in ones. */
export const KNOWN_HELPERS_ONLY = { knownHelpersOnly: true } as const;

export interface TemplateCheck {
  /** The compiler whose partials the template may use (registered before the check). */
  hbs: Hbs;
  /** Options of the real compile (noEscape for plain text); knownHelpersOnly is added. */
  compile?: CompileOptions;
  /** Web pages: refuse {{{ }}} and {{& }}, which would print spreadsheet text unescaped. */
  escapedOnly?: boolean;
  /** A partial: dry-run it as `{{#> name}}…{{/name}}` (it may need a partial block). */
  asPartial?: string;
}

/** Why `text` cannot be used, in Chinese, or null when it can. */
export function templateProblem(text: string, check: TemplateCheck): string | null {
  let program: hbs.AST.Program;
  try {
    program = check.hbs.parse(text);
  } catch (e) {
    return syntaxProblem(e);
  }
  const walked = walkProblem(program, check);
  if (walked !== null) return walked;
  const options = { ...check.compile, ...KNOWN_HELPERS_ONLY };
  try {
    if (check.asPartial === undefined) {
      check.hbs.compile(text, options)(sampleContext());
    } else {
      const scratch = Handlebars.create();
      for (const [name, partial] of Object.entries(check.hbs.partials)) scratch.registerPartial(name, partial as string);
      scratch.registerPartial(check.asPartial, text);
      scratch.compile(`{{#> ${check.asPartial}}}示例{{/${check.asPartial}}}`, options)(sampleContext());
    }
    return null;
  } catch (e) {
    return renderProblem(e);
  }
}

function walkProblem(program: hbs.AST.Program, check: TemplateCheck): string | null {
  const partials = new Set([...Object.keys(check.hbs.partials), '@partial-block']);
  if (check.asPartial !== undefined) partials.add(check.asPartial);
  collectInlinePartials(program, partials);
  let problem: string | null = null;
  const at = (n: Node) => `（第 ${n.loc?.start.line ?? '?'} 行）`;
  const visit = (n: Node | null | undefined): void => {
    if (!n || problem !== null) return;
    switch (n.type) {
      case 'Program':
        for (const s of (n as hbs.AST.Program).body) visit(s);
        return;
      case 'MustacheStatement':
      case 'BlockStatement':
      case 'SubExpression': {
        const call = n as hbs.AST.MustacheStatement & { program?: hbs.AST.Program; inverse?: hbs.AST.Program };
        if (check.escapedOnly && n.type === 'MustacheStatement' && !call.escaped) {
          problem = `不允许使用三花括号 {{{ }}} 或 {{& }}${at(n)}：表格中的文字必须转义后输出`;
          return;
        }
        problem = callProblem(call, n.type === 'SubExpression', at(n));
        for (const p of call.params) visit(p);
        for (const pair of call.hash?.pairs ?? []) visit(pair.value);
        visit(call.program);
        visit(call.inverse);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const p = n as hbs.AST.PartialBlockStatement;
        const name = partialName(p.name);
        if (name === null) problem = `不支持动态子模板 {{> (…)}}${at(n)}`;
        else if (!partials.has(name)) problem = `未知的子模板「${name}」${at(n)}，可用的子模板：${[...partials].filter((x) => x !== '@partial-block').join('、') || '无'}`;
        for (const x of p.params) visit(x);
        for (const pair of p.hash?.pairs ?? []) visit(pair.value);
        visit(p.program);
        return;
      }
      case 'DecoratorBlock':
      case 'Decorator': {
        const d = n as hbs.AST.DecoratorBlock;
        if (d.path.original !== 'inline') problem = `不支持修饰器 {{* ${d.path.original}}}${at(n)}`;
        visit(d.program);
        return;
      }
      default:
        return;
    }
  };
  visit(program);
  return problem;
}

/** A helper call (arguments, a hash, or a subexpression) must name a built-in helper and give it its arguments. */
function callProblem(call: hbs.AST.MustacheStatement, sub: boolean, at: string): string | null {
  const path = call.path as hbs.AST.PathExpression;
  if (path.type !== 'PathExpression' || path.data || path.parts.length !== 1 || path.depth > 0) return null;
  const name = path.original;
  const spec = BUILTIN_HELPERS[name];
  const isCall = sub || call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
  if (!spec) return isCall ? `未知的辅助函数「${name}」${at}，只能使用 ${Object.keys(BUILTIN_HELPERS).join('、')}` : null;
  const n = call.params.length;
  if (n < spec.min || n > spec.max) {
    const want = spec.min === spec.max ? `${spec.min} 个` : `至少 ${spec.min} 个`;
    return `辅助函数「${name}」需要 ${want}参数，这里有 ${n} 个${at}`;
  }
  return null;
}

function partialName(name: hbs.AST.PathExpression | hbs.AST.SubExpression): string | null {
  if (name.type === 'PathExpression') return (name as hbs.AST.PathExpression).original;
  const literal = name as unknown as { type: string; value?: unknown };
  if (literal.type === 'StringLiteral' || literal.type === 'NumberLiteral') return String(literal.value);
  return null;
}

function collectInlinePartials(n: Node | null | undefined, into: Set<string>): void {
  if (!n) return;
  const any = n as unknown as { type: string; body?: Node[]; program?: Node; inverse?: Node; path?: hbs.AST.PathExpression; params?: { type: string; value?: unknown }[] };
  if (any.type === 'DecoratorBlock' && any.path?.original === 'inline' && any.params?.[0]?.type === 'StringLiteral') into.add(String(any.params[0].value));
  for (const s of any.body ?? []) collectInlinePartials(s, into);
  collectInlinePartials(any.program, into);
  collectInlinePartials(any.inverse, into);
}

function syntaxProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const line = /on line (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+/.exec(message)?.[1];
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  const where = line ? `（第 ${line} 行）` : '';
  if (mismatch) return `语法错误${where}：{{/${mismatch[2]}}} 与 {{#${mismatch[1]}}} 不配对`;
  return `语法错误${where}：{{ }} 未闭合，或 {{#…}} 缺少对应的 {{/…}}`;
}

function renderProblem(e: unknown): string {
  const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  if (e instanceof RangeError) return '子模板互相引用，无限循环';
  const helper = /unknown helper (\S+)/.exec(message)?.[1] ?? /Missing helper: "([^"]+)"/.exec(message)?.[1];
  if (helper) return `未知的辅助函数「${helper}」`;
  const partial = /The partial (\S+) could not be found/.exec(message)?.[1];
  if (partial) return `未知的子模板「${partial}」`;
  return `试生成时出错（${message}）`;
}

const SAMPLE_TEXT = '示例';

/**
 * A context in which every name exists: each value prints as 「示例」, is truthy, and is also a
 * list of one such value, so {{#if}}, {{#with}} and {{#each}} all enter their body.
 */
export function sampleContext(): object {
  const node = (): object => {
    const children = new Map<string, object>();
    const child = (key: string): object => {
      let c = children.get(key);
      if (!c) children.set(key, (c = node()));
      return c;
    };
    return new Proxy([SAMPLE_TEXT], {
      get(target, key) {
        if (key === Symbol.toPrimitive) return () => SAMPLE_TEXT;
        if (typeof key === 'symbol') return Reflect.get(target, key);
        if (key === 'length') return 1;
        // Handlebars asks for toHTML before printing; a promise-like or JSON hook would mislead others.
        if (key === 'toHTML' || key === 'then' || key === 'toJSON') return undefined;
        if (key === 'toString' || key === 'valueOf') return () => SAMPLE_TEXT;
        return child(key);
      },
      has: () => true,
      // Own, so Handlebars' prototype-access guard lets every name through without a console warning.
      getOwnPropertyDescriptor(target, key) {
        const own = Reflect.getOwnPropertyDescriptor(target, key);
        if (own || typeof key === 'symbol') return own;
        return { value: child(key), writable: true, enumerable: false, configurable: true };
      },
    });
  };
  return node();
}

/** The templates folder shipped with duban, which an office may edit in place. */
export const PACKAGE_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * How a warning names a template file: `templates/…` for duban's own folder (what the office
 * edits in place), otherwise the path as the office typed it, relative to where duban runs.
 */
export function templateFileLabel(templatesDir: string, rel: string): string {
  const abs = path.resolve(templatesDir, rel);
  if (path.resolve(templatesDir) === path.resolve(PACKAGE_TEMPLATES_DIR)) return `templates/${rel}`;
  const fromCwd = path.relative(process.cwd(), abs);
  return (fromCwd.startsWith('..') || path.isAbsolute(fromCwd) ? abs : fromCwd).split(path.sep).join('/');
}
