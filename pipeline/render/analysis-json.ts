/** out/internal/analysis.json: the machine-readable result (spec §5). Stable order, fixed indentation. */
import type { Analysis } from '../model/analysis.ts';
import type { OutputFile } from '../model/output.ts';

export function renderAnalysisJson(a: Analysis): OutputFile {
  return { path: 'internal/analysis.json', bytes: JSON.stringify(a, null, 2) + '\n' };
}
