/**
 * exceljs' zip library stamps every entry with the current time, and some of its entries are added
 * before a caller could intervene, so the same report would differ byte for byte between runs.
 * This rewrites the DOS date/time of every entry (central directory and local headers) to one fixed
 * moment after the fact. It only touches fixed-size header fields; a buffer that is not a plain
 * zip (no end-of-central-directory record) is returned unchanged.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function fixZipTimes(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return zip;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const { time, date } = dosDateTime(when);
  for (let n = 0; n < entries; n++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL) return zip;
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 <= view.byteLength && view.getUint32(local, true) === LOCAL) {
      view.setUint16(local + 10, time, true);
      view.setUint16(local + 12, date, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}

function findEocd(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= stop; p--) if (view.getUint32(p, true) === EOCD) return p;
  return -1;
}

/** Zip stores local wall-clock time; the report's clock is China Standard Time. */
function dosDateTime(when: Date): { time: number; date: number } {
  const t = new Date(when.getTime() + 8 * 3_600_000);
  const year = Math.min(2107, Math.max(1980, t.getUTCFullYear()));
  return {
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}
