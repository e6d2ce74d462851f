/**
 * A growable buffer for building TDS payloads. TDS integers are little-endian
 * except the packet header and PRELOGIN offsets, which are big-endian
 * ([MS-TDS] packet header, and 2.2.6.5 PRELOGIN).
 */
export class ByteWriter {
  private buffer = Buffer.alloc(256);
  private length = 0;

  get size(): number {
    return this.length;
  }

  /**
   * Makes room for `count` bytes and returns their offset. Callers must
   * read `this.buffer` only after calling it, because it may be replaced.
   */
  private reserve(count: number): number {
    const offset = this.length;
    const needed = offset + count;

    if (needed > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, offset);
      this.buffer = grown;
    }

    this.length = needed;
    return offset;
  }

  uint8(value: number): this {
    const offset = this.reserve(1);
    this.buffer.writeUInt8(value, offset);
    return this;
  }

  uint16(value: number): this {
    const offset = this.reserve(2);
    this.buffer.writeUInt16LE(value, offset);
    return this;
  }

  uint16BE(value: number): this {
    const offset = this.reserve(2);
    this.buffer.writeUInt16BE(value, offset);
    return this;
  }

  int32(value: number): this {
    const offset = this.reserve(4);
    this.buffer.writeInt32LE(value, offset);
    return this;
  }

  uint32(value: number): this {
    const offset = this.reserve(4);
    this.buffer.writeUInt32LE(value, offset);
    return this;
  }

  uint32BE(value: number): this {
    const offset = this.reserve(4);
    this.buffer.writeUInt32BE(value, offset);
    return this;
  }

  int64(value: bigint): this {
    const offset = this.reserve(8);
    this.buffer.writeBigInt64LE(value, offset);
    return this;
  }

  uint64(value: bigint): this {
    const offset = this.reserve(8);
    this.buffer.writeBigUInt64LE(value, offset);
    return this;
  }

  double(value: number): this {
    const offset = this.reserve(8);
    this.buffer.writeDoubleLE(value, offset);
    return this;
  }

  bytes(value: Uint8Array): this {
    const offset = this.reserve(value.length);
    this.buffer.set(value, offset);
    return this;
  }

  /** B_VARCHAR: a length in characters (one byte), then UCS-2 text. */
  bVarchar(text: string): this {
    this.uint8(text.length);
    return this.bytes(Buffer.from(text, "utf16le"));
  }

  /** US_VARCHAR: a length in characters (two bytes), then UCS-2 text. */
  usVarchar(text: string): this {
    this.uint16(text.length);
    return this.bytes(Buffer.from(text, "utf16le"));
  }

  /** Overwrites a two-byte little-endian value written earlier. */
  patchUint16(offset: number, value: number): void {
    this.buffer.writeUInt16LE(value, offset);
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}
