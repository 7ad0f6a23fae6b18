/**
 * The renderer contract. An output (催办通知, 登记表, the monthly report, an edition …) is planned
 * as units, each one document or one group of files that is drawn together; a unit says what its
 * bytes depend on (`key`), so the build can take it from the render memo instead of drawing it
 * again. Planning is cheap and draws nothing; `render` is pure.
 */
import type { BuiltFile, OutputFile } from '../model/output.ts';

export interface RenderUnit {
  /**
   * What decides the unit's bytes besides the build's settings (as-of date, office settings,
   * templates, code), as JSON-able values; null for cheap units that are always drawn.
   */
  key: unknown;
  render(): OutputFile[] | Promise<OutputFile[]>;
}

export interface OutputPlan {
  units: RenderUnit[];
  /**
   * Draws the units at these indices together (the 登记表 on worker threads, the long images in
   * one browser), in the same order, with the same bytes as `render`; `onDrawn` counts them as
   * they come back. Null for a unit that could not be drawn this time (no browser): it is left
   * out of the build and not remembered.
   */
  renderMany?(indices: readonly number[], onDrawn: (count: number) => void): Promise<(OutputFile[] | null)[]>;
}

/** Draws every unit of the plans, in order, with no memo (tests, and renderers of a single run). */
export async function renderPlans(plans: readonly OutputPlan[]): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const plan of plans) for (const u of plan.units) files.push(...(await u.render()));
  return files;
}

export type { BuiltFile };
