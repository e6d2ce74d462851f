/**
 * Inflates one zip entry without trusting its header. Output stops at
 * the declared size, so a header that understates the size cannot make
 * infio allocate more. The result must match both the declared size and
 * the declared CRC-32.
 */

import { createInflateRaw } from "node:zlib";

import { crc32 } from "./crc32.js";
import type { ZipEntry } from "./zip-directory.js";
import { UploadError } from "./upload-error.js";

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

/** Output chunk size of the inflater; the overshoot past a limit is at most one chunk. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Returns the entry's inflated bytes. `entryName` is the printable name
 * for messages. Throws an UploadError of code `size-mismatch` when the
 * data inflate to another size or checksum than declared, and
 * `invalid-zip` when the deflate stream is damaged.
 */
export async function inflateEntry(
  archive: Uint8Array,
  entry: ZipEntry,
  archiveName: string,
  entryName: string,
): Promise<Uint8Array> {
  const data = archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const bytes =
    entry.method === METHOD_STORED
      ? data
      : await inflateAtMost(data, entry.uncompressedSize, archiveName, entryName);

  if (bytes.length !== entry.uncompressedSize) {
    throw mismatch(
      archiveName,
      entryName,
      `its data ${entry.method === METHOD_STORED ? "are" : "inflate to"} ${bytes.length} bytes, ` +
        `not the ${entry.uncompressedSize} its header declares`,
    );
  }
  if (crc32(bytes) !== entry.crc32) {
    throw mismatch(archiveName, entryName, "its data do not match the CRC-32 its header declares");
  }
  return bytes;
}

/**
 * Inflates a raw deflate stream, stopping as soon as the output passes
 * `limit` bytes. The returned bytes are then at most one byte over the
 * limit, which the caller reports as a size mismatch.
 */
function inflateAtMost(
  data: Uint8Array,
  limit: number,
  archiveName: string,
  entryName: string,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;

    inflater.on("data", (chunk: Buffer) => {
      if (settled) {
        return;
      }
      const room = limit + 1 - total;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.length, room);
      if (total > limit) {
        settled = true;
        inflater.destroy();
        resolve(Buffer.concat(chunks, total));
      }
    });
    inflater.on("error", (error) => {
      if (settled) {
        return;
      }
      settled = true;
      reject(
        new UploadError(
          "invalid-zip",
          `cannot inflate entry '${entryName}' of '${archiveName}': ${error.message}; the archive ` +
            "is damaged, so create it again and upload it",
          { entry: entryName },
          { cause: error },
        ),
      );
    });
    inflater.on("end", () => {
      if (!settled) {
        settled = true;
        resolve(Buffer.concat(chunks, total));
      }
    });
    inflater.end(data);
  });
}

function mismatch(archiveName: string, entryName: string, problem: string): UploadError {
  return new UploadError(
    "size-mismatch",
    `entry '${entryName}' of '${archiveName}' is rejected: ${problem}, so the archive is damaged or ` +
      "was made to mislead; create the archive again with a standard zip tool",
    { entry: entryName },
  );
}
