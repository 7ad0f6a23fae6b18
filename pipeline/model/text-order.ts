/** One order for Chinese names everywhere (units, lists): pinyin, then code points to break ties. */
const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/** Deterministic across machines with full ICU (Node ships it). */
export function compareZh(a: string, b: string): number {
  return collator.compare(a, b) || byCodePoint(a, b);
}

/** Code-unit order: the same on every machine, unlike locale collation (ids, paths, codes). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
