/**
 * A laid-out page as plain data: what to draw where, in points from the page's top-left corner.
 * The layout (flow.ts) produces these; the PDF writer (writer/pages-pdf.ts) only serialises them.
 */
import type { FontRole } from '../fonts.ts';

export interface TextMark {
  kind: 'text';
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  text: string;
  role: FontRole;
  size: number;
  /** Extra space after every character (PDF Tc). */
  charSpacing: number;
  color?: string;
}

export interface LineMark {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color?: string;
}

export interface RectMark {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  width: number;
  color?: string;
}

export interface PolylineMark {
  kind: 'polyline';
  points: [number, number][];
  width: number;
}

export type Mark = TextMark | LineMark | RectMark | PolylineMark;

export interface Page {
  marks: Mark[];
}

/** The same marks moved by (dx, dy). */
export function shift(marks: readonly Mark[], dx: number, dy: number): Mark[] {
  return marks.map((m): Mark => {
    switch (m.kind) {
      case 'text':
        return { ...m, x: m.x + dx, y: m.y + dy };
      case 'line':
        return { ...m, x1: m.x1 + dx, y1: m.y1 + dy, x2: m.x2 + dx, y2: m.y2 + dy };
      case 'rect':
        return { ...m, x: m.x + dx, y: m.y + dy };
      case 'polyline':
        return { ...m, points: m.points.map(([x, y]): [number, number] => [x + dx, y + dy]) };
    }
  });
}
