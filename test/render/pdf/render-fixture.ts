/** Renders the PDF fixture once per test file. */
import { join } from 'node:path';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { officeConfigSchema, type OfficeConfig } from '../../../pipeline/config/office-config.ts';
import { loadPdfAssets, renderFormalDocuments, type PdfAssets } from '../../../pipeline/render/pdf/index.ts';
import { fixtureAnalysisForPdf } from '../../support/analysis-fixture.ts';

export const TEMPLATES = join(import.meta.dirname, '../../../templates');

export const CONFIG: OfficeConfig = officeConfigSchema.parse({
  organization: '示范大学',
  officeName: '示范大学督查督办工作办公室',
  issuerMark: '示范大学督查督办工作办公室',
  docNoPrefix: '校督办',
  nextDocNo: 41,
  contactPerson: '李文静',
  contactPhone: '0771-2687015',
  reminderSender: '王建平',
});

let assets: PdfAssets | null = null;
export function pdfAssets(): PdfAssets {
  return (assets ??= loadPdfAssets(TEMPLATES));
}

export async function renderFixture(): Promise<Map<string, OutputFile>> {
  const files = await renderFormalDocuments(fixtureAnalysisForPdf(), CONFIG, pdfAssets());
  return new Map(files.map((f) => [f.path, f]));
}

export function bytesOf(files: Map<string, OutputFile>, path: string): Uint8Array {
  const file = files.get(path);
  if (!file) throw new Error(`missing ${path}; have:\n${[...files.keys()].join('\n')}`);
  return typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
}
