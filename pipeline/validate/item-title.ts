/**
 * The short title of a task: its first sentence without the numbering.
 * "（一）强化政治理论学习。全校各级党组织…" → "强化政治理论学习".
 */
const NUMBERING = /^\s*(?:[（(]\s*[一二三四五六七八九十百零〇\d]+\s*[）)]|[一二三四五六七八九十百]+\s*[、.．]|\d+\s*[、.．)）](?!\d)|[①-⑳]|第[一二三四五六七八九十百\d]+[条项])\s*/u;

const SENTENCE_END = /[。；;！!？?\n]/u;

export function shortTitle(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 2 && NUMBERING.test(t); i++) t = t.replace(NUMBERING, '');
  const end = t.search(SENTENCE_END);
  const first = (end >= 0 ? t.slice(0, end) : t).trim();
  return first === '' ? text.trim() : first;
}
