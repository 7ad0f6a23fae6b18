/**
 * Ledger cells are untrusted text. Control characters (ESC sequences such as "\u001b[2J", the other
 * C0 and C1 controls) drive a terminal, and bidirectional overrides and marks (U+202A–U+202E,
 * U+2066–U+2069, U+200E/U+200F, U+061C) make a name read differently from what it is ("教务处‮fdp.exe").
 * Terminal output shows them escaped; file names drop them.
 */
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** The same less C0, which JSON.stringify always escapes inside strings (and uses as layout outside). */
const RAW_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every control and bidi character shown as a visible escape (`\u001B`, `\n`). */
export function terminalText(text: string): string {
  return text.replace(CONTROL_OR_BIDI, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * JSON for the terminal: the same value as JSON.stringify, with the C1 controls and bidi characters
 * JSON.stringify leaves raw written as \u escapes (they only occur inside strings, where that is valid JSON).
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text without control and bidi characters, for file names built from ledger text. */
export function stripControls(text: string): string {
  return text.replace(CONTROL_OR_BIDI, '');
}
