/**
 * Writes files into a zip archive as a stream, for downloads that contain
 * more than one file. Each entry is deflated as it is read and followed by a
 * data descriptor with its CRC-32 and sizes (APPNOTE.TXT 6.3.10, sections
 * 4.3.7 to 4.3.16), so no file is held in memory whole. Archives stay within
 * the classic format's 4 GiB limits; ZIP64 is not written.
 */

import { once } from "node:events";
import { createReadStream } from "node:fs";
import { createDeflateRaw } from "node:zlib";

import { updateCrc32 } from "../uploads/crc32.js";

export interface ZipFile {
  /** Name inside the archive, such as `audit.jsonl`. */
  readonly name: string;
  /** The file to read. */
  readonly path: string;
  /** Unix permission bits that unzip restores, such as 0o600. */
  readonly mode: number;
}

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** Version 2.0: deflate and data descriptors (APPNOTE 4.4.3). */
const VERSION_NEEDED = 20;
/** "Made by" Unix (host 3), so that the external attributes carry a Unix mode. */
const MADE_BY = (3 << 8) | VERSION_NEEDED;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const METHOD_DEFLATE = 8;
const REGULAR_FILE = 0o100000;
const MAX_32 = 0xffffffff;

interface Written {
  readonly name: Buffer;
  readonly mode: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * Yields the bytes of a zip archive of `files`, each dated `modified`.
 * Throws when a file cannot be read or the archive would pass 4 GiB.
 */
export async function* zipFiles(files: readonly ZipFile[], modified: Date): AsyncGenerator<Buffer> {
  const { time, date } = dosDateTime(modified);
  const written: Written[] = [];
  let offset = 0;

  for (const file of files) {
    const name = Buffer.from(file.name, "utf8");
    const header = localHeader(name, time, date);
    const entryOffset = offset;
    offset += header.length;
    yield header;

    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const counted = (chunk: Buffer) => {
      crc = updateCrc32(crc, chunk);
      size += chunk.length;
    };
    for await (const chunk of deflateFile(file.path, counted)) {
      compressedSize += chunk.length;
      yield chunk;
    }

    offset += compressedSize;
    checkSize(file.name, Math.max(size, offset));
    const descriptor = dataDescriptor(crc, compressedSize, size);
    offset += descriptor.length;
    yield descriptor;
    written.push({ name, mode: file.mode, crc, compressedSize, size, offset: entryOffset });
  }

  const directoryOffset = offset;
  let directorySize = 0;
  for (const entry of written) {
    const header = centralHeader(entry, time, date);
    directorySize += header.length;
    yield header;
  }
  checkSize("the archive", directoryOffset + directorySize);
  yield endRecord(written.length, directorySize, directoryOffset);
}

/** Yields the deflated bytes of a file, passing each chunk read to `onInput` first. */
async function* deflateFile(path: string, onInput: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  const deflater = createDeflateRaw();
  const output: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => output.push(chunk));
  const ended = once(deflater, "end");
  // Observed here so that an error while the loop below waits is not unhandled; awaited below.
  ended.catch(() => undefined);

  try {
    for await (const chunk of createReadStream(path)) {
      onInput(chunk as Buffer);
      if (!deflater.write(chunk)) {
        await once(deflater, "drain");
      }
      yield* output.splice(0);
    }
    deflater.end();
    await ended;
    yield* output.splice(0);
  } finally {
    deflater.destroy();
  }
}

function localHeader(name: Buffer, time: number, date: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(FLAGS, 6);
  header.writeUInt16LE(METHOD_DEFLATE, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  // CRC-32 and sizes (14 to 25) stay 0: the data descriptor carries them.
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function dataDescriptor(crc: number, compressedSize: number, size: number): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
  descriptor.writeUInt32LE(crc, 4);
  descriptor.writeUInt32LE(compressedSize, 8);
  descriptor.writeUInt32LE(size, 12);
  return descriptor;
}

function centralHeader(entry: Written, time: number, date: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(MADE_BY, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(FLAGS, 8);
  header.writeUInt16LE(METHOD_DEFLATE, 10);
  header.writeUInt16LE(time, 12);
  header.writeUInt16LE(date, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // Extra field, comment, disk number and internal attributes (30 to 37) stay 0.
  header.writeUInt32LE(((REGULAR_FILE | entry.mode) << 16) >>> 0, 38);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endRecord(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // This disk and the directory's disk (4 to 7) are 0.
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}

/** Returns the MS-DOS time and date fields (APPNOTE 4.4.6), in UTC, to two seconds. */
function dosDateTime(moment: Date): { time: number; date: number } {
  const year = Math.min(Math.max(moment.getUTCFullYear(), 1980), 2107);
  const time = (moment.getUTCHours() << 11) | (moment.getUTCMinutes() << 5) | Math.floor(moment.getUTCSeconds() / 2);
  const date = ((year - 1980) << 9) | ((moment.getUTCMonth() + 1) << 5) | moment.getUTCDate();
  return { time, date };
}

function checkSize(what: string, bytes: number): void {
  if (bytes > MAX_32) {
    throw new RangeError(
      `cannot add ${what} to the zip archive: it passes 4 GiB, which needs ZIP64; ` +
        "copy the file from the data folder instead",
    );
  }
}
