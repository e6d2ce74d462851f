/**
 * CRC-32 as zip archives use it (ISO 3309, reflected polynomial
 * 0xEDB88320, APPNOTE.TXT section 4.4.7). Node.js has zlib.crc32 only from
 * version 22.2, and infio runs on 20.
 */

const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) {
      c = (c & 1) === 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
}

/** Continues a CRC-32 over `bytes`; start with 0. Returns an unsigned value. */
export function updateCrc32(crc: number, bytes: Uint8Array): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  }
  return ~c >>> 0;
}

/** Returns the CRC-32 of `bytes` as an unsigned value. */
export function crc32(bytes: Uint8Array): number {
  return updateCrc32(0, bytes);
}
