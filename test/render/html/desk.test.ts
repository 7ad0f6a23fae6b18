/** The desk's pure parts: its chart geometry, its week, its links, its template's fallback; the archive's page count. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trendChart, type TrendPoint } from '../../../pipeline/render/html/desk-chart.ts';
import { deskHref, weekOf } from '../../../pipeline/render/html/desk-data.ts';
import { loadSiteTemplates } from '../../../pipeline/render/html/templates.ts';
import { pdfPageCount } from '../../../pipeline/render/pdf/layout/page-count.ts';

const point = (month: number, overdue: number, onTimeRate: number | null): TrendPoint => ({ label: `2026年${month}月`, short: `${month}月`, year: '', overdue, onTimeRate });

describe('trendChart', () => {
  it('draws a bar per month on a 1-2-5 scale and breaks the rate line where no rate exists', () => {
    const c = trendChart([point(1, 0, null), point(2, 3, 0.5), point(3, 7, 1), point(4, 2, null), point(5, 0, 0.25)]);
    expect(c.bars).toHaveLength(5);
    expect(c.countTicks.map((t) => t.text)).toEqual(['0', '2', '4', '6', '8']);
    expect(c.bars[0]!.h).toBe(0);
    expect(c.bars[2]!.y).toBeLessThan(c.bars[1]!.y); // 7 is taller than 3
    expect(c.lines).toHaveLength(2);
    expect(c.lines[0]!.points.split(' ')).toHaveLength(2);
    expect(c.dots.map((d) => d.title)).toEqual(['2026年2月：按期办结率 50%', '2026年3月：按期办结率 100%', '2026年5月：按期办结率 25%']);
    // the 100% dot sits on the top of the plot, the bars stand on its bottom
    expect(c.dots[1]!.cy).toBe(c.plot.top);
    expect(c.bars.every((b) => Math.abs(b.y + b.h - c.plot.bottom) < 0.11)).toBe(true);
    expect(c.summary).toContain('2026年3月逾期7项、按期办结率100%');
  });

  it('gives the same numbers for the same months (one decimal)', () => {
    const months = Array.from({ length: 12 }, (_, k) => point(k + 1, (k * 7) % 5, k % 3 === 0 ? null : k / 11));
    expect(JSON.stringify(trendChart(months))).toBe(JSON.stringify(trendChart(months)));
    for (const b of trendChart(months).bars) expect(String(b.x)).toMatch(/^\d+(\.\d)?$/);
  });
});

describe('weekOf', () => {
  it('is Monday to Sunday', () => {
    expect(weekOf('2026-11-27')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(weekOf('1969-12-31')).toEqual({ monday: '1969-12-29', sunday: '1970-01-04' });
  });
});

describe('deskHref', () => {
  it('is relative to internal/ and keeps %, # and ? in names as names', () => {
    expect(deskHref('internal/催办通知/催办通知-教务处-XB2026-001.pdf')).toBe(`${encodeURIComponent('催办通知')}/${encodeURIComponent('催办通知-教务处-XB2026-001.pdf')}`);
    expect(deskHref('internal/a/100%#?.pdf')).toBe('a/100%25%23%3F.pdf');
    expect(deskHref('public/index.html')).toBe('../public/index.html');
  });
});

describe('the desk template', () => {
  it('falls back to the built-in one when the office copy prints unescaped text', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-desk-tpl-'));
    mkdirSync(path.join(dir, 'html'));
    writeFileSync(path.join(dir, 'html', 'desk.hbs'), '<p>{{{organization}}}</p>');
    const t = loadSiteTemplates(dir);
    expect(t.warnings.join('\n')).toMatch(/html\/desk\.hbs：不允许使用三花括号/);
    expect(t.pages.desk({ organization: '<b>x</b>' })).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(t.deskCss).toContain('.chart');
  });
});

describe('pdfPageCount', () => {
  it('reads the page tree of both writers', () => {
    const tree = (count: number) => Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<<\n/Type /Pages\n/Count ${count}\n/Kids [3 0 R]\n>>\nendobj\n`, 'latin1');
    expect(pdfPageCount(tree(3))).toBe(3);
    expect(pdfPageCount(Buffer.from('<< /Type /Pages /Kids [6 0 R] /Count 1 >>'))).toBe(1);
    expect(pdfPageCount(Buffer.from('not a pdf'))).toBeNull();
  });
});
