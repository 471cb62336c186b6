import { DocumentReadError } from './errors.js';

// A .docx (and an .xlsx) is a zip archive. Its central directory states every entry's size before
// anything is inflated, so an archive that would inflate to gigabytes (a zip bomb) is refused up
// front; while inflating, the real output is counted too, because the stated sizes can lie.
// `format` ('.docx', '.xlsx') names the file in the messages.

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Largest uncompressed size of one entry that is read. */
  entryBytes: number;
  /** Largest sum of the uncompressed sizes of all entries. */
  totalBytes: number;
  /** Most entries in the archive. */
  entries: number;
}

export const ZIP_LIMITS: ZipLimits = { entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, entries: 20_000 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (why: string, format: string) =>
  new DocumentReadError('CORRUPT_DOCX', `无法打开 ${format} 文件(${why})`);
const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** The archive's entries as its central directory lists them, after the size checks. */
export function readZipEntries(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS, format = '.docx'): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus at most a 64 KB comment: searched backwards once.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('压缩包损坏', format);
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw corrupt('不支持 ZIP64 格式', format);
  if (count > limits.entries)
    throw new DocumentReadError('TOO_LARGE', `${format} 压缩包内有 ${count} 个文件,超过 ${limits.entries} 个的上限`);
  if (offset + size > bytes.length) throw corrupt('压缩包目录越界', format);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let total = 0;
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw corrupt('压缩包目录损坏', format);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw corrupt('不支持 ZIP64 格式', format);
    total += entry.uncompressedSize;
    if (total > limits.totalBytes) {
      throw new DocumentReadError(
        'TOO_LARGE',
        `${format} 解压后超过 ${megabytes(limits.totalBytes)} 的上限,可能是恶意构造的压缩包,已拒绝读取`,
      );
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, handing the output to `onChunk` as it comes. Refuses an entry whose stated
 * size is over the limit before inflating, and stops as soon as the output exceeds what was stated.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
  limits: ZipLimits = ZIP_LIMITS,
  format = '.docx',
): Promise<void> {
  if (entry.uncompressedSize > limits.entryBytes) {
    throw new DocumentReadError(
      'TOO_LARGE',
      `${format} 中的 ${entry.name} 解压后有 ${megabytes(entry.uncompressedSize)},超过 ${megabytes(limits.entryBytes)} 的上限`,
    );
  }
  if (entry.flags & 1) throw corrupt('文件已加密', format);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt('压缩包文件头损坏', format);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt('压缩包数据不完整', format);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw corrupt('压缩包数据与声明的大小不符', format);
    onChunk(data);
    return;
  }
  if (entry.method !== 8) throw corrupt(`不支持的压缩方式 ${entry.method}`, format);
  const { createInflateRaw } = await import('node:zlib');
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(e);
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize)
        return fail(
          new DocumentReadError(
            'TOO_LARGE',
            `${format} 中的 ${entry.name} 解压后超过声明的大小,可能是恶意构造的压缩包,已拒绝读取`,
          ),
        );
      try {
        onChunk(chunk);
      } catch (e) {
        fail(e);
      }
    });
    inflate.on('error', () => fail(corrupt('压缩数据损坏', format)));
    inflate.on('end', () => {
      if (failed) return;
      if (produced !== entry.uncompressedSize) return fail(corrupt('压缩包数据与声明的大小不符', format));
      resolve();
    });
    inflate.end(data);
  });
}

/** The whole entry as UTF-8 text (for the small parts: numbering, styles). */
export async function entryText(bytes: Uint8Array, entry: ZipEntry, limits: ZipLimits = ZIP_LIMITS): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  await inflateEntry(bytes, entry, (chunk) => (text += decoder.decode(chunk, { stream: true })), limits);
  return text + decoder.decode();
}

/**
 * Checks a whole archive against `limits` without keeping anything: the sizes its directory states,
 * then each entry inflated and counted (the output is dropped). For archives another library reads
 * afterwards (an .xlsx for ExcelJS), which would inflate a bomb without asking.
 */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits, format: string): Promise<void> {
  for (const entry of readZipEntries(bytes, limits, format))
    await inflateEntry(bytes, entry, () => undefined, limits, format);
}
