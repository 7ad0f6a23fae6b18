import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonal } from '../../../pipeline/render/html/mask-personal.ts';

describe('maskPersonal: numbers in any writing style', () => {
  it.each([
    ['dots', '手机138.1234.5678。', '手机138****5678。'],
    ['full-width hyphens', '138－1234－5678', '138****5678'],
    ['full-width digits, ideographic spaces', '电话：１３８　１２３４　５６７８', '电话：138****5678'],
    ['bracketed prefix', '(138)1234-5678', '138****5678'],
    ['full-width brackets and +86', '联系（+86）138 1234 5678', '联系138****5678'],
    ['underscores', '138_1234_5678', '138****5678'],
    ['3-8 grouping', '138 12345678', '138****5678'],
    ['0086 prefix', '0086-13812345678', '138****5678'],
    ['soft hyphens', '138\u00AD1234\u00AD5678', '138****5678'],
    ['zero-width space, joiner, non-joiner', '1\u200B38\u200C1234\u200D5678', '138****5678'],
    ['word joiner and BOM', '138\u20601234\uFEFF5678', '138****5678'],
    ['Arabic-Indic digits', '١٣٨١٢٣٤٥٦٧٨', '138****5678'],
    ['mathematical digits (surrogate pairs)', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖号', '138****5678号'],
    ['15-digit old ID', '身份证110105900101123。', '身份证110105*****1123。'],
    ['15-digit old ID, 6-6-3', '110105 900101 123', '110105*****1123'],
    ['18-digit ID, x', '11010519900101123x', '110105********123x'],
    ['18-digit ID 6-8-4, X', '110105-19900101-123X', '110105********123X'],
    ['18-digit ID 6-4-4-4', '110105 1990 0101 1234', '110105********1234'],
    ['18-digit ID, full-width Ｘ', '１１０１０５１９９００１０１１２３Ｘ', '110105********123X'],
    ['card 4×4, dashes', '6222-0212-3456-7890', '622202******7890'],
    ['card 4×4+3, dots', '6222.0212.3456.7890.123', '622202*********0123'],
    ['card 4×4+3, underscores', '6222_0212_3456_7890_123', '622202*********0123'],
    ['card, full-width spaces and digits', '６２２２　０２１２　３４５６　７８９０', '622202******7890'],
    ['card, full-width full stops', '6222．0212．3456．7890', '622202******7890'],
    ['card, contiguous 16', '卡号6222021234567890', '卡号622202******7890'],
    ['date then mobile', '2026-11-03 13812345678', '2026-11-03 138****5678'],
    ['two numbers in one text', '张三13812345678，李四139-8765-4321', '张三138****5678，李四139****4321'],
    // kept from the original table
    ['ID in a sentence', '身份证110105199001011234号', '身份证110105********1234号'],
    ['+86 with dashes', '电话：+86 138-1234-5678', '电话：138****5678'],
    ['contiguous card 19', '卡号6222021234567890123', '卡号622202*********0123'],
    ['date digits then mobile', '20261103 13812345678', '20261103 138****5678'],
  ])('%s', (_name, input, out) => expect(maskPersonal(input)).toBe(out));

  it.each([
    ['dates', '2026-11-30、2026/11/30、2026.11.30、2026年11月30日、20261130'],
    ['文号', '辽科院委发〔2026〕41号、[2018]69号、（2018）12号'],
    ['amounts', '共计1,234,567.89元，经费 12345.67 万元'],
    ['short numbers', '第12号提案、DB2026-001、3、5、7项'],
    ['office landline', '0771-2687015、010-12345678'],
    ['an 11-digit number that is not a mobile', '12345678901'],
    ['a date range', '2026-11-01至2026-11-30'],
    ['times', '2026-11-30 09:30'],
    ['full-width digits outside a number', '２０２６年１１月３０日'],
    ['bracketed year', '(2026)41号'],
  ])('leaves %s alone', (_name, text) => expect(maskPersonal(text)).toBe(text));
});

// ---- property: a number written in a random style never leaks a run of its digits ----

const SCRIPTS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1d7ec];
const SEPARATORS = [' ', '-', '.', '_', '－', '　', '．', '＿', '–', '—', '\u00A0', ' - '];
const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

type Kind = 'mobile' | 'id18' | 'id15' | 'card';
const GROUPS: Record<Kind, number[][]> = {
  mobile: [[11], [3, 4, 4], [3, 8]],
  id18: [[18], [6, 8, 4], [6, 4, 4, 4]],
  id15: [[15], [6, 6, 3]],
  card: [[16], [17], [18], [19], [4, 4, 4, 4], [4, 4, 4, 4, 1], [4, 4, 4, 4, 2], [4, 4, 4, 4, 3]],
};

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
interface Written {
  kind: Kind;
  chars: string[];
  groups: number[];
}
const numberDigits: fc.Arbitrary<Written> = fc.constantFrom<Kind>('mobile', 'id18', 'id15', 'card').chain((kind) =>
  fc.constantFrom(...GROUPS[kind]).chain((groups): fc.Arbitrary<Written> => {
    const total = groups.reduce((a, b) => a + b, 0);
    if (kind === 'mobile') {
      return fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => ({ kind, groups, chars: ['1', String(second), ...rest.map(String)] }));
    }
    const last = kind === 'id18' ? fc.constantFrom('0', '5', '9', 'X', 'x') : fc.integer({ min: 0, max: 9 }).map(String);
    return fc.tuple(fc.integer({ min: 1, max: 9 }), digits(total - 2), last).map(([first, rest, end]) => ({ kind, groups, chars: [String(first), ...rest.map(String), end] }));
  }),
);

/** Writes the number: every digit in a random script, groups joined by random separators, invisibles sprinkled in. */
const writtenNumber = fc
  .record({
    n: numberDigits,
    script: fc.constantFrom(...SCRIPTS),
    mixScripts: fc.boolean(),
    scripts: fc.array(fc.constantFrom(...SCRIPTS), { minLength: 19, maxLength: 19 }),
    separator: fc.constantFrom(...SEPARATORS),
    mixSeparators: fc.boolean(),
    separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 5, maxLength: 5 }),
    invisibles: fc.array(fc.option(fc.constantFrom(...INVISIBLES), { freq: 4 }), { minLength: 30, maxLength: 30 }),
    brackets: fc.boolean(),
  })
  .map(({ n, script, mixScripts, scripts, separator, mixSeparators, separators, invisibles, brackets }) => {
    const glyph = (c: string, i: number) => {
      if (c === 'X' || c === 'x') return c;
      return String.fromCodePoint((mixScripts ? scripts[i]! : script) + Number(c));
    };
    const parts: string[] = [];
    let i = 0;
    for (const size of n.groups) {
      let group = '';
      for (let k = 0; k < size; k++, i++) group += (k > 0 ? (invisibles[i] ?? '') : '') + glyph(n.chars[i]!, i);
      parts.push(group);
    }
    let text: string;
    if (n.kind === 'mobile' && brackets && n.groups.length === 3) {
      text = `(${parts[0]})${parts[1]}${mixSeparators ? separators[0] : separator}${parts[2]}`;
    } else {
      text = parts.map((p, g) => (g === 0 ? p : (mixSeparators ? separators[g]! : separator) + (invisibles[20 + g] ?? '') + p)).join('');
    }
    return { text, digits: n.chars.join('') };
  });

/** Text around the number: words, dates, 文号, amounts; never ends or starts with a digit or separator. */
const word = fc.constantFrom('督办', '联系人张三', '学生工作处', '核查', '助学金', 'abc', '于2026年11月30日', '〔2026〕41号', '共1,234元', '第3项', '2026-11-30当天');
const around = fc.array(word, { maxLength: 4 }).map((ws) => ws.join('，'));

const fold = (s: string) =>
  s.replace(/\p{Nd}/gu, (c) => {
    const cp = c.codePointAt(0)!;
    let first = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(first - 1))) first--;
    return String((cp - first) % 10);
  });

describe('maskPersonal: properties', () => {
  it('no 7 consecutive digits of an inserted number survive, and the text around it is unchanged', () => {
    fc.assert(
      fc.property(around, writtenNumber, around, (before, { text, digits }, after) => {
        const prefix = before + '：';
        const suffix = '。' + after;
        const out = maskPersonal(prefix + text + suffix);
        expect(out.startsWith(prefix)).toBe(true);
        expect(out.endsWith(suffix)).toBe(true);
        const masked = fold(out.slice(prefix.length, out.length - suffix.length));
        expect(masked).toMatch(/\*/);
        expect(masked).not.toMatch(/[\p{Cf}]/u);
        for (let k = 0; k + 7 <= digits.length; k++) expect(masked).not.toContain(digits.slice(k, k + 7));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves texts without a personal number unchanged', () => {
    const token = fc.oneof(
      word,
      fc
        .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('-', '/', '.', '年'))
        .map(([y, m, d, s]) => (s === '年' ? `${y}年${m}月${d}日` : [y, String(m).padStart(2, '0'), String(d).padStart(2, '0')].join(s))),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => `${n.toLocaleString('en-US')}.50元`),
      fc.integer({ min: 1, max: 999 }).map((n) => `〔2026〕${n}号`),
      fc.integer({ min: 0, max: 9_999_999 }).map((n) => `0771-${String(n).padStart(7, '0')}`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (tokens) => {
        const text = tokens.join('，');
        expect(maskPersonal(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
