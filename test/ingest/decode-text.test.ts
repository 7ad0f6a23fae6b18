import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../pipeline/ingest/decode-text.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));

describe('decodeText', () => {
  it('reads UTF-8 and strips a BOM', () => {
    expect(decodeText(utf8('编号,事项'), 'a.csv')).toMatchObject({ ok: true, text: '编号,事项', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('编号')]), 'a.csv')).toMatchObject({ ok: true, text: '编号' });
  });

  it.each(['编号,事项,承办单位\r\n', '联通', '督办', '序号\t制发单位', '教务处，人事处；党政办公室'])('reads short GBK text %j without mojibake', (s) => {
    expect(decodeText(gbk(s), 'a.csv')).toMatchObject({ ok: true, text: s });
  });

  it('reads GB18030 characters outside GBK', () => {
    const s = '𠀀单位,䶮';
    expect(decodeText(new Uint8Array(iconv.encode(s, 'gb18030')), 'a.csv')).toMatchObject({ ok: true, text: s, encoding: 'gb18030' });
  });

  it('reads UTF-16 LE and BE with a BOM (Excel "Unicode text")', () => {
    const s = '编号\t事项\r\nDB-1\t甲';
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(s, 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(s, 'utf16be')]);
    expect(decodeText(le, 'a.csv')).toMatchObject({ ok: true, text: s, encoding: 'utf-16le' });
    expect(decodeText(be, 'a.csv')).toMatchObject({ ok: true, text: s, encoding: 'utf-16be' });
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]],
    ['PDF', [...utf8('%PDF-1.7\n%âãÏÓ')]],
    ['old xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['NUL bytes', [...utf8('编号,事项'), 0, 0, 1, 2]],
    ['random high bytes', Array.from({ length: 200 }, (_, i) => (i * 73 + 11) % 256).filter((b) => b !== 0)],
  ])('refuses %s with E_ENCODING in Chinese', (_name, bytes) => {
    const r = decodeText(new Uint8Array(bytes), 'x.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue).toMatchObject({ severity: 'error', code: 'E_ENCODING', file: 'x.csv', row: null });
      expect(r.issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.issue.hint).toContain('另存为');
    }
  });

  it('keeps a UTF-8 file with one broken byte as UTF-8, reporting it', () => {
    const bytes = new Uint8Array([...utf8('编号,事项,承办单位\nDB-1,修订考勤办法,人事处\nDB-2,完善台账,'), 0xe6, 0x95, ...utf8('\n')]);
    const r = decodeText(bytes, 'a.csv');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.text).toContain('修订考勤办法');
      expect(r.issues.map((i) => i.code)).toEqual(['E_ENCODING']);
    }
  });
});
