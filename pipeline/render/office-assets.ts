/**
 * Everything an office can change without code, loaded from one templates folder once per
 * process and checked: fonts and wording of the formal documents, the 催报 wording, the report's
 * summary template and the site's page templates, with every warning about a file that could not
 * be used (each names the file and says what was used instead). The build summary, `duban check`
 * and `duban watch` print `warnings`; renderers get the parts they need.
 *
 * (Toward the one asset loader of the design: office.json is still read on its own by
 * config/load-config.ts, because a broken one stops the run with exit 2 rather than warning.)
 */
import path from 'node:path';
import { loadPdfAssets, loadPdfWording, pdfAssetWarnings, type PdfAssets } from './pdf/assets.ts';
import type { Wording } from './pdf/wording.ts';
import { loadSubmissionWording, type SubmissionWordingResult } from './pdf/letters/submission-reminder-wording.ts';
import { loadSummaryTemplate, type SummaryTemplate } from './pdf/report/summary.ts';
import { loadSiteTemplates, type SiteTemplates } from './html/templates.ts';

export interface OfficeAssets {
  templatesDir: string;
  /** Fonts and wording of the formal documents; the fonts are parsed at the first use. */
  readonly pdf: PdfAssets;
  /** The formal documents' wording alone (file names of a build's plans), without parsing any font. */
  readonly say: Wording;
  submission: SubmissionWordingResult;
  summary: SummaryTemplate;
  site: SiteTemplates;
  /** Every asset's warnings, in Chinese, without repeats; read it after rendering to include any found then. */
  readonly warnings: string[];
}

const byDir = new Map<string, OfficeAssets>();

/**
 * Templates are compiled once per folder, however many builds a watch session runs; fonts (the
 * slow part, ~0.3 s) are parsed only when a build draws a PDF, so a rebuild whose documents all
 * come from the render memo parses none.
 */
export function officeAssets(templatesDir: string): OfficeAssets {
  const key = path.resolve(templatesDir);
  let a = byDir.get(key);
  if (!a) {
    let pdf: PdfAssets | undefined;
    let wording: { say: Wording; warnings: string[] } | undefined;
    const submission = loadSubmissionWording(templatesDir);
    const summary = loadSummaryTemplate(templatesDir);
    const site = loadSiteTemplates(templatesDir);
    a = {
      templatesDir,
      submission,
      summary,
      site,
      get pdf() {
        return (pdf ??= loadPdfAssets(templatesDir));
      },
      get say() {
        return pdf?.say ?? (wording ??= loadPdfWording(templatesDir)).say;
      },
      get warnings() {
        return distinct(pdf ? pdf.warnings : pdfAssetWarnings(templatesDir), submission.warnings, summary.warnings, site.warnings);
      },
    };
    byDir.set(key, a);
  }
  return a;
}

/**
 * The warnings of officeAssets without parsing the built-in fonts, for `duban check`, which draws
 * nothing: it loads no font library unless the office supplied fonts of its own.
 */
export function officeAssetWarnings(templatesDir: string): string[] {
  const loaded = byDir.get(path.resolve(templatesDir));
  if (loaded) return loaded.warnings;
  return distinct(pdfAssetWarnings(templatesDir), loadSubmissionWording(templatesDir).warnings, loadSummaryTemplate(templatesDir).warnings, loadSiteTemplates(templatesDir).warnings);
}

function distinct(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}
