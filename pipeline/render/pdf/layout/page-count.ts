/**
 * How many pages a PDF of ours has, for the 卷内目录 of the archive: the /Count of its page tree
 * (the largest, which is the root's when the tree has levels). Both writers (pdfmake for the
 * pdfmake documents, writer/ for the band documents) keep the page-tree dictionaries uncompressed.
 */
const PAGES_DICT = /<<(?:(?!<<|>>)[\s\S])*?\/Type\s*\/Pages\b(?:(?!<<|>>)[\s\S])*?>>/g;

export function pdfPageCount(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let max: number | null = null;
  for (const m of text.matchAll(PAGES_DICT)) {
    const count = /\/Count\s+(\d+)/.exec(m[0]);
    if (count) max = Math.max(max ?? 0, Number(count[1]));
  }
  return max;
}
