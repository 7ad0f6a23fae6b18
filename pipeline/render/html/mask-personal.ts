/**
 * 个人隐私 in published text (《高等学校信息公开办法》 art. 10: personal privacy is not disclosed).
 * A secretary may paste a 身份证号, a 手机号 or a 银行卡号 into a title or a 公开内容 cell; the
 * public and campus editions show only enough digits to recognise the number, never to use it.
 *
 *   身份证号 (18 位, last may be X)   110105********1234   first 6 + last 4
 *   银行卡号 (16–19 位, may be grouped) 622202*********0123 first 6 + last 4
 *   手机号   (11 位, 1[3-9]…, may be +86 / grouped) 138****5678 first 3 + last 4
 *
 * Full-width digits are folded first: a number typed with an IME must not slip through.
 * Office landlines (0771-2687015) are not personal data and stay as written.
 */

const FULL_WIDTH_DIGIT = /[０-９Ｘｘ]/g;

/**
 * An ID or card number, not part of a longer digit run: contiguous (16–19 digits, or 17 + X),
 * an ID grouped 6-8-4, or a card grouped 4-4-4-4(-1..3). Groupings are fixed so a date followed
 * by a phone number ("20261103 13812345678") is not taken for one card number.
 */
const LONG_NUMBER =
  /(?<!\d)(?:\d{17}[Xx]|\d{16,19}|\d{6}[ -]\d{8}[ -]\d{3}[\dXx]|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)(?!\d)/g;

/** A mainland mobile number, optionally +86/86-prefixed and grouped 3-4-4. */
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;

export function maskPersonal(text: string): string {
  if (!/[\d０-９]/.test(text)) return text;
  return text
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(LONG_NUMBER, maskLong)
    .replace(MOBILE, maskMobile);
}

function maskLong(match: string): string {
  const chars = match.replace(/[ -]/g, '');
  return chars.slice(0, 6) + '*'.repeat(chars.length - 10) + chars.slice(-4);
}

function maskMobile(match: string): string {
  const digits = match.replace(/\D/g, '');
  const national = digits.length > 11 ? digits.slice(-11) : digits;
  return national.slice(0, 3) + '****' + national.slice(-4);
}
