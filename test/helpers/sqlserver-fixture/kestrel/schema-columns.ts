/**
 * Column declarations of schema-model.ts turned into sys.columns facts:
 * type ids, max_length in bytes, precision and scale as SQL Server stores
 * them ("sys.columns" and "sys.types", Microsoft Learn, SQL Server 2022).
 */

import type { AliasTypeSpec, ColumnDeclaration } from "./schema-model.js";

export interface SystemType {
  readonly name: string;
  readonly systemTypeId: number;
  readonly userTypeId: number;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly hasCollation: boolean;
  readonly isAssemblyType: boolean;
}

function type(
  name: string,
  systemTypeId: number,
  maxLength: number,
  precision = 0,
  scale = 0,
  extra: Partial<SystemType> = {},
): SystemType {
  return {
    name,
    systemTypeId,
    userTypeId: systemTypeId,
    maxLength,
    precision,
    scale,
    hasCollation: false,
    isAssemblyType: false,
    ...extra,
  };
}

/** The system types of sys.types, in user_type_id order. */
export const SYSTEM_TYPES: readonly SystemType[] = [
  type("image", 34, 16),
  type("text", 35, 16, 0, 0, { hasCollation: true }),
  type("uniqueidentifier", 36, 16),
  type("date", 40, 3, 10),
  type("time", 41, 5, 16, 7),
  type("datetime2", 42, 8, 27, 7),
  type("datetimeoffset", 43, 10, 34, 7),
  type("tinyint", 48, 1, 3),
  type("smallint", 52, 2, 5),
  type("int", 56, 4, 10),
  type("smalldatetime", 58, 4, 16),
  type("real", 59, 4, 24),
  type("money", 60, 8, 19, 4),
  type("datetime", 61, 8, 23, 3),
  type("float", 62, 8, 53),
  type("sql_variant", 98, 8016),
  type("ntext", 99, 16, 0, 0, { hasCollation: true }),
  type("bit", 104, 1, 1),
  type("decimal", 106, 17, 38, 38),
  type("numeric", 108, 17, 38, 38),
  type("smallmoney", 122, 4, 10, 4),
  type("bigint", 127, 8, 19),
  type("hierarchyid", 240, 892, 0, 0, { userTypeId: 128, isAssemblyType: true }),
  type("geometry", 240, -1, 0, 0, { userTypeId: 129, isAssemblyType: true }),
  type("geography", 240, -1, 0, 0, { userTypeId: 130, isAssemblyType: true }),
  type("varbinary", 165, 8000),
  type("varchar", 167, 8000, 0, 0, { hasCollation: true }),
  type("binary", 173, 8000),
  type("char", 175, 8000, 0, 0, { hasCollation: true }),
  type("timestamp", 189, 8),
  type("nvarchar", 231, 8000, 0, 0, { hasCollation: true }),
  type("nchar", 239, 8000, 0, 0, { hasCollation: true }),
  type("xml", 241, -1),
  type("sysname", 231, 256, 0, 0, { userTypeId: 256, hasCollation: true }),
];

const BY_NAME = new Map(SYSTEM_TYPES.map((t) => [t.name, t]));

/** A column type as sys.columns stores it. */
export interface ColumnType {
  readonly systemTypeId: number;
  readonly userTypeId: number;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly hasCollation: boolean;
  /** `schema.name` of the XML schema collection of typed XML. */
  readonly xmlCollection: string | null;
}

/** Resolves alias types by `schema.name` to their user_type_id and base. */
export interface TypeResolver {
  alias(name: string): { readonly userTypeId: number; readonly spec: AliasTypeSpec } | undefined;
}

const TYPE_PATTERN = /^([A-Za-z0-9_.]+)(?:\((max|[\w.]+)(?:,(\d+))?\))?$/;

/** Resolves a type as written in a column declaration. */
export function resolveType(text: string, types: TypeResolver): ColumnType {
  const match = TYPE_PATTERN.exec(text);
  if (match === null) {
    throw new Error(`invalid type '${text}' in a fixture column declaration`);
  }

  const name = match[1]!.toLowerCase() === "rowversion" ? "timestamp" : match[1]!;
  const argument = match[2];
  const second = match[3];

  const alias = types.alias(name);
  if (alias !== undefined) {
    const base = resolveType(alias.spec.base, types);
    return { ...base, userTypeId: alias.userTypeId };
  }

  const system = BY_NAME.get(name.toLowerCase());
  if (system === undefined) {
    throw new Error(`unknown type '${text}' in a fixture column declaration`);
  }
  return {
    systemTypeId: system.systemTypeId,
    userTypeId: system.userTypeId,
    ...sizeOf(system, argument, second),
    hasCollation: system.hasCollation,
    xmlCollection: system.name === "xml" && argument !== undefined ? argument : null,
  };
}

function sizeOf(
  system: SystemType,
  argument: string | undefined,
  second: string | undefined,
): { maxLength: number; precision: number; scale: number } {
  const length = argument === "max" ? -1 : Number(argument ?? 1);

  switch (system.name) {
    case "char":
    case "varchar":
    case "binary":
    case "varbinary":
      return { maxLength: length, precision: 0, scale: 0 };
    case "nchar":
    case "nvarchar":
      return { maxLength: length === -1 ? -1 : length * 2, precision: 0, scale: 0 };
    case "decimal":
    case "numeric": {
      const precision = Number(argument ?? 18);
      return { maxLength: decimalBytes(precision), precision, scale: Number(second ?? 0) };
    }
    case "datetime2":
    case "time":
    case "datetimeoffset":
      return fractionalSeconds(system.name, Number(argument ?? 7));
    default:
      return { maxLength: system.maxLength, precision: system.precision, scale: system.scale };
  }
}

/** Storage bytes of decimal(p,s), after "decimal and numeric", Microsoft Learn. */
function decimalBytes(precision: number): number {
  if (precision <= 9) return 5;
  if (precision <= 19) return 9;
  if (precision <= 28) return 13;
  return 17;
}

/** Precision is the character count of the literal; bytes grow with the scale. */
function fractionalSeconds(name: string, scale: number): { maxLength: number; precision: number; scale: number } {
  const fraction = scale === 0 ? 0 : scale + 1;
  let extra = 2;
  if (scale <= 2) {
    extra = 0;
  } else if (scale <= 4) {
    extra = 1;
  }
  if (name === "time") {
    return { maxLength: 3 + extra, precision: 8 + fraction, scale };
  }
  if (name === "datetimeoffset") {
    return { maxLength: 8 + extra, precision: 26 + fraction, scale };
  }
  return { maxLength: 6 + extra, precision: 19 + fraction, scale };
}

export interface ParsedColumn {
  readonly name: string;
  readonly typeText: string;
  readonly nullable: boolean;
  readonly identity: { readonly seed: number; readonly increment: number } | null;
  readonly computed: { readonly definition: string; readonly persisted: boolean } | null;
  readonly sparse: boolean;
  readonly filestream: boolean;
  readonly rowguidcol: boolean;
  readonly columnSet: boolean;
  readonly generated: "AS_ROW_START" | "AS_ROW_END" | null;
  readonly hidden: boolean;
}

/** Parses a column declaration of schema-model.ts. */
export function parseColumn(declaration: ColumnDeclaration): ParsedColumn {
  const computedAt = declaration.indexOf(" AS (");
  const head = computedAt === -1 ? declaration : declaration.slice(0, computedAt);
  const [name, typeText, ...flags] = head.trim().split(/\s+/);
  if (name === undefined || typeText === undefined) {
    throw new Error(`invalid fixture column declaration '${declaration}'`);
  }

  let computed: ParsedColumn["computed"] = null;
  if (computedAt !== -1) {
    const rest = declaration.slice(computedAt + 4).trim();
    const persisted = rest.endsWith(" PERSISTED");
    computed = { definition: persisted ? rest.slice(0, -" PERSISTED".length) : rest, persisted };
  }

  const words = flags.join(" ");
  const identity = /IDENTITY(?:\((-?\d+),(-?\d+)\))?/.exec(words);
  return {
    name,
    typeText,
    nullable: !words.includes("NOT NULL"),
    identity: identity === null ? null : { seed: Number(identity[1] ?? 1), increment: Number(identity[2] ?? 1) },
    computed,
    sparse: flags.includes("SPARSE"),
    filestream: flags.includes("FILESTREAM"),
    rowguidcol: flags.includes("ROWGUIDCOL"),
    columnSet: flags.includes("COLUMN_SET"),
    generated: flags.includes("ROW_START") ? "AS_ROW_START" : flags.includes("ROW_END") ? "AS_ROW_END" : null,
    hidden: flags.includes("HIDDEN"),
  };
}
