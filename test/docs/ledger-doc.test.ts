/**
 * docs/台账格式说明.md is the project's own description of the ledgers for the office. It must
 * say what the program does: every column and alias of ledger-kinds.ts (and nothing else), every
 * enumerated word of the 督办事项 ledger, every error and warning code the pipeline can give, and
 * each deadline example must resolve, through the real ingest → validate → analyze, to the date
 * the document states. The README and the documents link only to files inside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_VALUE_KEYS, LEDGER_KINDS } from '../../pipeline/ingest/ledger-kinds.ts';
import { AUDIENCE_WORDS, SOURCE_WORDS, STATE_WORDS } from '../../pipeline/validate/item-words.ts';
import { analyzeLedgers, readLedgers } from '../../pipeline/app/ledgers.ts';
import { loadOfficeConfig, PACKAGE_TEMPLATES } from '../../pipeline/config/load-config.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const DOC_PATH = path.join(ROOT, 'docs/台账格式说明.md');
const DOC = readFileSync(DOC_PATH, 'utf8');

/** The lines under the first heading that `match`es, up to the next heading of the same or a higher level. */
function section(match: (title: string) => boolean, text = DOC): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#{2,4} /.test(l) && match(l.replace(/^#+ /, '').trim()));
  if (start < 0) throw new Error('section not found');
  const level = (lines[start]!.match(/^#+/) ?? [''])[0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && (l.match(/^#+/) ?? [''])[0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Body rows of the markdown tables in `lines`, as trimmed cells. */
function tableRows(lines: string[]): string[][] {
  const rows = lines
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, l.endsWith('|') ? -1 : undefined)
        .split('|')
        .map((c) => c.trim()),
    );
  return rows.filter((r, i) => !r.every((c) => /^:?-+:?$/.test(c)) && !rows[i + 1]?.every((c) => /^:?-+:?$/.test(c)));
}

const plain = (cell: string) => cell.replace(/\*\*/g, '').replace(/`/g, '').trim();

describe('columns', () => {
  for (const def of LEDGER_KINDS) {
    it(`${def.label}: every column with exactly its aliases and whether it is required`, () => {
      const rows = tableRows(section((t) => t === def.label));
      const documented = rows.map((r) => ({
        name: plain(r[0] ?? ''),
        aliases:
          plain(r[1] ?? '') === '—'
            ? []
            : plain(r[1] ?? '')
                .split('、')
                .filter(Boolean),
        required: plain(r[2] ?? '').startsWith('是'),
      }));
      const required = new Set(def.required.flat());
      const actual = def.columns.map((c) => ({ name: c.name, aliases: [...c.aliases], required: required.has(c.name) }));
      const sort = (xs: typeof actual) => xs.map((x) => ({ ...x, aliases: [...x.aliases].sort() })).sort((a, b) => a.name.localeCompare(b.name));
      expect(sort(documented), `docs/台账格式说明.md「${def.label}」表：列名、别名（、分隔）和必填须与 pipeline/ingest/ledger-kinds.ts 一致，请更新文档`).toEqual(sort(actual));
    });
  }

  it('the title-line keys with their aliases', () => {
    const rows = tableRows(section((t) => t === '标题行'));
    for (const key of FILE_VALUE_KEYS) {
      const row = rows.find((r) => plain(r[0] ?? '') === key.name);
      expect(row, key.name).toBeDefined();
      expect(
        plain(row![1] ?? '')
          .split('、')
          .sort(),
        key.name,
      ).toEqual([...key.aliases].sort());
    }
  });

  it('every word the 督办事项 ledger accepts for 来源, 状态 and 公开范围', () => {
    const text = section((t) => t === '督办事项').join('\n');
    for (const word of [...Object.keys(SOURCE_WORDS), ...Object.keys(STATE_WORDS), ...Object.keys(AUDIENCE_WORDS)]) {
      expect(text.includes(word), word).toBe(true);
    }
  });
});

describe('deadline examples', async () => {
  const lines = section((t) => t === '时限示例');
  const asOfMatch = lines.join('\n').match(/统计日期\s*(\d{4})年(\d{1,2})月(\d{1,2})日/);
  const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const asOf = asOfMatch ? iso(asOfMatch[1]!, asOfMatch[2]!, asOfMatch[3]!) : '';
  const blank = (cell: string) => (cell === '（空白）' ? '' : plain(cell));
  const examples = tableRows(lines).map((r) => ({ text: blank(r[0] ?? ''), assignedOn: blank(r[1] ?? ''), source: plain(r[2] ?? ''), result: r[3] ?? '' }));

  // One 督办事项 ledger with a row per example, read and analyzed as any data folder is.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-doc-'));
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const csv = ['编号,事项,承办单位,来源,立项日期,办结时限', ...examples.map((e, i) => [`EX${i + 1}`, '示例事项', '教务处', e.source, e.assignedOn, e.text].map(quote).join(','))];
  await writeFile(path.join(dir, '时限示例.csv'), csv.join('\r\n') + '\r\n');
  const config = await loadOfficeConfig(PACKAGE_TEMPLATES);
  if (!config.ok) throw new Error(config.message);
  const { analysis } = analyzeLedgers(await readLedgers(dir), asOf as never, config.config);

  it('states the as-of date and has examples', () => {
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(examples.length).toBeGreaterThan(20);
  });

  examples.forEach((e, i) => {
    it(`「${e.text || '（空白）'}」 立项 ${e.assignedOn || '（空白）'} ${e.source} → ${e.result}`, () => {
      const item = analysis.items.find((x) => x.id === `EX${i + 1}`);
      const codes = analysis.issues.filter((x) => x.row === i + 2).map((x) => x.code);
      const date = e.result.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
      if (e.result.includes('E_DEADLINE')) {
        expect(item).toBeUndefined();
        expect(codes).toContain('E_DEADLINE');
        return;
      }
      expect(item, codes.join(',')).toBeDefined();
      expect(item!.ongoing).toBe(e.result.includes('长期推进'));
      if (date) expect(item!.deadline).toBe(iso(date[1]!, date[2]!, date[3]!));
      else if (e.result.includes('W_NO_DEADLINE')) {
        expect(item!.deadline).toBeNull();
        expect(codes).toContain('W_NO_DEADLINE');
      } else {
        expect(e.result, 'a date, 长期推进, W_NO_DEADLINE or E_DEADLINE').toContain('长期推进');
        expect(item!.deadline).toBeNull();
      }
    });
  });
});

describe('problems', () => {
  it('explains every error and warning code the pipeline gives', () => {
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts') && p !== path.join(ROOT, 'pipeline/model/issue.ts')) {
          for (const m of readFileSync(p, 'utf8').matchAll(/'([EW]_[A-Z_]+)'/g)) codes.add(m[1]!);
        }
      }
    };
    walk(path.join(ROOT, 'pipeline'));
    const explained = new Set(tableRows(section((t) => t.includes('常见问题'))).map((r) => plain(r[0] ?? '')));
    expect([...codes].filter((c) => !explained.has(c)).sort(), 'docs/台账格式说明.md「十一、常见问题和改法」表中缺少这些代码的说明').toEqual([]);
  });
});

describe('links', () => {
  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
  const slug = (title: string) =>
    title
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
  const documents = [
    'README.md',
    ...readdirSync(path.join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  for (const doc of documents) {
    it(`${doc} links only to files inside the repository`, () => {
      const text = readFileSync(path.join(ROOT, doc), 'utf8');
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/\bsrc="([^"]+)"/g)].map((m) => m[1]!);
      const anchors = new Set(
        text
          .split('\n')
          .filter((l) => /^#+ /.test(l))
          .map((l) => slug(l.replace(/^#+ /, ''))),
      );
      for (const target of targets) {
        expect(target, `${doc}: ${target}`).not.toMatch(/^[a-z]+:/i);
        const [file, anchor] = target.split('#') as [string, string | undefined];
        if (file === '') {
          expect(anchors.has(decodeURIComponent(anchor ?? '')), `${doc}: ${target}`).toBe(true);
          continue;
        }
        const resolved = path.resolve(path.dirname(path.join(ROOT, doc)), decodeURIComponent(file));
        expect(resolved.startsWith(ROOT + path.sep), `${doc}: ${target} is outside the repository`).toBe(true);
        expect(existsSync(resolved), `${doc}: ${target} does not exist`).toBe(true);
      }
    });
  }
});
