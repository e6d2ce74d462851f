/**
 * A cursor over a received TDS payload. Every read checks the bounds and
 * throws a `TdsProtocolError` naming the field, so a malformed client message
 * ends the connection with a clear reason instead of a RangeError.
 */
export class TdsProtocolError extends Error {
  override name = "TdsProtocolError";
}

export class ByteReader {
  offset = 0;

  constructor(readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  private take(count: number, field: string): number {
    if (count < 0 || this.offset + count > this.buffer.length) {
      throw new TdsProtocolError(
        `Truncated ${field}: needed ${count} bytes at offset ${this.offset}, ` +
          `the message has ${this.buffer.length}.`,
      );
    }

    const start = this.offset;
    this.offset += count;
    return start;
  }

  uint8(field: string): number {
    return this.buffer.readUInt8(this.take(1, field));
  }

  uint16(field: string): number {
    return this.buffer.readUInt16LE(this.take(2, field));
  }

  uint16BE(field: string): number {
    return this.buffer.readUInt16BE(this.take(2, field));
  }

  int16(field: string): number {
    return this.buffer.readInt16LE(this.take(2, field));
  }

  uint32(field: string): number {
    return this.buffer.readUInt32LE(this.take(4, field));
  }

  int32(field: string): number {
    return this.buffer.readInt32LE(this.take(4, field));
  }

  uint64(field: string): bigint {
    return this.buffer.readBigUInt64LE(this.take(8, field));
  }

  int64(field: string): bigint {
    return this.buffer.readBigInt64LE(this.take(8, field));
  }

  float(field: string): number {
    return this.buffer.readFloatLE(this.take(4, field));
  }

  double(field: string): number {
    return this.buffer.readDoubleLE(this.take(8, field));
  }

  bytes(count: number, field: string): Buffer {
    const start = this.take(count, field);
    return this.buffer.subarray(start, start + count);
  }

  /** B_VARCHAR: a length in characters (one byte), then UCS-2 text. */
  bVarchar(field: string): string {
    const characters = this.uint8(field);
    return this.bytes(characters * 2, field).toString("utf16le");
  }

  /** US_VARCHAR: a length in characters (two bytes), then UCS-2 text. */
  usVarchar(field: string): string {
    const characters = this.uint16(field);
    return this.bytes(characters * 2, field).toString("utf16le");
  }
}
