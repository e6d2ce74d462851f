/**
 * A compact description of a database schema, from which schema-builder.ts
 * writes the catalog view rows SQL Server would have for it (sys.tables,
 * sys.columns, sys.indexes, sys.partitions and so on). Fixture files
 * describe tables with it instead of writing thousands of rows by hand.
 */

/**
 * A column as T-SQL declares it: `Name type` and any of `NOT NULL`, `NULL`,
 * `IDENTITY[(seed,increment)]`, `SPARSE`, `FILESTREAM`, `ROWGUIDCOL`,
 * `COLUMN_SET`, `ROW_START`, `ROW_END` and `HIDDEN`, or for a computed
 * column `Name type [NOT NULL] AS (expression) [PERSISTED]`. The type has
 * no spaces: `decimal(19,4)`, `varchar(max)`, `ref.CountryCode`, or
 * `xml(billing.ContractTermsSchema)` for typed XML. Columns are nullable
 * unless NOT NULL, as under ANSI_NULL_DFLT_ON.
 */
export type ColumnDeclaration = string;

export type IndexType =
  | "CLUSTERED"
  | "NONCLUSTERED"
  | "XML"
  | "SPATIAL"
  | "CLUSTERED COLUMNSTORE"
  | "NONCLUSTERED COLUMNSTORE"
  | "NONCLUSTERED HASH";

export interface IndexSpec {
  /** NULL-named only for heaps, which the builder adds itself. */
  readonly name: string;
  readonly type: IndexType;
  /** Key columns; `Name DESC` for a descending key. Empty for a clustered columnstore. */
  readonly keys: readonly string[];
  readonly include?: readonly string[];
  readonly unique?: boolean;
  /** PRIMARY KEY or UNIQUE constraint that owns the index. */
  readonly constraint?: "PK" | "UQ";
  /** The constraint's name was given by SQL Server. */
  readonly systemNamed?: boolean;
  readonly filter?: string;
  readonly compression?: "NONE" | "ROW" | "PAGE" | "COLUMNSTORE" | "COLUMNSTORE_ARCHIVE";
  readonly fillFactor?: number;
  readonly ignoreDupKey?: boolean;
  readonly optimizeForSequentialKey?: boolean;
  /** For an XML index: PRIMARY, or the secondary type with its primary index. */
  readonly xml?: { readonly secondary?: "PATH" | "VALUE" | "PROPERTY"; readonly primary?: string };
  readonly tessellation?: "GEOGRAPHY_AUTO_GRID" | "GEOGRAPHY_GRID" | "GEOMETRY_AUTO_GRID";
  readonly bucketCount?: number;
  /** Filegroup, when not the table's own data space. */
  readonly filegroup?: string;
}

export interface ForeignKeySpec {
  readonly name: string;
  readonly columns: readonly string[];
  /** `schema.table`. */
  readonly references: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete?: "CASCADE" | "SET_NULL" | "SET_DEFAULT";
  readonly onUpdate?: "CASCADE" | "SET_NULL" | "SET_DEFAULT";
  /** Created WITH NOCHECK. */
  readonly notTrusted?: boolean;
  readonly disabled?: boolean;
}

export interface CheckSpec {
  readonly name: string;
  /** As sys.check_constraints stores it, e.g. `([Amount]>(0))`. */
  readonly definition: string;
  /** Set for a column-level constraint. */
  readonly column?: string;
  readonly systemNamed?: boolean;
}

export interface DefaultSpec {
  readonly column: string;
  /** As sys.default_constraints stores it, e.g. `((0))`. */
  readonly definition: string;
  /** Omitted for a system-named default. */
  readonly name?: string;
}

export interface TableSpec {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnDeclaration[];
  readonly indexes?: readonly IndexSpec[];
  readonly foreignKeys?: readonly ForeignKeySpec[];
  readonly checks?: readonly CheckSpec[];
  readonly defaults?: readonly DefaultSpec[];
  readonly rows: number;
  /** Average in-row bytes per row, for page counts; 120 when omitted. */
  readonly rowBytes?: number;
  /** Filegroup or partition scheme of the heap or clustered index; the default filegroup when omitted. */
  readonly dataSpace?: string;
  /** Partitioning column when dataSpace is a partition scheme. */
  readonly partitionColumn?: string;
  /** TEXTIMAGE_ON filegroup for LOB columns; the data space when omitted. */
  readonly lobDataSpace?: string;
  readonly filestreamDataSpace?: string;
  readonly memoryOptimized?: boolean;
  /** System-versioned temporal table and its history table, `schema.table`. */
  readonly temporal?: { readonly history: string; readonly periodStart: string; readonly periodEnd: string };
  /** The history table of a temporal table. */
  readonly isHistory?: boolean;
  readonly createdAt: string;
}

export interface AliasTypeSpec {
  readonly schema: string;
  readonly name: string;
  readonly base: string;
  readonly nullable: boolean;
}

export interface DataSpaceSpec {
  readonly name: string;
  /** FG filegroup, FD FILESTREAM filegroup, FX memory-optimized filegroup, PS partition scheme. */
  readonly type: "FG" | "FD" | "FX" | "PS";
  readonly isDefault?: boolean;
  /** For a partition scheme: its function and destination filegroups, one per partition. */
  readonly scheme?: { readonly function: string; readonly filegroups: readonly string[] };
}

export interface PartitionFunctionSpec {
  readonly name: string;
  readonly parameterType: string;
  readonly rangeRight: boolean;
  readonly boundaries: readonly string[];
}

export interface DatabaseSchemaSpec {
  readonly collation: string;
  /** User schemas, numbered from schema_id 5 in this order. */
  readonly schemas: readonly string[];
  readonly aliasTypes?: readonly AliasTypeSpec[];
  /** Table types, `schema.name`. */
  readonly tableTypes?: readonly string[];
  readonly xmlSchemaCollections?: readonly string[];
  readonly dataSpaces: readonly DataSpaceSpec[];
  readonly partitionFunctions?: readonly PartitionFunctionSpec[];
  readonly tables: readonly TableSpec[];
  /** Sequences, `schema.name`. */
  readonly sequences?: readonly string[];
  /** Synonyms: `schema.name` and the object they stand for. */
  readonly synonyms?: readonly { readonly name: string; readonly target: string }[];
  readonly createdAt: string;
}

/** Declares a clustered primary key, as SSMS scripts it. */
export function primaryKey(name: string, keys: readonly string[], options: Partial<IndexSpec> = {}): IndexSpec {
  return { name, type: "CLUSTERED", keys, unique: true, constraint: "PK", ...options };
}

/** Declares a nonclustered UNIQUE constraint. */
export function uniqueKey(name: string, keys: readonly string[], options: Partial<IndexSpec> = {}): IndexSpec {
  return { name, type: "NONCLUSTERED", keys, unique: true, constraint: "UQ", ...options };
}

/** Declares a nonclustered index. */
export function index(name: string, keys: readonly string[], options: Partial<IndexSpec> = {}): IndexSpec {
  return { name, type: "NONCLUSTERED", keys, ...options };
}

export function foreignKey(
  name: string,
  columns: readonly string[],
  references: string,
  referencedColumns: readonly string[] = columns,
  options: Partial<ForeignKeySpec> = {},
): ForeignKeySpec {
  return { name, columns, references, referencedColumns, ...options };
}
