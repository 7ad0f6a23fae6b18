/**
 * Where each page lives inside an edition. Paths are ASCII so links survive any web server,
 * zip tool or Windows share; unit pages are named by a hash of the unit name, because a name
 * from a spreadsheet may hold characters no file system accepts (教务处/人事处, 「？」).
 * The hash is of a name the edition already shows, so a file name reveals nothing more.
 */
export const INDEX_PAGE = 'index.html';
export const CATALOGUE_PAGE = 'disclosure.html';
export const SEARCH_PAGE = 'search.html';
export const UNITS_PAGE = 'units.html';
export const CSS_FILE = 'assets/site.css';
export const SEARCH_SCRIPT = 'assets/search.js';
export const SEARCH_INDEX_SCRIPT = 'assets/search-index.js';

/** '2026-11' → 'bulletin/2026-11.html'; the id is the CLI's period id, never spreadsheet text. */
export function bulletinPage(periodId: string): string {
  return `bulletin/${asciiSegment(periodId)}.html`;
}

export function bulletinImage(periodId: string): string {
  return `bulletin/${asciiSegment(periodId)}.png`;
}

export function unitPage(unit: string): string {
  return `units/u-${fnv1a(unit)}.html`;
}

/** Anchor of an item row on its unit page. */
export function itemAnchor(id: string): string {
  return `item-${fnv1a(id)}`;
}

/** '../' for each folder level, so every link is relative and works from file:// too. */
export function rootOf(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').length - 1);
}

function asciiSegment(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Hashes already taken: every row of every month names its unit page and its anchor (a site
 * build at 10,000 items asks for the same few thousand names hundreds of thousands of times).
 * Bounded, for long watch sessions.
 */
const hashes = new Map<string, string>();
const HASHES_MAX = 50_000;

function fnv1a(s: string): string {
  const known = hashes.get(s);
  if (known !== undefined) return known;
  if (hashes.size >= HASHES_MAX) hashes.clear();
  const h = fnv1aOf(s);
  hashes.set(s, h);
  return h;
}

/** 32-bit FNV-1a over UTF-16 code units: stable across runs and machines, 8 hex digits. */
function fnv1aOf(s: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
