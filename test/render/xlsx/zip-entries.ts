/** Test helper: the entries of a zip (an XLSX) by name, read through its central directory. */
import { unzip } from '../../../pipeline/render/docx/zip.ts';

export function zipEntries(bytes: Uint8Array): Map<string, Buffer> {
  return new Map(unzip(bytes).map((e) => [e.name.replace(/^\//, ''), e.bytes]));
}

/** Modification times (DOS date/time words) of every entry, central directory and local header. */
export function zipTimes(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const local = buf.readUInt32LE(p + 42);
    times.push(buf.readUInt32LE(p + 12), buf.readUInt32LE(local + 10));
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return times;
}
