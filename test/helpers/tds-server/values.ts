/**
 * Data values in rows and RPC parameters ([MS-TDS] Data Type
 * Definitions, and PLP for the (MAX) types). Dates are read and
 * written in UTC, which is how tedious exchanges them when `useUTC` is on
 * (its default, and mssql's).
 */
import { ByteReader, TdsProtocolError } from "./byte-reader.js";
import type { ByteWriter } from "./byte-writer.js";
import {
  isUshortLengthType,
  MAX_LENGTH,
  TypeCode,
  type TypeInfo,
} from "./type-info.js";

const MS_PER_DAY = 86_400_000;

/** Days from 0001-01-01 and from 1900-01-01 to 1970-01-01. */
const DAYS_FROM_YEAR_1 = 719_162;
const DAYS_FROM_1900 = 25_567;

const PLP_NULL = 0xffffffffffffffffn;
const PLP_UNKNOWN_LENGTH = 0xfffffffffffffffen;

/** PLP chunk size; any size is valid, several chunks exercise the client. */
const PLP_CHUNK = 32_768;

/** A cell or parameter value as tests write and read it. */
export type SqlValue =
  | null
  | number
  | bigint
  | string
  | boolean
  | Date
  | Uint8Array;

export function writeValue(
  writer: ByteWriter,
  info: TypeInfo,
  value: SqlValue | undefined,
): void {
  if (info.length === MAX_LENGTH) {
    const empty = value === null || value === undefined;
    writePlp(writer, empty ? null : bytesOf(info, value));
    return;
  }

  if (isUshortLengthType(info.code)) {
    if (value === null || value === undefined) {
      writer.uint16(0xffff);
      return;
    }

    const bytes = bytesOf(info, value);
    writer.uint16(bytes.length).bytes(bytes);
    return;
  }

  if (value === null || value === undefined) {
    writer.uint8(0);
    return;
  }

  const data = fixedBytesOf(info, value);
  writer.uint8(data.length).bytes(data);
}

function writePlp(writer: ByteWriter, bytes: Buffer | null): void {
  if (bytes === null) {
    writer.uint64(PLP_NULL);
    return;
  }

  writer.uint64(BigInt(bytes.length));

  for (let start = 0; start < bytes.length; start += PLP_CHUNK) {
    const chunk = bytes.subarray(start, start + PLP_CHUNK);
    writer.uint32(chunk.length).bytes(chunk);
  }

  writer.uint32(0);
}

function bytesOf(info: TypeInfo, value: SqlValue): Buffer {
  if (info.code === TypeCode.bigVarBinary || info.code === TypeCode.bigBinary) {
    if (!(value instanceof Uint8Array)) {
      throw new TypeError(
        `A ${info.name} value must be a Buffer, got ${typeof value}.`,
      );
    }
    return Buffer.from(value);
  }

  const text = String(value);
  const unicode = info.code === TypeCode.nvarchar || info.code === TypeCode.nchar;
  return Buffer.from(text, unicode ? "utf16le" : "latin1");
}

function fixedBytesOf(info: TypeInfo, value: SqlValue): Buffer {
  const buffer = Buffer.alloc(info.code === TypeCode.datetime2N ? 8 : info.length);

  switch (info.code) {
    case TypeCode.intN: {
      const integer = integerOf(info, value);

      if (info.length === 8) {
        buffer.writeBigInt64LE(integer);
      } else if (info.length === 1) {
        buffer.writeUInt8(Number(integer));
      } else {
        buffer.writeIntLE(Number(integer), 0, info.length);
      }

      return buffer;
    }
    case TypeCode.bitN:
      buffer.writeUInt8(value ? 1 : 0);
      return buffer;
    case TypeCode.floatN:
      if (info.length === 4) {
        buffer.writeFloatLE(Number(value));
      } else {
        buffer.writeDoubleLE(Number(value));
      }
      return buffer;
    case TypeCode.moneyN: {
      const scaled = scaledInteger(value, 4);
      buffer.writeInt32LE(Number(BigInt.asIntN(64, scaled) >> 32n), 0);
      buffer.writeUInt32LE(Number(BigInt.asUintN(32, scaled)), 4);
      return buffer;
    }
    case TypeCode.decimalN:
    case TypeCode.numericN:
      return decimalBytes(info, value);
    case TypeCode.guid:
      return guidBytes(String(value));
    case TypeCode.datetimeN:
      return datetimeBytes(dateOf(value));
    case TypeCode.dateN:
      return dayBytes(dateOf(value));
    case TypeCode.datetime2N:
      return datetime2Bytes(dateOf(value), info.scale);
  }

  throw new TypeError(`No value encoding for ${info.name}.`);
}

/** Integer ranges by byte length: tinyint is unsigned, the others signed. */
const INTEGER_RANGES: Record<number, [bigint, bigint]> = {
  1: [0n, 255n],
  2: [-32_768n, 32_767n],
  4: [-2_147_483_648n, 2_147_483_647n],
  8: [-(2n ** 63n), 2n ** 63n - 1n],
};

function integerOf(info: TypeInfo, value: SqlValue): bigint {
  const text = typeof value === "bigint" ? value.toString() : String(value);
  const valid =
    (typeof value === "number" && Number.isInteger(value)) ||
    typeof value === "bigint" ||
    (typeof value === "string" && /^-?\d+$/.test(value));
  const integer = valid ? BigInt(text) : undefined;
  const [min, max] = INTEGER_RANGES[info.length]!;

  if (integer === undefined || integer < min || integer > max) {
    throw new TypeError(`Invalid ${info.name} value ${JSON.stringify(text)}.`);
  }

  return integer;
}

function dateOf(value: SqlValue): Date {
  const date = value instanceof Date ? value : new Date(String(value));

  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`Invalid date value ${JSON.stringify(String(value))}.`);
  }

  return date;
}

/** Converts 12.5 or "12.50" to the integer 1250 for scale 2. */
function scaledInteger(value: SqlValue, scale: number): bigint {
  const text = typeof value === "number" ? value.toFixed(scale) : String(value);
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());

  if (!match) {
    throw new TypeError(`Invalid decimal value ${JSON.stringify(text)}.`);
  }

  const fraction = (match[3] ?? "").padEnd(scale, "0").slice(0, scale);
  const magnitude = BigInt((match[2] || "0") + fraction);
  return match[1] === "-" ? -magnitude : magnitude;
}

function decimalBytes(info: TypeInfo, value: SqlValue): Buffer {
  const scaled = scaledInteger(value, info.scale);
  const buffer = Buffer.alloc(info.length);
  let magnitude = scaled < 0n ? -scaled : scaled;
  buffer.writeUInt8(scaled < 0n ? 0 : 1, 0);

  for (let index = 1; index < info.length; index++) {
    buffer[index] = Number(magnitude & 0xffn);
    magnitude >>= 8n;
  }

  return buffer;
}

/** Encodes a GUID: its first three fields are little-endian on the wire. */
function guidBytes(text: string): Buffer {
  const hex = text.replace(/[{}-]/g, "");

  if (!/^[0-9a-f]{32}$/i.test(hex)) {
    throw new TypeError(`Invalid uniqueidentifier ${JSON.stringify(text)}.`);
  }

  const bytes = Buffer.from(hex, "hex");
  return Buffer.concat([
    bytes.subarray(0, 4).reverse(),
    bytes.subarray(4, 6).reverse(),
    bytes.subarray(6, 8).reverse(),
    bytes.subarray(8),
  ]);
}

function guidText(bytes: Buffer): string {
  const ordered = Buffer.concat([
    Buffer.from(bytes.subarray(0, 4)).reverse(),
    Buffer.from(bytes.subarray(4, 6)).reverse(),
    Buffer.from(bytes.subarray(6, 8)).reverse(),
    bytes.subarray(8),
  ]).toString("hex");
  const parts = [
    ordered.slice(0, 8),
    ordered.slice(8, 12),
    ordered.slice(12, 16),
    ordered.slice(16, 20),
    ordered.slice(20),
  ];
  return parts.join("-").toUpperCase();
}

/** datetime: days since 1900-01-01, then 1/300 second ticks since midnight. */
function datetimeBytes(date: Date): Buffer {
  const time = date.getTime();
  const days = Math.floor(time / MS_PER_DAY);
  const buffer = Buffer.alloc(8);
  buffer.writeInt32LE(days + DAYS_FROM_1900, 0);
  buffer.writeUInt32LE(Math.round(((time - days * MS_PER_DAY) * 3) / 10), 4);
  return buffer;
}

/** date: three bytes of days since 0001-01-01. */
function dayBytes(date: Date): Buffer {
  const days = Math.floor(date.getTime() / MS_PER_DAY) + DAYS_FROM_YEAR_1;
  return Buffer.from([days & 0xff, (days >> 8) & 0xff, (days >> 16) & 0xff]);
}

/** datetime2: time in 10^-scale seconds (3 to 5 bytes), then the date. */
function datetime2Bytes(date: Date, scale: number): Buffer {
  const time = date.getTime();
  const msOfDay = time - Math.floor(time / MS_PER_DAY) * MS_PER_DAY;
  const units = Math.round((msOfDay * 10 ** scale) / 1000);
  let timeLength = 5;

  if (scale <= 2) {
    timeLength = 3;
  } else if (scale <= 4) {
    timeLength = 4;
  }

  const buffer = Buffer.alloc(timeLength);
  buffer.writeUIntLE(units, 0, timeLength);
  return Buffer.concat([buffer, dayBytes(date)]);
}

/** Reads one RPC parameter value of the given type. */
export function readValue(reader: ByteReader, info: TypeInfo): SqlValue {
  if (info.length === MAX_LENGTH) {
    const bytes = readPlp(reader);
    return bytes === null ? null : textOrBytes(info, bytes);
  }

  if (isUshortLengthType(info.code)) {
    const length = reader.uint16("value length");
    return length === 0xffff
      ? null
      : textOrBytes(info, reader.bytes(length, "value"));
  }

  // Fixed-length types carry no length prefix and cannot be NULL.
  const fixed = isFixedCode(info.code);
  const length = fixed ? info.length : reader.uint8("value length");

  if (length === 0) {
    return null;
  }

  return decodeFixed(info, reader.bytes(length, "value"));
}

function isFixedCode(code: number): boolean {
  return [
    TypeCode.int1, TypeCode.bit, TypeCode.int2, TypeCode.int4, TypeCode.int8,
    TypeCode.float4, TypeCode.float8, TypeCode.datetime, TypeCode.money,
  ].includes(code as 0x30);
}

function readPlp(reader: ByteReader): Buffer | null {
  const total = reader.uint64("PLP length");

  if (total === PLP_NULL) {
    return null;
  }

  const chunks: Buffer[] = [];

  for (;;) {
    const length = reader.uint32("PLP chunk length");

    if (length === 0) {
      break;
    }

    chunks.push(reader.bytes(length, "PLP chunk"));
  }

  const bytes = Buffer.concat(chunks);

  if (total !== PLP_UNKNOWN_LENGTH && BigInt(bytes.length) !== total) {
    throw new TdsProtocolError(
      `PLP value announced ${total} bytes but carried ${bytes.length}.`,
    );
  }

  return bytes;
}

function textOrBytes(info: TypeInfo, bytes: Buffer): SqlValue {
  switch (info.code) {
    case TypeCode.nvarchar:
    case TypeCode.nchar:
      return bytes.toString("utf16le");
    case TypeCode.bigVarChar:
    case TypeCode.bigChar:
      return bytes.toString("latin1");
    default:
      return Buffer.from(bytes);
  }
}

function decodeFixed(info: TypeInfo, bytes: Buffer): SqlValue {
  switch (info.name) {
    case "tinyint":
      return bytes.readUInt8(0);
    case "smallint":
      return bytes.readInt16LE(0);
    case "int":
      return bytes.readInt32LE(0);
    case "bigint":
      return bytes.readBigInt64LE(0);
    case "bit":
      return bytes[0] !== 0;
    case "real":
      return bytes.readFloatLE(0);
    case "float":
      return bytes.readDoubleLE(0);
    case "money": {
      const high = BigInt(bytes.readInt32LE(0)) << 32n;
      const scaled = high | BigInt(bytes.readUInt32LE(4));
      return Number(scaled) / 10_000;
    }
    case "decimal":
    case "numeric":
      return decimalText(bytes, info.scale);
    case "uniqueidentifier":
      return guidText(bytes);
    case "datetime": {
      const days = bytes.readInt32LE(0) - DAYS_FROM_1900;
      const ms = Math.round((bytes.readUInt32LE(4) * 10) / 3);
      return new Date(days * MS_PER_DAY + ms);
    }
    case "date":
      return new Date((bytes.readUIntLE(0, 3) - DAYS_FROM_YEAR_1) * MS_PER_DAY);
    case "datetime2": {
      const timeLength = bytes.length - 3;
      const units = bytes.readUIntLE(0, timeLength);
      const days = bytes.readUIntLE(timeLength, 3) - DAYS_FROM_YEAR_1;
      return new Date(days * MS_PER_DAY + (units * 1000) / 10 ** info.scale);
    }
  }

  throw new TdsProtocolError(`No value decoding for ${info.name}.`);
}

function decimalText(bytes: Buffer, scale: number): string {
  let magnitude = 0n;

  for (let index = bytes.length - 1; index >= 1; index--) {
    magnitude = (magnitude << 8n) | BigInt(bytes[index]!);
  }

  const digits = magnitude.toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : "";
  return `${bytes[0] === 0 ? "-" : ""}${whole}${fraction}`;
}
