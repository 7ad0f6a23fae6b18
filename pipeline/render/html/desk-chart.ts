/**
 * The desk's small chart: overdue items (bars, left axis) and 按期办结率 (line, right axis) month by
 * month. Only geometry comes out of here — numbers and short labels — and the template draws the
 * inline SVG from them, so the page needs no script, no chart library and no unescaped markup.
 */
import { rateWord } from '../words.ts';

export interface TrendPoint {
  /** '2026年11月'. */
  label: string;
  /** '11月' under the bar. */
  short: string;
  /** '2026年' below it, on January and on the first month shown; else ''. */
  year: string;
  /** 逾期未办结 at the month's end (or on the as-of date for the month under way). */
  overdue: number;
  /** 按期办结率, null when nothing was due yet. */
  onTimeRate: number | null;
}

export interface TrendChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: { x: number; y: number; w: number; h: number; cx: number; label: string; year: string; value: number; valueY: number; title: string }[];
  /** One polyline per run of months that have a rate. */
  lines: { points: string }[];
  dots: { cx: number; cy: number; title: string }[];
  countTicks: { y: number; text: string }[];
  rateTicks: { y: number; text: string }[];
  /** The whole chart in words, for screen readers and for a page printed without graphics. */
  summary: string;
}

const WIDTH = 640;
const HEIGHT = 250;
const PLOT = { left: 40, top: 16, right: WIDTH - 48, bottom: HEIGHT - 46 };

/** One decimal: the same numbers, hence the same page, on every machine. */
const r1 = (x: number): number => Math.round(x * 10) / 10;

/** The smallest of 1, 2, 5 × 10^k steps that covers `max` in at most four steps. */
function countScale(max: number): { top: number; step: number } {
  if (max <= 4) return { top: 4, step: 1 };
  for (let k = 1; ; k *= 10) {
    for (const s of [1, 2, 5]) if (s * k * 4 >= max) return { top: s * k * 4, step: s * k };
  }
}

export function trendChart(points: readonly TrendPoint[]): TrendChart {
  const plotW = PLOT.right - PLOT.left;
  const plotH = PLOT.bottom - PLOT.top;
  const { top, step } = countScale(Math.max(0, ...points.map((p) => p.overdue)));
  const slot = points.length > 0 ? plotW / points.length : plotW;
  const barW = r1(Math.min(28, slot * 0.55));
  const yCount = (v: number) => r1(PLOT.bottom - (v / top) * plotH);
  const yRate = (v: number) => r1(PLOT.bottom - v * plotH);

  const bars = points.map((p, i) => {
    const cx = r1(PLOT.left + slot * (i + 0.5));
    const y = yCount(p.overdue);
    return {
      x: r1(cx - barW / 2),
      y,
      w: barW,
      h: r1(PLOT.bottom - y),
      cx,
      label: p.short,
      year: p.year,
      value: p.overdue,
      valueY: r1(y - 4),
      title: `${p.label}：逾期未办结 ${p.overdue} 项，按期办结率 ${rateWord(p.onTimeRate)}`,
    };
  });
  const lines: { points: string }[] = [];
  let run: string[] = [];
  const dots: TrendChart['dots'] = [];
  points.forEach((p, i) => {
    if (p.onTimeRate === null) {
      if (run.length > 0) lines.push({ points: run.join(' ') });
      run = [];
      return;
    }
    const cx = bars[i]!.cx;
    const cy = yRate(p.onTimeRate);
    run.push(`${cx},${cy}`);
    dots.push({ cx, cy, title: `${p.label}：按期办结率 ${rateWord(p.onTimeRate)}` });
  });
  if (run.length > 0) lines.push({ points: run.join(' ') });

  const countTicks = [];
  for (let v = 0; v <= top; v += step) countTicks.push({ y: yCount(v), text: String(v) });
  const rateTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ y: yRate(v), text: `${v * 100}%` }));
  const summary = points.length === 0 ? '暂无数据' : points.map((p) => `${p.label}逾期${p.overdue}项、按期办结率${rateWord(p.onTimeRate)}`).join('；');
  return { width: WIDTH, height: HEIGHT, plot: PLOT, bars, lines, dots, countTicks, rateTicks, summary };
}
