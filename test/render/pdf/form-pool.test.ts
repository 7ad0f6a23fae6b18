import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../pipeline/model/analysis.ts';
import { docContext } from '../../../pipeline/render/pdf/letters/context.ts';
import { registrationPdf } from '../../../pipeline/render/pdf/letters/registration-form.ts';
import { drawFormsInWorkers } from '../../../pipeline/render/pdf/form-pool.ts';
import { fixtureAnalysisForPdf } from '../../support/analysis-fixture.ts';
import { CONFIG, TEMPLATES, pdfAssets } from './render-fixture.ts';

describe('登记表 on worker threads', () => {
  it('gives exactly the bytes drawn inline, in order', async () => {
    const analysis: Analysis = fixtureAnalysisForPdf();
    const items = analysis.items.slice(0, 5);
    let counted = 0;
    const fromWorkers = await drawFormsInWorkers({ templatesDir: TEMPLATES, config: CONFIG, asOf: analysis.asOf, items }, (n) => (counted += n), 2);
    expect(fromWorkers).not.toBeNull();
    expect(counted).toBe(items.length);
    const assets = pdfAssets();
    const ctx = docContext(analysis, CONFIG, assets.kit, assets.say);
    items.forEach((item, i) => expect(Buffer.from(fromWorkers![i]!).equals(Buffer.from(registrationPdf(ctx, assets.pageFonts, item)))).toBe(true));
  });
});
