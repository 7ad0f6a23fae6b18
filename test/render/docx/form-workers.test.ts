import { describe, expect, it } from 'vitest';
import { formDocx } from '../../../pipeline/render/docx/documents.ts';
import { docxKit } from '../../../pipeline/render/docx/index.ts';
import { docContext } from '../../../pipeline/render/pdf/letters/context.ts';
import { drawFormFilesInWorkers } from '../../../pipeline/render/pdf/form-pool.ts';
import { fixtureAnalysisForPdf } from '../../support/analysis-fixture.ts';
import { CONFIG, TEMPLATES, pdfAssets } from '../pdf/render-fixture.ts';

describe('登记表 DOCX on worker threads', () => {
  it('gives exactly the bytes written inline, in order, beside the PDFs', async () => {
    const analysis = fixtureAnalysisForPdf();
    const items = analysis.items.slice(0, 6);
    const drawn = await drawFormFilesInWorkers({ templatesDir: TEMPLATES, config: CONFIG, asOf: analysis.asOf, items, docx: true }, () => {}, 2);
    expect(drawn?.pdf).toHaveLength(items.length);
    expect(drawn?.docx).toHaveLength(items.length);
    const assets = pdfAssets();
    const ctx = docContext(analysis, CONFIG, assets.kit, assets.say);
    for (const [i, item] of items.entries()) {
      const inline = await formDocx(ctx, item, ctx.label(item), docxKit(assets));
      expect(Buffer.from(drawn!.docx[i]!).equals(Buffer.from(inline)), item.id).toBe(true);
    }
  });
});
