/** Draws 登记表 for form-pool.ts: assets loaded once per worker, one message per chunk of items. */
import { parentPort } from 'node:worker_threads';
import { loadPdfAssets, type PdfAssets } from './assets.ts';
import { docContext } from './letters/context.ts';
import { registrationBands, registrationPdf } from './letters/registration-form.ts';
import type { FormJob, FormResult } from './form-pool.ts';
import { docxKit } from '../docx/index.ts';
import { formDocx } from '../docx/documents.ts';

const assetsByDir = new Map<string, PdfAssets>();

parentPort?.on('message', async (job: FormJob) => {
  let result: FormResult;
  const transfer: ArrayBuffer[] = [];
  try {
    let assets = assetsByDir.get(job.templatesDir);
    if (!assets) assetsByDir.set(job.templatesDir, (assets = loadPdfAssets(job.templatesDir)));
    const ctx = docContext({ asOf: job.asOf, items: job.items }, job.config, assets.kit, assets.say);
    const kit = docxKit(assets);
    const bytes: Uint8Array[] = [];
    const docx: Uint8Array[] = [];
    // The form is laid out once for its PDF and its DOCX.
    for (const [i, item] of job.items.entries()) {
      const label = job.labels?.[i] ?? ctx.label(item);
      const bands = registrationBands(ctx, item, label);
      bytes.push(registrationPdf(ctx, assets.pageFonts, item, label, bands));
      if (job.docx) docx.push(await formDocx(ctx, item, label, kit, bands));
    }
    for (const b of [...bytes, ...docx]) transfer.push(b.buffer as ArrayBuffer);
    result = { bytes, docx };
  } catch (e) {
    result = { error: (e as Error).message };
  }
  parentPort?.postMessage(result, transfer);
});
