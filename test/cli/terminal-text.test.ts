import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripControls, terminalJson, terminalText } from '../../pipeline/model/control-chars.ts';
import { issueLines, styleFor } from '../../pipeline/cli/summary.ts';
import { safeName } from '../../pipeline/render/pdf/filenames.ts';
import type { Issue } from '../../pipeline/model/issue.ts';

/** What must never reach a terminal raw: C0 and C1 controls, bidi overrides, isolates and marks. */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

describe('terminalText', () => {
  it.each([
    ['clear screen', '教务处\u001b[2J', '教务处\\u001B[2J'],
    ['window title (OSC … BEL)', '\u001b]0;pwned\u0007', '\\u001B]0;pwned\\u0007'],
    ['C1 CSI', 'x\u009b31m', 'x\\u009B31m'],
    ['DEL', 'a\u007fb', 'a\\u007Fb'],
    ['right-to-left override', '教务处\u202Efdp.exe', '教务处\\u202Efdp.exe'],
    ['isolates', '\u2066人事处\u2069', '\\u2066人事处\\u2069'],
    ['marks', 'a\u200Eb\u200Fc\u061C', 'a\\u200Eb\\u200Fc\\u061C'],
    ['newline, carriage return, tab', '第一行\n第二行\r\t', '第一行\\n第二行\\r\\t'],
    ['ordinary text', '教务处（值：「2026-13-01」）→ 改为 2026-12-01', '教务处（值：「2026-13-01」）→ 改为 2026-12-01'],
    ['emoji and 生僻字', '𠀀䶮😀', '𠀀䶮😀'],
  ])('%s', (_name, input, out) => expect(terminalText(input)).toBe(out));

  it('leaves nothing unsafe, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(terminalText(s)).not.toMatch(UNSAFE);
      }),
      { numRuns: 500 },
    );
  });
});

describe('terminalJson', () => {
  it('is the same JSON value, with no unsafe character raw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
        const value = { v, s, controls: 'a\u009b\u202E\u2066\u200E\u001b' };
        const text = terminalJson(value);
        expect(text).not.toMatch(/[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
        expect(text.replace(/\n/g, '')).not.toMatch(UNSAFE);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('stripControls and file names', () => {
  it.each([
    ['催办通知-教务处\u202Efdp.exe-T1', '催办通知-教务处fdp.exe-T1'],
    ['登记表-\u001b[2J人事处-\u2066T2\u2069', '登记表-[2J人事处-T2'],
    ['a\u200Eb\u200Fc', 'abc'],
  ])('safeName(%j)', (input, out) => {
    expect(stripControls(input)).toBe(out);
    expect(safeName(input)).toBe(out);
  });
  it('no file name keeps an unsafe character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(safeName(s)).not.toMatch(UNSAFE);
      }),
      { numRuns: 500 },
    );
  });
});

describe('issue lines on a colour terminal', () => {
  const issue: Issue = {
    severity: 'error',
    code: 'E_DATE',
    file: '台账\u001b[2J.csv',
    row: 3,
    column: '立项日期',
    value: '2026-13-01\u001b[31m\u202E',
    message: '日期\u009b无效',
    hint: '',
  };
  it("keeps duban's own colour codes and escapes the ledger text", () => {
    const style = styleFor({ isTTY: true } as NodeJS.WriteStream, {});
    const text = issueLines([issue], style, 10).join('\n');
    expect(text).toContain('\u001b[31m错误\u001b[0m'); // duban's red
    expect(text).toContain('台账\\u001B[2J.csv');
    expect(text).toContain('2026-13-01\\u001B[31m\\u202E');
    expect(text).toContain('日期\\u009B无效');
    // the only raw ESC characters are those of duban's colour codes
    for (const line of text.split('\n')) expect(line.replace(/\u001b\[(?:0|1|2|31|32|33)m/g, '')).not.toMatch(UNSAFE);
  });
});
