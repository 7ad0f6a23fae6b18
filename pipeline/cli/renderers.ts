/** Which outputs a build makes. Each renderer is pure; this only calls them in order. */
import type { OutputFile } from '../model/output.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Analysed } from './pipeline.ts';
import type { Progress } from './progress.ts';
import { renderAnalysisJson } from '../render/analysis-json.ts';

export interface RenderContext {
  config: OfficeConfig;
  templatesDir: string;
  asOf: IsoDate;
}

/** Path prefixes a build owns: outputs there that a build no longer makes are removed. */
export const OUTPUT_SCOPES = ['internal/', 'public/', 'campus/'];

export async function renderOutputs(a: Analysed, ctx: RenderContext, p: Progress): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  files.push(await p.stage('analysis.json', () => renderAnalysisJson(a.analysis)));
  void ctx;
  return files;
}
