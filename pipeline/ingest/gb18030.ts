/**
 * GB18030 bytes → text, as iconv-lite decodes them. iconv-lite builds its code tables on first
 * use (about 40 ms, each process); Node's own decoder (ICU) needs none and gives the same text
 * for every valid sequence but the 18 two-byte codes below, which ICU maps to the GB18030-2022
 * characters and iconv-lite to the older private-use ones (compared over every 1-, 2- and
 * 4-byte sequence). So ICU decodes unless the bytes hold one of those codes or are not valid
 * GB18030; then iconv-lite does, and an old file reads as it always did.
 */
import { createRequire } from 'node:module';

const ICU_DIFFERS = new Set([0xa6d9, 0xa6da, 0xa6db, 0xa6dc, 0xa6dd, 0xa6de, 0xa6df, 0xa6ec, 0xa6ed, 0xa6f3, 0xfe59, 0xfe61, 0xfe66, 0xfe67, 0xfe6d, 0xfe7e, 0xfe90, 0xfea0]);

let icu: TextDecoder | null | undefined;

function icuDecoder(): TextDecoder | null {
  if (icu === undefined) {
    try {
      icu = new TextDecoder('gb18030', { fatal: true });
    } catch {
      icu = null; // a Node built without full ICU
    }
  }
  return icu;
}

/** Whether valid GB18030 `bytes` hold a code ICU reads differently (invalid bytes make ICU throw anyway). */
function holdsIcuDifference(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b <= 0x80) {
      i += 1; // ASCII, and 0x80 (€) on its own
      continue;
    }
    const t = bytes[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      i += 4; // a four-byte sequence
      continue;
    }
    if ((b === 0xa6 || b === 0xfe) && ICU_DIFFERS.has((b << 8) | t)) return true;
    i += 2;
  }
  return false;
}

export function decodeGb18030(bytes: Uint8Array): string {
  const decoder = icuDecoder();
  if (decoder && !holdsIcuDifference(bytes)) {
    try {
      return decoder.decode(bytes);
    } catch {
      // Not valid GB18030: iconv-lite's replacement characters are what the user has always seen.
    }
  }
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}
