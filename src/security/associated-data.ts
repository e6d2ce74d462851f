/**
 * Associated data for AES-GCM: strings that the tag authenticates without
 * storing them. Each part is prefixed with its UTF-8 length (32-bit big
 * endian), so that ("ab", "c") and ("a", "bc") never encode the same.
 */

export function encodeAssociatedData(parts: readonly string[]): Buffer {
  const buffers: Buffer[] = [];
  for (const part of parts) {
    const bytes = Buffer.from(part, "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    buffers.push(length, bytes);
  }
  return Buffer.concat(buffers);
}
