/**
 * The end-to-end campaign tests run the real pipeline (ingest → validate → analyze), which needs the
 * date parser, the deadline grammar and the working-day calendar. Until those modules have landed,
 * the tests are skipped rather than failing on an import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const stubbed = (rel: string) => !existsSync(join(ROOT, rel)) || readFileSync(join(ROOT, rel), 'utf8').includes("throw new Error('not implemented yet')");

export const PIPELINE_READY = ![
  'pipeline/validate/date-parse.ts',
  'pipeline/validate/deadline-grammar.ts',
  'pipeline/analyze/deadline-resolve.ts',
  'pipeline/analyze/workday-calendar.ts',
  'pipeline/ingest/ingest.ts',
].some(stubbed);

export const FIXTURES = join(ROOT, 'test/fixtures/campaign');

type PipelineModule = typeof import('../../pipeline/cli/pipeline.ts');
/** Imported only when ready, so a missing module cannot break the test file. */
export async function pipeline(): Promise<PipelineModule> {
  return import('../../pipeline/cli/pipeline.ts');
}
