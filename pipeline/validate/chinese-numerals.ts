/**
 * Chinese numerals wherever digits may stand: 十二月, 十个工作日, 两周, 二〇二六年.
 * A run with 十/百 is read positionally (二十一 → 21); a run of bare digits digit by digit (二〇二六 → 2026).
 */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const RUN = /[零〇○一二两三四五六七八九十百廿卅]+/gu;

export function chineseNumber(run: string): number | null {
  if (run === '') return null;
  if (!/[十百廿卅]/u.test(run)) {
    let s = '';
    for (const ch of run) {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      s += d;
    }
    return Number(s);
  }
  let total = 0;
  let current = 0;
  for (const ch of run) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '廿') {
      total += 20;
    } else if (ch === '卅') {
      total += 30;
    } else {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      current = d;
    }
  }
  return total + current;
}

/** Replaces every run of Chinese numerals by Arabic digits; other text is left alone. */
export function arabicNumerals(text: string): string {
  return text.replace(RUN, (run) => {
    // Only date and deadline texts pass through here; the original text is what users see.
    const n = chineseNumber(run);
    return n === null ? run : String(n);
  });
}
