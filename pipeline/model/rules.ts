/**
 * The numbers of the regulations duban enforces, defined once and imported wherever a rule is
 * applied or quoted in a document (the seeds cite them).
 */

/** Seed 003 art. 8: an item reminded this many times or more is escalated (督办3次以上，从重问责). */
export const ESCALATE_AT = 3;

/** Seed 004 art. 22: an extension is applied for at least this many working days before the deadline. */
export const EXTENSION_LEAD_WORKDAYS = 5;

/** Seed 004 art. 22: an extension of more than this many months needs a 分管校领导's approval. */
export const EXTENSION_OFFICE_MONTHS = 3;

/** 延期批准 is 党政办公室, 分管校领导 or the approving leader's name; only the office's own approval is not a leader's. */
const OFFICE_APPROVAL = /^$|办公室|党政办|党校办|办公厅/u;

/** True when 延期批准 names the office itself (or nobody), not a leader. */
export function isOfficeApproval(by: string): boolean {
  return OFFICE_APPROVAL.test(by.trim());
}
