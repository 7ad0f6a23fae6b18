/**
 * How formal documents and tables name an item. A ledger 编号 (DB2026-001) is printed as it is.
 * An id duban built from a file name and 序号 (spec §2.1: `10月督查督办事项办理情况表#5`, `…#r12`)
 * is internal: the letters and tables show what the secretary sees in her ledger instead — its
 * 序号 (序号5, or 第12行 for a table with neither 编号 nor 序号), with the ledger's name in front
 * only when items of more than one such ledger appear in the same run (《11月督办台账》序号5).
 * A campaign row is named by its form: 自查表序号2, 整改表序号3.
 */
import type { AnalyzedItem } from './analysis.ts';

type Named = Pick<AnalyzedItem, 'id' | 'file' | 'row' | 'campaign'>;

/** The file name without folder and extension, as the id was built from it. */
function stemOf(file: string): string {
  const name = file.split(/[\\/]/).at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** What follows `<file name>#` in an id built from a file name (`5`, `5-2`, `r12`), or null for a ledger 编号. */
export function generatedIdPart(item: Pick<AnalyzedItem, 'id' | 'file'>): string | null {
  const stem = stemOf(item.file);
  return stem !== '' && item.id.startsWith(`${stem}#`) ? item.id.slice(stem.length + 1) : null;
}

/** True when items of more than one ledger without 编号 are in `items`: their labels then name the ledger. */
export function labelsNeedFile(items: readonly Pick<AnalyzedItem, 'id' | 'file'>[]): boolean {
  let first: string | null = null;
  for (const item of items) {
    if (generatedIdPart(item) === null) continue;
    const stem = stemOf(item.file);
    if (first === null) first = stem;
    else if (stem !== first) return true;
  }
  return false;
}

/** Labels for the items of one run: `items` decide whether ledger names are needed. */
export function itemLabeller(items: readonly Pick<AnalyzedItem, 'id' | 'file'>[]): (item: Named) => string {
  const withFile = labelsNeedFile(items);
  return (item) => itemLabel(item, withFile);
}

/** One item's label; `withFile` puts the ledger's name before a 序号. */
export function itemLabel(item: Named, withFile: boolean): string {
  if (item.campaign) {
    const form = item.campaign.kind === '自查' ? '自查表' : '整改表';
    return item.campaign.seq !== '' ? `${form}序号${item.campaign.seq}` : `${form}第${item.row}行`;
  }
  const part = generatedIdPart(item);
  if (part === null) return item.id;
  const row = /^r(\d+)$/.exec(part);
  const local = row ? `第${row[1]}行` : `序号${part}`;
  return withFile ? `《${stemOf(item.file)}》${local}` : local;
}
