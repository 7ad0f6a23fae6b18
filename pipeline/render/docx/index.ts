/**
 * Editable DOCX of the formal documents, written beside their PDFs (same name, .docx) from the
 * same description (model.ts): what the office opens in WPS or Word to adjust a sentence, print,
 * stamp and file.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PdfAssets } from '../pdf/assets.ts';
import { signaturePositions } from '../pdf/gbt9704-layout.ts';
import { imprintOf, type ImprintPlacement } from '../pdf/imprint.ts';
import { renderPdf, type PdfEngine } from '../pdf/engine/printer.ts';
import type { Band } from '../pdf/sheet/bands.ts';
import type { Imprint } from '../pdf/described.ts';
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

/**
 * A pdfmake document (the report; the pdfmake 督办通知 and 到期提醒 until render/pdf/index.ts draws
 * them as bands) as DOCX. A document with a 版记 must have been laid out as PDF first: the DOCX puts
 * its 版记 on the page the PDF did.
 */
export function definitionDocx(dd: TDocumentDefinitions, kit: DocxKit, placement: ImprintPlacement | null = null): Promise<Uint8Array> {
  const info = dd.info ?? {};
  const meta: DocxMeta = { title: info.title ?? '', author: info.author ?? '', timestamp: info.creationDate ?? new Date(0) };
  const record = imprintOf(dd);
  const where = placement ?? record?.placement ?? null;
  if (record && !where) throw new Error('duban: the PDF of a document with a 版记 is laid out before its DOCX');
  const imprint = record && where ? docxImprint(record.imprint, where) : null;
  return writeDocx({ meta, blocks: blocksOfContent(dd.content, kit.place), imprint }, kit.fonts);
}

/**
 * The DOCX of a document with a 版记, whose PDF (`printed`, built by `build`) was just rendered:
 * the 版记 goes on the page the PDF put it on. A PDF that came from the memo was not laid out
 * this time; then it is laid out again to find the page.
 */
export async function imprintDocx(build: () => TDocumentDefinitions, printed: TDocumentDefinitions, engine: PdfEngine, kit: DocxKit): Promise<Uint8Array> {
  let placement = imprintOf(printed)?.placement ?? null;
  if (!placement) {
    const again = build();
    await renderPdf({ ...engine, memo: undefined }, again);
    placement = imprintOf(again)?.placement ?? null;
  }
  return definitionDocx(build(), kit, placement);
}

/**
 * A band document (催办通知, 督办通知, 登记表, 到期提醒, 催报通知) as DOCX, from the bands its PDF is
 * drawn from. `imprint`: the 版记 and the page the PDF's layout puts it on (sheet/imprint-bands.ts).
 */
export function bandsDocx(bands: readonly Band[], meta: DocxMeta, kit: DocxKit, imprint: { imprint: Imprint; placement: ImprintPlacement } | null = null): Promise<Uint8Array> {
  return writeDocx({ meta, blocks: blocksOfBands(bands, kit.place), imprint: imprint && docxImprint(imprint.imprint, imprint.placement) }, kit.fonts);
}
