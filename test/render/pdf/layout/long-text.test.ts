/**
 * A 2,000,000-character 事项 used to crash the line breaker (`lines.push(...paragraphLines)`:
 * Maximum call stack size exceeded), and nothing was written. Now the breaker takes any
 * length, and documents print at most DOCUMENT_TEXT_CHARS of one text, then a note.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEXT_CHARS, SIZE, TYPE_AREA, documentText, gridCharSpacing, gridLines } from '../../../../pipeline/render/pdf/layout/gbt9704-layout.ts';
import { wrapText } from '../../../../pipeline/render/pdf/layout/text-wrap.ts';
import { formBands } from '../../../../pipeline/render/pdf/layout/form-bands.ts';
import { flowDocuments } from '../../../../pipeline/render/pdf/layout/flow.ts';
import { pdfAssets } from '../render-fixture.ts';

const kit = () => pdfAssets().kit;
const wrap = (text: string) => wrapText(text, { measure: kit().body, size: SIZE.三号, width: TYPE_AREA.width, charSpacing: gridCharSpacing(SIZE.三号) });

describe('the line breaker on huge text', () => {
  it('breaks one 2,000,000-character paragraph into 28-character lines', () => {
    const t = performance.now();
    const lines = wrap('督'.repeat(2_000_000));
    expect(lines).toHaveLength(Math.ceil(2_000_000 / 28));
    expect(lines.join('')).toHaveLength(2_000_000);
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('takes a 2,000,000-character word, and a million short paragraphs', () => {
    expect(wrap('a'.repeat(2_000_000)).join('')).toHaveLength(2_000_000);
    expect(wrap('督\n'.repeat(1_000_000))).toHaveLength(1_000_001);
  });
});

describe('documents cut a long text with a note', () => {
  it('keeps a text up to the limit as it is', () => {
    const text = '督'.repeat(DOCUMENT_TEXT_CHARS);
    expect(documentText(text)).toBe(text);
    expect(gridLines(kit(), text).join('')).toBe(text);
  });

  it('prints the first 2,000 characters and says how long the whole text is', () => {
    const text = '督'.repeat(1990) + '𠀀'.repeat(2_000_000);
    const printed = documentText(text);
    expect(printed).toBe(`${'督'.repeat(1990)}${'𠀀'.repeat(10)}……（全文共2001990字，详见台账）`);
    expect(gridLines(kit(), text).join('')).toBe(printed);
  });

  it('so a form row of 2,000,000 characters flows onto a few pages', () => {
    const bands = formBands(kit(), [[{ text: '工作任务' }, { text: '督'.repeat(2_000_000) }]], { columns: [1, 4] });
    const pages = flowDocuments(kit(), [bands]);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThan(10);
  });
});
