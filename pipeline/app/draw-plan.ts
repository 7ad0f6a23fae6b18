/**
 * The render memo as a wrapper around drawing: a plan's units whose key the memo holds, with
 * their files on disk exactly as drawn then, are kept; the others are drawn (together, where the
 * output draws many at once) and remembered.
 */
import type { BuiltFile, OutputFile } from '../model/output.ts';
import type { OutputPlan } from '../render/output-plan.ts';
import { renderKey, type RenderMemo } from '../write/render-memo.ts';

/**
 * Draws a plan's units, taking from the memo those it holds (their files on disk as drawn), in
 * unit order. Units drawn together (renderMany) are drawn in one call.
 */
export async function drawPlan(
  id: string,
  plan: OutputPlan,
  memo: { memo: RenderMemo; outDir: string; settings: string } | null,
  tick: (done: number, total: number) => void = () => {},
): Promise<BuiltFile[]> {
  const total = plan.units.length;
  let done = 0;
  const count = (n: number) => tick((done += n), total);
  const keys = plan.units.map((u) => (memo && u.key !== null && u.key !== undefined ? renderKey(memo.settings, id, u.key) : null));
  const results: (BuiltFile[] | null)[] = await Promise.all(keys.map((key) => (key !== null ? memo!.memo.recall(memo!.outDir, key) : null)));
  count(results.filter((r) => r !== null).length);
  const missing = results.flatMap((r, i) => (r === null ? [i] : []));
  if (missing.length > 0) {
    let drawn: (OutputFile[] | null)[];
    if (plan.renderMany) {
      drawn = await plan.renderMany(missing, count);
    } else {
      drawn = [];
      for (const i of missing) {
        drawn.push(await plan.units[i]!.render());
        count(1);
      }
    }
    missing.forEach((i, k) => {
      const files = drawn[k] ?? null;
      results[i] = files ?? [];
      const key = keys[i];
      if (files !== null && key !== null && key !== undefined) memo?.memo.remember(key, files);
    });
  }
  return results.flatMap((r) => r ?? []);
}
