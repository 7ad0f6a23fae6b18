import { describe, expect, it } from 'vitest';
import { CHARS_PER_LINE, TYPE_AREA, gridCharSpacing, SIZE } from '../../../../pipeline/render/pdf/layout/gbt9704-layout.ts';
import { wrapText } from '../../../../pipeline/render/pdf/layout/text-wrap.ts';
import { safeName, NameRegistry } from '../../../../pipeline/render/pdf/filenames.ts';
import { pdfAssets } from '../render-fixture.ts';

describe('line breaking on the GB/T 9704 grid', () => {
  const measure = pdfAssets().kit.body;
  const wrap = (text: string, indent = '') => wrapText(text, { measure, size: SIZE.三号, width: TYPE_AREA.width, charSpacing: gridCharSpacing(SIZE.三号), indent });

  it('sets 28 Han characters of 3号 per line', () => {
    const lines = wrap('督'.repeat(100));
    expect(lines.slice(0, 3).map((l) => Array.from(l).length)).toEqual([CHARS_PER_LINE, CHARS_PER_LINE, CHARS_PER_LINE]);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const text = '督'.repeat(27) + '，（督查）' + '办'.repeat(26) + '《督办》。';
    for (const line of wrap(text).slice(1)) expect('，。）》、').not.toContain(line[0]);
    for (const line of wrap(text)) expect('（《').not.toContain(line.at(-1));
  });

  it('keeps numbers and Latin words whole', () => {
    const lines = wrap('督'.repeat(26) + 'DB2026-001号');
    expect(lines[1]?.startsWith('DB2026-001')).toBe(true);
  });

  it('survives emoji, 生僻字, lone surrogates and control characters', () => {
    const lines = wrap('𠀀䶮😀\u0007\uD800「全角」'.repeat(20));
    expect(lines.join('')).toContain('𠀀䶮😀\uFFFD「全角」'); // a lone surrogate becomes U+FFFD
    expect(lines.join('')).not.toContain('\u0007');
  });
});

describe('safe file names from CSV text', () => {
  it('cannot leave the output folder or break Windows', () => {
    for (const evil of ['../../etc/passwd', '..\\..\\x', 'a/b', 'CON', 'nul.txt', 'x\u0000y', ' . ', 'a:b*c?"<>|']) {
      const name = safeName(evil);
      expect(name).not.toMatch(/[/\\\u0000-\u001f:*?"<>|]/);
      expect(name).not.toContain('..');
      expect(name).not.toMatch(/^(con|nul)(\.|$)/i);
      expect(name.length).toBeGreaterThan(0);
    }
    expect(Array.from(safeName('长'.repeat(500))).length).toBeLessThanOrEqual(60);
  });

  it('keeps names unique within a folder', () => {
    const names = new NameRegistry();
    expect(names.take('internal/x', 'a/b', 'pdf')).toBe('internal/x/a_b.pdf');
    expect(names.take('internal/x', 'a\\b', 'pdf')).toBe('internal/x/a_b-2.pdf');
  });
});
