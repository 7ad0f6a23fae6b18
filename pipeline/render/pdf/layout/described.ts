/**
 * What a piece of a laid-out formal document stands for, for writers that lay it out again (the
 * DOCX writer, render/docx/). The GB/T 9704 building blocks (gbt9704-layout.ts, form-table.ts,
 * report/chart.ts, layout/bands.ts, layout/form-bands.ts) attach it to what they return: the pdfmake
 * content and the bands stay the PDF's, and this says "a paragraph of this text in this style", "this
 * form with these cells" — the same description, not a second layout written by hand.
 *
 * It is kept under a symbol: pdfmake does not see it and JSON.stringify (the PDF memo keys) skips
 * it, so the PDF bytes do not change.
 */
import type { FormCell } from './form-table.ts';
import type { TextOptions } from './gbt9704-layout.ts';

export const DESCRIBED: unique symbol = Symbol('duban.described');

export interface TableOptions {
  /** Relative column widths. */
  columns: number[];
  size: number;
  /** Line pitch inside cells. */
  pitch: number;
  /** Rows repeated on every page. */
  headerRows: number;
}

/** A cell of either kind of form: pdfmake's (form-table.ts) or the band writer's (layout/form-bands.ts). */
export interface DescribedCell extends Omit<FormCell, 'content'> {
  checkboxes?: { options: string[]; checked: string | null };
}

export interface ChartRowDescription {
  name: string;
  rate: number | null;
}

/** The 版记 (GB/T 9704 §7.4) of a document that goes out under a number. */
export interface Imprint {
  /** 抄送机关, in order; none leaves the 抄送 line out. */
  copyTo: string[];
  /** 印发机关. */
  printer: string;
  /** 印发日期 as printed: 2026年11月3日. */
  date: string;
}

export type Described =
  | { kind: 'text'; text: string; options: TextOptions }
  /** Vertical space in points. */
  | { kind: 'space'; height: number }
  /** A horizontal rule across the type area (the red line of the 版头). */
  | { kind: 'rule'; width: number; color: string }
  /** `centred`: cells centred vertically (the band writer's forms); pdfmake's stay top-aligned. */
  | { kind: 'table'; rows: DescribedCell[][]; options: TableOptions; centred: boolean }
  | { kind: 'signature'; office: string; date: string }
  /** Parts that stay on one page. */
  | { kind: 'keep'; parts: Described[] }
  | { kind: 'chart'; rows: ChartRowDescription[]; size: number };

/** `node` with its description attached (returned for chaining). */
export function describe<T extends object>(node: T, description: Described): T {
  Object.defineProperty(node, DESCRIBED, { value: description, enumerable: true, configurable: true, writable: true });
  return node;
}

export function describedOf(node: unknown): Described | undefined {
  return typeof node === 'object' && node !== null ? (node as { [DESCRIBED]?: Described })[DESCRIBED] : undefined;
}
