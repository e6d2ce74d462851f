/**
 * A small zip writer for tests (APPNOTE.TXT 6.3.10 layout: local headers
 * with data, then the central directory and its end record). Each entry
 * can lie in its header, point at another entry's data, or carry flags
 * and Unix modes, so that the reader's checks can be tried one by one.
 */

import { deflateRawSync, constants } from "node:zlib";

import { crc32 } from "../../../src/web/uploads/crc32.js";

export interface ZipEntrySpec {
  /** Entry name; a string is written as UTF-8. */
  readonly name: string | Uint8Array;
  /** Inflated content. */
  readonly data?: string | Uint8Array;
  /** 0 stored, 8 deflate (default), or any other number as is. */
  readonly method?: number;
  /** Bytes written as the entry's data instead of compressing `data`. */
  readonly compressed?: Uint8Array;
  /** Declared inflated size instead of the size of `data`. */
  readonly declaredSize?: number;
  /** Declared CRC-32 instead of the CRC of `data`. */
  readonly crc?: number;
  /** General purpose flags; bit 11 (UTF-8 name) is set for string names unless given. */
  readonly flags?: number;
  /** Unix st_mode, written with "made by" host 3 (Unix). */
  readonly unixMode?: number;
  /** Index of an earlier entry whose local header and data this entry points at. */
  readonly sharesDataOf?: number;
}

export interface ZipOptions {
  /** Writes a ZIP64 end of central directory locator before the end record. */
  readonly zip64Locator?: boolean;
  /** Declared total entry count instead of the real one. */
  readonly declaredEntries?: number;
  readonly comment?: string;
}

export const STORED = 0;
export const DEFLATED = 8;

/** Builds a zip archive from `entries`. */
export function buildZip(entries: readonly ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;

  for (const spec of entries) {
    const name = typeof spec.name === "string" ? Buffer.from(spec.name, "utf8") : Buffer.from(spec.name);
    const data = typeof spec.data === "string" ? Buffer.from(spec.data, "utf8") : Buffer.from(spec.data ?? []);
    const method = spec.method ?? DEFLATED;
    const compressed = Buffer.from(spec.compressed ?? (method === DEFLATED ? deflateRawSync(data) : data));
    const flags = spec.flags ?? (typeof spec.name === "string" ? 0x0800 : 0);
    const crc = spec.crc ?? crc32(data);
    const size = spec.declaredSize ?? data.length;

    let localOffset = offset;
    if (spec.sharesDataOf === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(compressed.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      locals.push(local, name, compressed);
      offset += local.length + name.length + compressed.length;
    } else {
      localOffset = offsets[spec.sharesDataOf]!;
    }
    offsets.push(localOffset);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt8(20, 4);
    central.writeUInt8(spec.unixMode === undefined ? 0 : 3, 5);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(spec.unixMode === undefined ? 0 : (spec.unixMode << 16) >>> 0, 38);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(central, name);
  }

  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? "", "utf8");
  const tail: Buffer[] = [];
  if (options.zip64Locator === true) {
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    tail.push(locator);
  }
  const end = Buffer.alloc(22);
  const count = options.declaredEntries ?? entries.length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, ...tail, end, comment]);
}

/**
 * Returns a raw deflate stream that inflates to `segments` MiB of zeros,
 * built from one compressed MiB repeated, so that the test need not deflate
 * the whole size. A full flush ends each copy on a byte boundary with the
 * history reset, so the copies chain into one valid stream. Two bytes of
 * an empty final block (fixed Huffman, BFINAL set) end the stream.
 */
export function deflatedZeros(segments: number): Buffer {
  const segment = deflateRawSync(Buffer.alloc(1024 * 1024), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const copies: Buffer[] = [];
  for (let i = 0; i < segments; i++) {
    copies.push(segment);
  }
  return Buffer.concat([...copies, Buffer.from([0x03, 0x00])]);
}

/**
 * Returns the CRC-32 of `length` zero bytes without allocating them: the
 * CRC register over zero bytes is a linear map, so the map for 2n bytes is
 * the square of the map for n bytes (the method of zlib's crc32_combine).
 */
export function crc32OfZeros(length: number): number {
  // The operator for one zero bit, as 32 columns over GF(2).
  let operator: Uint32Array = new Uint32Array(32);
  operator[0] = 0xedb88320;
  for (let bit = 1; bit < 32; bit++) {
    operator[bit] = 1 << (bit - 1);
  }
  // Three squarings give the operator for 2^3 zero bits, one zero byte.
  for (let i = 0; i < 3; i++) {
    operator = square(operator);
  }

  // Runs the register from the initial value through `length` zero bytes.
  let register = 0xffffffff;
  let remaining = length;
  while (remaining > 0) {
    if ((remaining & 1) === 1) {
      register = times(operator, register);
    }
    remaining = Math.floor(remaining / 2);
    if (remaining > 0) {
      operator = square(operator);
    }
  }
  return (register ^ 0xffffffff) >>> 0;
}

function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  let v = vector >>> 0;
  for (let i = 0; v !== 0; i++, v >>>= 1) {
    if ((v & 1) === 1) {
      sum ^= matrix[i]!;
    }
  }
  return sum >>> 0;
}

function square(matrix: Uint32Array): Uint32Array {
  const result = new Uint32Array(32);
  for (let i = 0; i < 32; i++) {
    result[i] = times(matrix, matrix[i]!);
  }
  return result;
}
