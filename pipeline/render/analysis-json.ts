/**
 * out/internal/analysis.json: the machine-readable result (spec §5). Stable order, two-space
 * indentation — the same bytes as JSON.stringify(a, null, 2) — but built as UTF-8 chunks per
 * array element, so 100,000 items never exist as one giant JavaScript string.
 */
import type { Analysis } from '../model/analysis.ts';
import type { OutputFile } from '../model/output.ts';

export function renderAnalysisJson(a: Analysis): OutputFile {
  const chunks: Buffer[] = [Buffer.from('{')];
  const entries = Object.entries(a);
  entries.forEach(([key, value], k) => {
    chunks.push(Buffer.from(`${k ? ',' : ''}\n  ${JSON.stringify(key)}: `));
    if (Array.isArray(value) && value.length > 0) {
      chunks.push(Buffer.from('['));
      value.forEach((v, i) => chunks.push(Buffer.from(`${i ? ',' : ''}\n    ${JSON.stringify(v, null, 2).replace(/\n/g, '\n    ')}`)));
      chunks.push(Buffer.from('\n  ]'));
    } else {
      chunks.push(Buffer.from(JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')));
    }
  });
  chunks.push(Buffer.from('\n}\n'));
  return { path: 'internal/analysis.json', bytes: Buffer.concat(chunks) };
}
