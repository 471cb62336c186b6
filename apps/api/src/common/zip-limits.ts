import zlib from 'node:zlib';

/** How much a zip (xlsx, docx) may hold once inflated. */
export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
}

export class ZipLimitError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks a zip's entries against `limits` before anything inflates it: the sizes its central directory
 * declares, and then the real ones (each entry is inflated with an output cap of its declared size, so a
 * header that lies about a bomb is caught at that size, never at the bomb's). Throws ZipLimitError with
 * an English reason for the log; the caller words the message for the user.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipLimitError('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipLimitError('zip64 archives are not accepted');
  if (count > limits.maxEntries) throw new ZipLimitError(`${count} entries, more than ${limits.maxEntries}`);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipLimitError('broken central directory');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (size > limits.maxEntryBytes) throw new ZipLimitError(`entry ${name} declares ${size} bytes, more than ${limits.maxEntryBytes}`);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipLimitError(`entries declare more than ${limits.maxTotalBytes} bytes together`);
    checkEntry(buf, { name, method, compressed, size, local });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}

function checkEntry(buf: Buffer, e: { name: string; method: number; compressed: number; size: number; local: number }) {
  if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL) throw new ZipLimitError(`entry ${e.name}: broken local header`);
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (data.length !== e.compressed) throw new ZipLimitError(`entry ${e.name} is truncated`);
  if (e.method === 0) {
    if (e.compressed !== e.size) throw new ZipLimitError(`stored entry ${e.name} has mismatched sizes`);
    return;
  }
  if (e.method !== 8) throw new ZipLimitError(`entry ${e.name} uses compression method ${e.method}`);
  let inflated: Buffer;
  try {
    inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size + 1) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ZipLimitError(code === 'ERR_BUFFER_TOO_LARGE' ? `entry ${e.name} inflates beyond its declared ${e.size} bytes` : `entry ${e.name} does not inflate`);
  }
  if (inflated.length !== e.size) throw new ZipLimitError(`entry ${e.name} inflates to ${inflated.length} bytes, not the declared ${e.size}`);
}
