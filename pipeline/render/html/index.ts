/** The disclosure site (public/ and campus/ editions) and its long images: what the CLI calls. */
export { renderSite, type SiteInput } from './site.ts';
export { loadSiteTemplates, BUILTIN_TEMPLATES_DIR, type SiteTemplates } from './templates.ts';
export { renderBulletinImages, IMAGE_WIDTH, IMAGE_SCALE } from './bulletin-images.ts';
export { findBrowser, launchBrowser, NO_BROWSER_MESSAGE } from './browser.ts';
export { selectEdition, EDITIONS, type Edition, type EditionView } from './edition.ts';
export type { BulletinPeriod } from './bulletin-data.ts';
