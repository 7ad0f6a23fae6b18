/**
 * An office's broken template, run through the real CLI in a child process: each case copies
 * templates/ to a temporary folder, breaks one file, builds with --templates. The build must
 * finish (exit 0 on the clean fixture), name the file and the problem in its summary (text and
 * --json) and in `duban check`, and write the outputs from the built-in template.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../render/pdf/pdf-reader.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/duban.js');
const BASIC = path.join(ROOT, 'test/fixtures/e2e/basic');
const AS_OF = '2026-11-25';
/** Text put into each broken template: it must not reach any output. */
const MARK = '本单位改写的文字';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function duban(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

/** A copy of templates/ with `rel` rewritten by `edit`. */
async function brokenTemplates(rel: string, edit: (text: string) => string): Promise<{ dir: string; out: string }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'duban-tpl-e2e-'));
  const dir = path.join(base, '模板');
  await cp(path.join(ROOT, 'templates'), dir, { recursive: true });
  const file = path.join(dir, rel);
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return { dir, out: path.join(base, 'out') };
}

async function build(dir: string, out: string, ...extra: string[]): Promise<Run> {
  return duban(['build', '--data', BASIC, '--out', out, '--as-of', AS_OF, '--templates', dir, '--no-images', ...extra]);
}

/** The summary line about `rel`: it names the file as given (inside the --templates folder) and what was used instead. */
function warningLine(text: string, rel: string): string {
  const line = text.split('\n').find((l) => l.includes(`模板/${rel}`));
  expect(line, `no warning naming ${rel} in:\n${text}`).toBeDefined();
  return line!;
}

async function pdfText(file: string): Promise<string> {
  return (await readPdf(await readFile(file)))
    .map((p) => p.text)
    .join('')
    .replace(/\s/g, '');
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

describe('a broken office template falls back to the built-in one, and says so', () => {
  it('an unknown helper in a page template (html/bulletin.hbs)', async () => {
    const { dir, out } = await brokenTemplates('html/bulletin.hbs', (t) => t.replace('<article class="bulletin">', `<article class="bulletin">{{shout b.cutoff}}${MARK}`));
    const r = await build(dir, out);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
    const line = warningLine(r.out, 'html/bulletin.hbs');
    expect(line).toContain('未知的辅助函数「shout」');
    expect(line).toContain('已改用内置模板');
    const page = await readFile(path.join(out, 'public/bulletin/2026-11.html'), 'utf8');
    expect(page).toContain('督查督办工作通报');
    expect(page).not.toContain(MARK);
  });

  it('a missing partial (html/unit.hbs)', async () => {
    const { dir, out } = await brokenTemplates('html/unit.hbs', (t) => t.replace('{{> legend}}', `{{> legend}}{{#each u.lead}}{{> item-row}}{{/each}}${MARK}`));
    const r = await build(dir, out);
    expect(r.code).toBe(0);
    expect(warningLine(r.out, 'html/unit.hbs')).toContain('未知的子模板「item-row」');
    const units = (await filesUnder(path.join(out, 'public'))).filter((f) => f.startsWith('units/') && f.endsWith('.html'));
    expect(units.length).toBeGreaterThan(0);
    const unit = await readFile(path.join(out, 'public', units[0]!), 'utf8');
    expect(unit).toContain('牵头的督办事项');
    expect(unit).not.toContain(MARK);
  });

  it('an unknown helper inside {{#each}} in templates/pdf/wording.json (nothing to iterate at load: caught anyway)', async () => {
    const { dir, out } = await brokenTemplates('pdf/wording.json', (t) => {
      const w = JSON.parse(t) as Record<string, string>;
      w['reminder.body'] = `{{#each items}}{{shout this}}{{/each}}${MARK}`;
      return JSON.stringify(w, null, 2);
    });
    const r = await build(dir, out);
    expect(r.code).toBe(0);
    const line = warningLine(r.out, 'pdf/wording.json');
    expect(line).toContain('「reminder.body」');
    expect(line).toContain('未知的辅助函数「shout」');
    expect(line).toContain('已改用内置措辞');
    const letters = (await readdir(path.join(out, 'internal/催办通知'))).filter((f) => f.startsWith('催办通知-') && f.endsWith('.pdf'));
    expect(letters.length).toBe(2);
    const text = await pdfText(path.join(out, 'internal/催办通知', letters[0]!));
    expect(text).toContain('特此催办');
    expect(text).not.toContain(MARK);
  });

  it('a refused triple-stash {{{ }}} (html/partials/counts.hbs)', async () => {
    const { dir, out } = await brokenTemplates('html/partials/counts.hbs', (t) => t.replace('{{counts.total}}', `{{{counts.total}}}${MARK}`));
    const r = await build(dir, out);
    expect(r.code).toBe(0);
    expect(warningLine(r.out, 'html/partials/counts.hbs')).toContain('三花括号');
    const index = await readFile(path.join(out, 'public/index.html'), 'utf8');
    expect(index).toContain('<dl class="stats">');
    expect(index).not.toContain(MARK);
  });

  it('a wording.json that is not JSON', async () => {
    const { dir, out } = await brokenTemplates('pdf/wording.json', (t) => t.replace(/\}\s*$/, `, "reminder.title": "${MARK}",\n}\n`));
    const r = await build(dir, out);
    expect(r.code).toBe(0);
    const line = warningLine(r.out, 'pdf/wording.json');
    expect(line).toMatch(/不是有效的 JSON（第 \d+ 行第 \d+ 列附近/);
    expect(line).toContain('全部改用内置措辞');
    const letters = (await readdir(path.join(out, 'internal/催办通知'))).filter((f) => f.startsWith('催办通知-') && f.endsWith('.pdf'));
    const text = await pdfText(path.join(out, 'internal/催办通知', letters[0]!));
    expect(text).toContain('督查督办事项催办通知');
    expect(text).not.toContain(MARK);
  });

  it('build --json and check (text and --json) carry the same warnings', async () => {
    const { dir, out } = await brokenTemplates('html/bulletin.hbs', (t) => t.replace('<article class="bulletin">', '<article class="bulletin">{{shout b.cutoff}}'));
    const json = await build(dir, out, '--json');
    expect(json.code).toBe(0);
    const built = JSON.parse(json.out) as { templateWarnings: string[] };
    expect(built.templateWarnings).toHaveLength(1);
    expect(built.templateWarnings[0]).toMatch(/模板\/html\/bulletin\.hbs：未知的辅助函数「shout」（第 \d+ 行）/);

    const check = await duban(['check', '--data', BASIC, '--as-of', AS_OF, '--templates', dir]);
    expect(check.code).toBe(0);
    expect(warningLine(check.out, 'html/bulletin.hbs')).toContain('未知的辅助函数「shout」');
    const checkJson = await duban(['check', '--data', BASIC, '--as-of', AS_OF, '--templates', dir, '--json']);
    expect((JSON.parse(checkJson.out) as { templateWarnings: string[] }).templateWarnings).toEqual(built.templateWarnings);
  });

  it('an unchanged copy of templates/ gives no warning (the checks pass every shipped template)', async () => {
    const { dir, out } = await brokenTemplates('office.json', (t) => t);
    const r = await build(dir, out, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { templateWarnings: string[] }).templateWarnings).toEqual([]);
  });
});

describe('--templates that is not a folder', () => {
  it.each([
    ['does not exist', (base: string) => path.join(base, '没有这个文件夹'), '不存在'],
    ['is a file', (base: string) => path.join(base, '模板/office.json'), '是一个文件，不是文件夹'],
  ])('%s: exit 2 with a Chinese message, nothing written', async (_case, where, says) => {
    const { dir, out } = await brokenTemplates('office.json', (t) => t);
    const target = where(path.dirname(dir));
    for (const command of ['build', 'check']) {
      const r = await duban([command, '--data', BASIC, '--out', out, '--as-of', AS_OF, '--templates', target]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`模板目录「${target}」${says}`);
      expect(r.err).toContain('--templates');
    }
    await expect(readdir(out)).rejects.toThrow();
  });
});
