/**
 * Column and parameter types: T-SQL type names such as `nvarchar(max)` or
 * `decimal(18, 2)` turned into TYPE_INFO ([MS-TDS] Type Info Rule
 * Definition), and TYPE_INFO read back from RPC parameters. Type codes are
 * those of [MS-TDS] Data Type Definitions.
 */
import { ByteReader, TdsProtocolError } from "./byte-reader.js";
import type { ByteWriter } from "./byte-writer.js";

export const TypeCode = {
  guid: 0x24,
  intN: 0x26,
  dateN: 0x28,
  timeN: 0x29,
  datetime2N: 0x2a,
  datetimeOffsetN: 0x2b,
  int1: 0x30,
  bit: 0x32,
  int2: 0x34,
  int4: 0x38,
  datetime4: 0x3a,
  float4: 0x3b,
  money: 0x3c,
  datetime: 0x3d,
  float8: 0x3e,
  bitN: 0x68,
  decimalN: 0x6a,
  numericN: 0x6c,
  floatN: 0x6d,
  moneyN: 0x6e,
  datetimeN: 0x6f,
  money4: 0x7a,
  int8: 0x7f,
  bigVarBinary: 0xa5,
  bigVarChar: 0xa7,
  bigBinary: 0xad,
  bigChar: 0xaf,
  nvarchar: 0xe7,
  nchar: 0xef,
} as const;

/** The length that marks a (MAX) type, sent as a PLP stream. */
export const MAX_LENGTH = 0xffff;

/**
 * SQL_Latin1_General_CP1_CI_AS as a 5-byte COLLATION ([MS-TDS] Collation Rule
 * Definition):
 * LCID 0x0409 with IgnoreCase, IgnoreWidth and IgnoreKana, then SortId 52.
 * Its code page is 1252, so varchar text is written as Latin-1 here.
 */
export const DEFAULT_COLLATION = Buffer.from([0x09, 0x04, 0xd0, 0x00, 0x34]);

export type SqlTypeName =
  | "tinyint"
  | "smallint"
  | "int"
  | "bigint"
  | "bit"
  | "real"
  | "float"
  | "decimal"
  | "numeric"
  | "money"
  | "date"
  | "datetime"
  | "datetime2"
  | "uniqueidentifier"
  | "char"
  | "varchar"
  | "nchar"
  | "nvarchar"
  | "binary"
  | "varbinary";

export interface TypeInfo {
  readonly name: SqlTypeName;
  readonly code: number;
  /** Maximum length in bytes; MAX_LENGTH for the (MAX) types. */
  readonly length: number;
  readonly precision: number;
  readonly scale: number;
}

const FIXED_LENGTHS: Partial<Record<SqlTypeName, number>> = {
  tinyint: 1,
  smallint: 2,
  int: 4,
  bigint: 8,
  bit: 1,
  real: 4,
  float: 8,
  money: 8,
  datetime: 8,
  uniqueidentifier: 16,
};

const TYPE_PATTERN = /^\s*(\w+)\s*(?:\(\s*(max|\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/i;

/**
 * Parses a T-SQL type name as a test writes it. `sysname` is nvarchar(128);
 * lengths default as in T-SQL (1 for char types, 18 digits for decimal,
 * scale 7 for datetime2).
 */
export function parseSqlType(text: string): TypeInfo {
  const match = TYPE_PATTERN.exec(text);

  if (!match) {
    throw new TypeError(`Invalid column type ${JSON.stringify(text)}.`);
  }

  const base = match[1]!.toLowerCase();
  const first = match[2]?.toLowerCase();
  const second = match[3];

  if (base === "sysname") {
    return typeInfo("nvarchar", TypeCode.nvarchar, 256);
  }

  const fixed = FIXED_LENGTHS[base as SqlTypeName];

  if (fixed !== undefined) {
    return typeInfo(base as SqlTypeName, codeOfFixed(base), fixed);
  }

  switch (base) {
    case "decimal":
    case "numeric": {
      const precision = first === undefined ? 18 : Number(first);
      const code = base === "decimal" ? TypeCode.decimalN : TypeCode.numericN;
      return {
        ...typeInfo(base, code, decimalLength(precision)),
        precision,
        scale: second === undefined ? 0 : Number(second),
      };
    }
    case "date":
      return typeInfo("date", TypeCode.dateN, 3);
    case "datetime2": {
      const scale = first === undefined ? 7 : Number(first);
      return { ...typeInfo("datetime2", TypeCode.datetime2N, 8), scale };
    }
    case "char":
    case "varchar":
    case "binary":
    case "varbinary":
      return typeInfo(base, codeOfVariable(base), lengthOf(first, 1));
    case "nchar":
    case "nvarchar": {
      const characters = lengthOf(first, 1);
      const bytes = characters === MAX_LENGTH ? MAX_LENGTH : characters * 2;
      return typeInfo(base, codeOfVariable(base), bytes);
    }
    default:
      throw new TypeError(
        `Unsupported column type ${JSON.stringify(text)}: use one of ` +
          `${Object.keys(FIXED_LENGTHS).join(", ")}, decimal, numeric, date, ` +
          `datetime2, char, varchar, nchar, nvarchar, binary, varbinary.`,
      );
  }
}

function typeInfo(name: SqlTypeName, code: number, length: number): TypeInfo {
  return { name, code, length, precision: 0, scale: 0 };
}

function lengthOf(text: string | undefined, fallback: number): number {
  if (text === undefined) {
    return fallback;
  }

  return text === "max" ? MAX_LENGTH : Number(text);
}

function codeOfFixed(name: string): number {
  switch (name) {
    case "bit":
      return TypeCode.bitN;
    case "real":
    case "float":
      return TypeCode.floatN;
    case "money":
      return TypeCode.moneyN;
    case "datetime":
      return TypeCode.datetimeN;
    case "uniqueidentifier":
      return TypeCode.guid;
    default:
      return TypeCode.intN;
  }
}

function codeOfVariable(name: string): number {
  const codes: Record<string, number> = {
    char: TypeCode.bigChar,
    varchar: TypeCode.bigVarChar,
    nchar: TypeCode.nchar,
    nvarchar: TypeCode.nvarchar,
    binary: TypeCode.bigBinary,
    varbinary: TypeCode.bigVarBinary,
  };
  return codes[name]!;
}

/** Bytes of a decimal value by precision ([MS-TDS] DECIMALNTYPE). */
export function decimalLength(precision: number): number {
  if (precision <= 9) return 5;
  if (precision <= 19) return 9;
  if (precision <= 28) return 13;
  return 17;
}

export function isTextType(info: TypeInfo): boolean {
  return (
    info.code === TypeCode.bigChar ||
    info.code === TypeCode.bigVarChar ||
    info.code === TypeCode.nchar ||
    info.code === TypeCode.nvarchar
  );
}

export function isUshortLengthType(code: number): boolean {
  return (
    code === TypeCode.bigVarBinary ||
    code === TypeCode.bigVarChar ||
    code === TypeCode.bigBinary ||
    code === TypeCode.bigChar ||
    code === TypeCode.nvarchar ||
    code === TypeCode.nchar
  );
}

export function writeTypeInfo(writer: ByteWriter, info: TypeInfo): void {
  writer.uint8(info.code);

  switch (info.code) {
    case TypeCode.dateN:
      return;
    case TypeCode.datetime2N:
      writer.uint8(info.scale);
      return;
    case TypeCode.decimalN:
    case TypeCode.numericN:
      writer.uint8(info.length).uint8(info.precision).uint8(info.scale);
      return;
  }

  if (!isUshortLengthType(info.code)) {
    writer.uint8(info.length);
    return;
  }

  writer.uint16(info.length);

  if (isTextType(info)) {
    writer.bytes(DEFAULT_COLLATION);
  }
}

const FIXED_CODES: Record<number, [SqlTypeName, number]> = {
  [TypeCode.int1]: ["tinyint", 1],
  [TypeCode.bit]: ["bit", 1],
  [TypeCode.int2]: ["smallint", 2],
  [TypeCode.int4]: ["int", 4],
  [TypeCode.int8]: ["bigint", 8],
  [TypeCode.float4]: ["real", 4],
  [TypeCode.float8]: ["float", 8],
  [TypeCode.datetime]: ["datetime", 8],
  [TypeCode.money]: ["money", 8],
};

/** Reads the TYPE_INFO of an RPC parameter ([MS-TDS] RPC Request). */
export function readTypeInfo(reader: ByteReader): TypeInfo {
  const code = reader.uint8("TYPE_INFO type");
  const fixed = FIXED_CODES[code];

  if (fixed) {
    return typeInfo(fixed[0], code, fixed[1]);
  }

  switch (code) {
    case TypeCode.intN: {
      const length = reader.uint8("INTN length");
      const names: Record<number, SqlTypeName> = {
        1: "tinyint",
        2: "smallint",
        4: "int",
        8: "bigint",
      };
      return typeInfo(names[length] ?? "bigint", code, length);
    }
    case TypeCode.bitN:
      return typeInfo("bit", code, reader.uint8("BITN length"));
    case TypeCode.floatN: {
      const length = reader.uint8("FLTN length");
      return typeInfo(length === 4 ? "real" : "float", code, length);
    }
    case TypeCode.moneyN:
      return typeInfo("money", code, reader.uint8("MONEYN length"));
    case TypeCode.datetimeN:
      return typeInfo("datetime", code, reader.uint8("DATETIMN length"));
    case TypeCode.guid:
      return typeInfo("uniqueidentifier", code, reader.uint8("GUID length"));
    case TypeCode.dateN:
      return typeInfo("date", code, 3);
    case TypeCode.datetime2N:
      return { ...typeInfo("datetime2", code, 8), scale: reader.uint8("scale") };
    case TypeCode.decimalN:
    case TypeCode.numericN: {
      const length = reader.uint8("DECIMALN length");
      const precision = reader.uint8("DECIMALN precision");
      const scale = reader.uint8("DECIMALN scale");
      const name = code === TypeCode.decimalN ? "decimal" : "numeric";
      return { ...typeInfo(name, code, length), precision, scale };
    }
  }

  if (isUshortLengthType(code)) {
    const names: Record<number, SqlTypeName> = {
      [TypeCode.bigVarBinary]: "varbinary",
      [TypeCode.bigVarChar]: "varchar",
      [TypeCode.bigBinary]: "binary",
      [TypeCode.bigChar]: "char",
      [TypeCode.nvarchar]: "nvarchar",
      [TypeCode.nchar]: "nchar",
    };
    const info = typeInfo(names[code]!, code, reader.uint16("max length"));

    if (isTextType(info)) {
      reader.bytes(5, "COLLATION");
    }

    return info;
  }

  throw new TdsProtocolError(
    `Unsupported parameter type 0x${code.toString(16)}: the test server ` +
      `reads the integer, bit, float, money, decimal, date and time, ` +
      `uniqueidentifier, character and binary types.`,
  );
}
