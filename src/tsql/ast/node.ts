/**
 * Base shapes of the T-SQL syntax tree. Every node has a literal `kind` and
 * the source range it was parsed from. Kind names follow Microsoft's
 * SqlScriptDOM where one exists, so T-SQL tooling users recognise them.
 */

export interface Node {
  readonly kind: string;
  /** Offset of the first character (UTF-16 code units of the decoded text). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** 1-based line and column of `start`. */
  readonly line: number;
  readonly column: number;
}

/** The fields that the parser stamps on every node. */
export type Position = Pick<Node, "start" | "end" | "line" | "column">;

/** A node's own fields, without its position. */
export type Fields<T extends Node> = Omit<T, keyof Position>;

/**
 * A node, writable, for a production that sets optional fields one by one
 * in the order of the finished node, then its position. That is cheaper
 * than spreading `...(x ? { x } : {})`, which copies a temporary object.
 */
export type Draft<T extends Node> = { -readonly [K in keyof Fields<T>]: Fields<T>[K] } & {
  -readonly [K in keyof Position]?: Position[K];
};

export interface Identifier extends Node {
  readonly kind: "Identifier";
  /** The name with quoting removed: `[Order Details]` gives `Order Details`. */
  readonly value: string;
  readonly quote: "none" | "bracket" | "double";
}

/**
 * A name of up to four parts, `server.database.schema.object`. Omitted middle
 * parts (`db..table`) are null; missing leading parts are absent.
 */
export interface SchemaObjectName extends Node {
  readonly kind: "SchemaObjectName";
  readonly server?: Identifier | null;
  readonly database?: Identifier | null;
  readonly schema?: Identifier | null;
  readonly name: Identifier;
  /** Number of parts written, counting empty ones: `a..b` has 3. */
  readonly partCount: number;
}

export interface DataType extends Node {
  readonly kind: "DataType";
  readonly name: SchemaObjectName;
  /** Length, precision and scale as written; `MAX` is kept as the word. */
  readonly parameters: readonly string[];
  /** `XML(CONTENT schema_collection)` and `XML(DOCUMENT ...)`. */
  readonly xmlSchemaCollection?: SchemaObjectName;
  readonly xmlDocument?: boolean;
}

/**
 * A statement the parser could not read. It keeps the raw text so nothing
 * of the input is lost, and the diagnostic explains what was expected.
 */
export interface ErrorStatement extends Node {
  readonly kind: "ErrorStatement";
  readonly text: string;
  /** Upper-case first word, to say what kind of statement it seemed to be. */
  readonly leadingWord?: string;
}

/**
 * A `name [= value]` option as found in WITH (...) lists, SET options and
 * ALTER DATABASE SET. Used for long option lists whose items the analysis
 * only needs by name and value.
 */
export interface OptionNode extends Node {
  readonly kind: "Option";
  /** Upper-case option name, multi-word names joined by one space. */
  readonly name: string;
  /**
   * The value after `=` or as a following word, if any. Word values keep
   * the case they were written in, because they may name objects; compare
   * them case-insensitively.
   */
  readonly value?: OptionValue;
  /** Nested options, as in `SYSTEM_VERSIONING = ON (HISTORY_TABLE = h)`. */
  readonly options?: readonly OptionNode[];
}

export type OptionValue =
  | { readonly type: "word"; readonly value: string }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "number"; readonly value: string }
  | { readonly type: "name"; readonly value: SchemaObjectName }
  | { readonly type: "list"; readonly values: readonly OptionValue[] }
  /** `name = (a = 1, b = 2)`: a parenthesized list of nested options. */
  | { readonly type: "options"; readonly options: readonly OptionNode[] };
