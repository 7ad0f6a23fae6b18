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
import { loadPdfAssets, pdfAssetWarnings, type PdfAssets } from './pdf/assets.ts';
import { loadSubmissionWording, type SubmissionWordingResult } from './pdf/documents/submission-reminder-wording.ts';
import { loadSummaryTemplate, type SummaryTemplate } from './pdf/report-summary.ts';
import { loadSiteTemplates, type SiteTemplates } from './html/templates.ts';

export interface OfficeAssets {
  templatesDir: string;
  pdf: PdfAssets;
  submission: SubmissionWordingResult;
  summary: SummaryTemplate;
  site: SiteTemplates;
  /** Every asset's warnings, in Chinese, without repeats; read it after rendering to include any found then. */
  readonly warnings: string[];
}

const byDir = new Map<string, OfficeAssets>();

/** Fonts are parsed and templates compiled once per folder, however many builds a watch session runs. */
export function officeAssets(templatesDir: string): OfficeAssets {
  const key = path.resolve(templatesDir);
  let a = byDir.get(key);
  if (!a) {
    const pdf = loadPdfAssets(templatesDir);
    const submission = loadSubmissionWording(templatesDir);
    const summary = loadSummaryTemplate(templatesDir);
    const site = loadSiteTemplates(templatesDir);
    a = {
      templatesDir, pdf, submission, summary, site,
      get warnings() {
        return distinct(pdf.warnings, submission.warnings, summary.warnings, site.warnings);
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
