/**
 * A pure function of a cell's text, remembered per text: a ledger writes the same dates and
 * deadlines (2026-11-30, 12月底前, 10个工作日内) thousands of times. Results are shared between
 * the rows that wrote the same text, so they must never be mutated (none of validate's are).
 * Bounded: past `size` distinct texts the memo starts afresh (a bound on memory, not on time).
 */
export function memoByText<T>(fn: (text: string) => T, size = 20_000): (text: string) => T {
  let memo = new Map<string, T>();
  return (text) => {
    if (typeof text !== 'string') return fn(text);
    const known = memo.get(text);
    if (known !== undefined || memo.has(text)) return known as T;
    const value = fn(text);
    if (memo.size >= size) memo = new Map();
    memo.set(text, value);
    return value;
  };
}
