/**
 * Reads a zip archive's central directory (PKWARE APPNOTE.TXT 6.3.10,
 * sections 4.3.6 to 4.3.16) from an archive held in memory. Only the
 * structure is read here: which entries there are, where their data lies
 * and what their headers declare. Nothing is inflated.
 *
 * The archive is untrusted, so every offset and length is checked against
 * the bytes actually present, and entries whose data overlap are rejected:
 * overlapping entries let a small archive inflate to many times its size
 * by reusing one compressed stream.
 */

import { UploadError } from "./upload-error.js";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const END_RECORD_BYTES = 22;
const ZIP64_LOCATOR_BYTES = 20;
const CENTRAL_HEADER_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
const MAX_COMMENT_BYTES = 0xffff;

/** One entry as its central directory header declares it. */
export interface ZipEntry {
  /** Position in the central directory, from 0. */
  readonly index: number;
  readonly nameBytes: Uint8Array;
  /** General purpose bit flags (APPNOTE 4.4.4). */
  readonly flags: number;
  /** Compression method: 0 stored, 8 deflate (APPNOTE 4.4.5). */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** The inflated size the header declares; inflation checks it. */
  readonly uncompressedSize: number;
  /** Upper byte of "version made by": 3 is Unix (APPNOTE 4.4.2). */
  readonly madeByHost: number;
  readonly externalAttributes: number;
  readonly localHeaderOffset: number;
  /** Offset of the entry's data, after its local header. */
  readonly dataOffset: number;
}

/** General purpose flag bits (APPNOTE 4.4.4). */
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_UTF8_NAME = 0x0800;

/**
 * Reads the central directory of `archive`, named `name` in messages.
 * Throws an UploadError when the archive is not a zip file, is damaged,
 * uses ZIP64 or spans several files, has more than `maxEntries` entries,
 * or has entries whose data overlap.
 */
export function readCentralDirectory(archive: Uint8Array, name: string, maxEntries: number): ZipEntry[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = findEndRecord(view, name);

  const diskNumber = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const entriesOnDisk = view.getUint16(end + 8, true);
  const totalEntries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);

  const zip64 =
    (end >= ZIP64_LOCATOR_BYTES && view.getUint32(end - ZIP64_LOCATOR_BYTES, true) === ZIP64_END_LOCATOR) ||
    totalEntries === 0xffff ||
    directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff;
  if (zip64) {
    throw unsupported(name, "it is a ZIP64 archive");
  }
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== totalEntries) {
    throw unsupported(name, "it is one part of an archive split over several files");
  }
  if (totalEntries > maxEntries) {
    throw new UploadError(
      "too-many-entries",
      `'${name}' has ${totalEntries} entries, over the limit of ${maxEntries}; ` +
        "split the scripts over several archives",
      { limit: maxEntries },
    );
  }
  if (directoryOffset + directorySize > end) {
    throw damaged(name, "its central directory lies outside the file");
  }

  const entries = readEntries(view, name, directoryOffset, directorySize, totalEntries);
  checkNoOverlap(entries, name);
  return entries;
}

/**
 * Finds the end of central directory record: the last signature whose
 * comment length reaches exactly to the end of the file, so that a
 * signature inside the comment is not taken for the record.
 */
function findEndRecord(view: DataView, name: string): number {
  const last = view.byteLength - END_RECORD_BYTES;
  const first = Math.max(0, last - MAX_COMMENT_BYTES);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY) {
      continue;
    }
    if (at + END_RECORD_BYTES + view.getUint16(at + 20, true) === view.byteLength) {
      return at;
    }
  }
  throw new UploadError(
    "invalid-zip",
    `'${name}' is not a zip archive, or it was cut short: its end of central directory record is ` +
      "missing; upload the complete .zip file again",
  );
}

function readEntries(
  view: DataView,
  name: string,
  directoryOffset: number,
  directorySize: number,
  count: number,
): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const directoryEnd = directoryOffset + directorySize;
  let at = directoryOffset;

  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_HEADER_BYTES > directoryEnd || view.getUint32(at, true) !== CENTRAL_HEADER) {
      throw damaged(name, `central directory entry ${index + 1} of ${count} is missing or damaged`);
    }

    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const headerEnd = at + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (headerEnd > directoryEnd) {
      throw damaged(name, `central directory entry ${index + 1} of ${count} runs past the directory`);
    }

    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const localOffset = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw unsupported(name, `entry ${index + 1} has ZIP64 sizes`);
    }

    const nameStart = view.byteOffset + at + CENTRAL_HEADER_BYTES;
    entries.push({
      index,
      nameBytes: new Uint8Array(view.buffer, nameStart, nameLength),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize,
      madeByHost: view.getUint8(at + 5),
      externalAttributes: view.getUint32(at + 38, true),
      localHeaderOffset: localOffset,
      dataOffset: dataOffsetOf(view, name, index, localOffset, compressedSize, directoryOffset),
    });
    at = headerEnd;
  }

  if (at !== directoryEnd) {
    throw damaged(name, "its central directory size does not match its entries");
  }
  return entries;
}

/** Reads the local header at `localOffset` and returns where the data starts. */
function dataOffsetOf(
  view: DataView,
  name: string,
  index: number,
  localOffset: number,
  compressedSize: number,
  directoryOffset: number,
): number {
  if (localOffset + LOCAL_HEADER_BYTES > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_HEADER) {
    throw damaged(name, `the local header of entry ${index + 1} is missing or damaged`);
  }

  const nameLength = view.getUint16(localOffset + 26, true);
  const extraLength = view.getUint16(localOffset + 28, true);
  const dataOffset = localOffset + LOCAL_HEADER_BYTES + nameLength + extraLength;
  if (dataOffset + compressedSize > directoryOffset) {
    throw damaged(name, `the data of entry ${index + 1} runs past the start of the central directory`);
  }
  return dataOffset;
}

/** Rejects entries whose local header and data overlap another entry's. */
function checkNoOverlap(entries: readonly ZipEntry[], name: string): void {
  const spans = entries
    .map((entry) => ({ entry, start: entry.localHeaderOffset, end: entry.dataOffset + entry.compressedSize }))
    .sort((a, b) => a.start - b.start);

  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1]!;
    const current = spans[i]!;
    if (current.start < previous.end) {
      throw new UploadError(
        "zip-bomb",
        `'${name}' is rejected as a zip bomb: the data of entries ${previous.entry.index + 1} and ` +
          `${current.entry.index + 1} overlap, which no archiving tool writes; create the archive ` +
          "again with a standard zip tool",
      );
    }
  }
}

function damaged(name: string, problem: string): UploadError {
  return new UploadError(
    "invalid-zip",
    `'${name}' is a damaged zip archive: ${problem}; create the archive again and upload it`,
  );
}

function unsupported(name: string, problem: string): UploadError {
  return new UploadError(
    "unsupported-zip",
    `'${name}' cannot be read: ${problem}, which infio does not read; create a plain .zip ` +
      "archive (under 4 GB, in one file) or upload the .sql files one by one",
  );
}
