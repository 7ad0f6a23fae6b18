/**
 * Editable DOCX of the formal documents, written beside their PDFs (same name, .docx) from the
 * same description (model.ts): what the office opens in WPS or Word to adjust a sentence, print,
 * stamp and file.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PdfAssets } from '../pdf/assets.ts';
import { signaturePositions } from '../pdf/layout/gbt9704-layout.ts';
import type { ImprintPlacement } from '../pdf/layout/imprint.ts';
import type { Band } from '../pdf/layout/bands.ts';
import type { Imprint } from '../pdf/layout/described.ts';
import { docxFonts, type DocxFonts } from './fonts.ts';
import { blocksOfBands, blocksOfContent, docxImprint, type DocxMeta, type SignaturePlacer } from './model.ts';
import { writeDocx } from './writer.ts';

export interface DocxKit {
  fonts: DocxFonts;
  place: SignaturePlacer;
}

export function docxKit(assets: Pick<PdfAssets, 'kit' | 'familyNames'>): DocxKit {
  return { fonts: docxFonts(assets.familyNames), place: (office, date) => signaturePositions(assets.kit, office, date) };
}

/** The DOCX beside a PDF. */
export function docxPath(pdfPath: string): string {
  return pdfPath.replace(/\.pdf$/i, '') + '.docx';
}

/** A pdfmake document (the report) as DOCX. */
export function definitionDocx(dd: TDocumentDefinitions, kit: DocxKit): Promise<Uint8Array> {
  const info = dd.info ?? {};
  const meta: DocxMeta = { title: info.title ?? '', author: info.author ?? '', timestamp: info.creationDate ?? new Date(0) };
  return writeDocx({ meta, blocks: blocksOfContent(dd.content, kit.place), imprint: null }, kit.fonts);
}

/**
 * A band document (催办通知, 督办通知, 登记表, 到期提醒, 催报通知) as DOCX, from the bands its PDF is
 * drawn from. `imprint`: the 版记 and the page the PDF's layout puts it on (layout/imprint-bands.ts).
 */
export function bandsDocx(bands: readonly Band[], meta: DocxMeta, kit: DocxKit, imprint: { imprint: Imprint; placement: ImprintPlacement } | null = null): Promise<Uint8Array> {
  return writeDocx({ meta, blocks: blocksOfBands(bands, kit.place), imprint: imprint && docxImprint(imprint.imprint, imprint.placement) }, kit.fonts);
}
