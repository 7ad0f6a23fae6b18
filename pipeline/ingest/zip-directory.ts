/**
 * How big an XLSX workbook is once unzipped, found before exceljs unzips it. A 200 KB workbook
 * can hold one 200 MB shared string (the same character repeated deflates about 1000:1);
 * exceljs would inflate and parse it whole (23 s, 4 GB, then a crash). The zip's central
 * directory lists every entry's packed and unpacked size in a few bytes each (APPNOTE.TXT
 * §4.3.12, §4.3.16, ZIP64 §4.3.14–4.3.15); a workbook over the limits is refused as it is.
 * Since a directory can understate a size, each deflated entry is then inflated with its
 * stated size as a hard ceiling, so nothing the directory did not admit is ever unpacked.
 */
import { inflateRawSync } from 'node:zlib';
import { issue, type Issue } from '../model/issue.ts';
import { megabytes, type IngestLimits } from './limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  /** Offset of the entry's local header. */
  local: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

/** The entries of the zip's central directory, or null when there is none to read (exceljs then says the file is damaged). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--) {
    if (v.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = v.getUint16(end + 10, true);
  let offset = v.getUint32(end + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && v.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = Number(v.getBigUint64(end - 20 + 8, true));
    if (at + 56 > bytes.length || v.getUint32(at, true) !== ZIP64_EOCD) return null;
    count = Number(v.getBigUint64(at + 32, true));
    offset = Number(v.getBigUint64(at + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== CENTRAL) return null;
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) return null;
    let packed = v.getUint32(p + 20, true);
    let unpacked = v.getUint32(p + 24, true);
    let local = v.getUint32(p + 42, true);
    // ZIP64 extended information: the 8-byte values of the fields written as 0xFFFFFFFF, in this order.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = v.getUint16(x, true);
      const size = v.getUint16(x + 2, true);
      if (id === 0x0001) {
        let f = x + 4;
        const next = (): number => {
          const n = f + 8 <= x + 4 + size ? Number(v.getBigUint64(f, true)) : 0;
          f += 8;
          return n;
        };
        if (unpacked === 0xffffffff) unpacked = next();
        if (packed === 0xffffffff) packed = next();
        if (local === 0xffffffff) local = next();
      }
      x += 4 + size;
    }
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method: v.getUint16(p + 10, true), packed, unpacked, local });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Why this workbook is not unzipped at all, or null when it may be. */
export function workbookTooLarge(bytes: Uint8Array, file: string, limits: IngestLimits): Issue | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  let total = 0;
  for (const e of entries) {
    total += e.unpacked;
    if (e.unpacked > limits.ratioFloorBytes && e.unpacked > limits.compressionRatio * Math.max(1, e.packed)) {
      return tooLarge(
        file,
        `工作簿中的「${e.name}」只有 ${megabytes(e.packed)}，解压后却有 ${megabytes(e.unpacked)}（${Math.round(e.unpacked / Math.max(1, e.packed))} 倍），不像正常的台账（可能是损坏或特意构造的文件），未读取`,
      );
    }
  }
  if (total > limits.inflatedBytes) {
    return tooLarge(file, `工作簿解压后有 ${megabytes(total)}，超过 ${megabytes(limits.inflatedBytes)} 的上限，未读取`);
  }
  for (const e of entries) {
    if (!unpacksWithin(bytes, e)) {
      return tooLarge(file, `工作簿中的「${e.name}」解压后比文件目录中记录的 ${megabytes(e.unpacked)} 更大（文件已损坏或是特意构造的），未读取`);
    }
  }
  return null;
}

/** Whether the entry's data unpacks to no more than its directory says. */
function unpacksWithin(bytes: Uint8Array, e: ZipEntry): boolean {
  if (e.method !== DEFLATED && e.method !== STORED) return true; // exceljs cannot read it either and says so
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.local + 30 > bytes.length || v.getUint32(e.local, true) !== LOCAL) return true;
  const start = e.local + 30 + v.getUint16(e.local + 26, true) + v.getUint16(e.local + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + e.packed));
  if (e.method === STORED) return data.length <= e.unpacked;
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, e.unpacked) });
    return true;
  } catch (err) {
    // Only "more than the ceiling" is our business; damaged data is for exceljs to report.
    return (err as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE';
  }
}

const SPLIT_HINT = '请用 Excel 或 WPS 打开该文件，删去不需要的工作表、图片和过长的单元格后另存为新的 .xlsx；台账很大时可以拆成几个文件（例如按年度或单位）。';

function tooLarge(file: string, message: string): Issue {
  return issue('error', 'E_FILE_TOO_LARGE', { file }, message, SPLIT_HINT);
}
