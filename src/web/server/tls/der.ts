/**
 * A minimal ASN.1 DER encoder: the few types an X.509 certificate needs
 * (ITU-T X.690, section 10, and RFC 5280 for where each is used). Each
 * function returns one complete element: tag, length and content.
 */

/** Encodes the DER length octets: short form below 128, long form above. */
function encodeLength(length: number): Buffer {
  if (length < 0x80) {
    return Buffer.from([length]);
  }
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    octets.unshift(rest % 256);
  }
  return Buffer.from([0x80 | octets.length, ...octets]);
}

/** Builds an element from its identifier octet and content. */
export function derElement(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export function derSequence(...items: readonly Uint8Array[]): Buffer {
  return derElement(0x30, Buffer.concat(items));
}

export function derSet(...items: readonly Uint8Array[]): Buffer {
  return derElement(0x31, Buffer.concat(items));
}

export function derBoolean(value: boolean): Buffer {
  return derElement(0x01, Buffer.from([value ? 0xff : 0x00]));
}

/**
 * Encodes a non-negative integer given as big-endian bytes or a small
 * number. Leading zero octets are dropped, and one is added when the top
 * bit is set, because DER integers are two's complement.
 */
export function derInteger(value: Uint8Array | number): Buffer {
  let bytes = typeof value === "number" ? numberBytes(value) : Buffer.from(value);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) {
    start++;
  }
  bytes = bytes.subarray(start);
  if (bytes.length === 0) {
    bytes = Buffer.from([0]);
  }
  if ((bytes[0]! & 0x80) !== 0) {
    bytes = Buffer.concat([Buffer.from([0]), bytes]);
  }
  return derElement(0x02, bytes);
}

function numberBytes(value: number): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`cannot encode ${value} as a DER integer: expected a non-negative safe integer`);
  }
  const octets: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) {
    octets.unshift(rest % 256);
  }
  return Buffer.from(octets.length === 0 ? [0] : octets);
}

/** Encodes a BIT STRING whose bits fill whole octets, or with `unusedBits` at the end. */
export function derBitString(bytes: Uint8Array, unusedBits = 0): Buffer {
  return derElement(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

export function derOctetString(bytes: Uint8Array): Buffer {
  return derElement(0x04, bytes);
}

/** Encodes an OBJECT IDENTIFIER from its dotted form, such as `2.5.4.3`. */
export function derObjectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split(".").map((arc) => Number(arc));
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) {
    throw new RangeError(`invalid object identifier '${dotted}'`);
  }

  const octets: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    // Base 128, most significant group first, all but the last with the top bit set.
    const groups: number[] = [arc % 128];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) {
      groups.unshift((rest % 128) | 0x80);
    }
    octets.push(...groups);
  }
  return derElement(0x06, Buffer.from(octets));
}

export function derUtf8String(text: string): Buffer {
  return derElement(0x0c, Buffer.from(text, "utf8"));
}

/**
 * Encodes a certificate time: UTCTime for years 1950 to 2049 and
 * GeneralizedTime otherwise, both in UTC to the second, as RFC 5280,
 * section 4.1.2.5, requires.
 */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) {
    return derElement(0x17, Buffer.from(digits.slice(2), "ascii"));
  }
  return derElement(0x18, Buffer.from(digits, "ascii"));
}

/** Wraps an element in an explicit context-specific tag `[number]`. */
export function derExplicit(number: number, element: Uint8Array): Buffer {
  return derElement(0xa0 | number, element);
}

/** Encodes primitive content under an implicit context-specific tag `[number]`. */
export function derImplicit(number: number, content: Uint8Array): Buffer {
  return derElement(0x80 | number, content);
}
