/** Full-text search: catalogs, indexes, stoplists and search property lists. */

import type { Expression } from "../expressions.js";
import type { Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";

export type FullTextStatement =
  | CreateFullTextCatalogStatement
  | AlterFullTextCatalogStatement
  | CreateFullTextIndexStatement
  | AlterFullTextIndexStatement
  | FullTextStopListStatement
  | SearchPropertyListStatement;

export interface CreateFullTextCatalogStatement extends Node {
  readonly kind: "CreateFullTextCatalogStatement";
  readonly name: Identifier;
  readonly fileGroup?: Identifier;
  /** `IN PATH 'x'`, deprecated and ignored since SQL Server 2008. */
  readonly path?: Expression;
  readonly options: readonly OptionNode[];
  readonly isDefault: boolean;
  readonly owner?: Identifier;
}

export interface AlterFullTextCatalogStatement extends Node {
  readonly kind: "AlterFullTextCatalogStatement";
  readonly name: Identifier;
  readonly action: "REBUILD" | "REORGANIZE" | "AS DEFAULT";
  readonly options: readonly OptionNode[];
}

/** `column [TYPE COLUMN c] [LANGUAGE l] [STATISTICAL_SEMANTICS]`. */
export interface FullTextIndexColumn extends Node {
  readonly kind: "FullTextIndexColumn";
  readonly name: Identifier;
  readonly typeColumn?: Identifier;
  readonly language?: Expression;
  readonly statisticalSemantics: boolean;
}

export interface CreateFullTextIndexStatement extends Node {
  readonly kind: "CreateFullTextIndexStatement";
  readonly table: SchemaObjectName;
  readonly columns: readonly FullTextIndexColumn[];
  readonly keyIndex: Identifier;
  readonly catalog?: Identifier;
  readonly fileGroup?: Identifier;
  /** CHANGE_TRACKING, STOPLIST, SEARCH PROPERTY LIST, NO POPULATION. */
  readonly options: readonly OptionNode[];
}

/**
 * ALTER FULLTEXT INDEX ON t with one action: `ENABLE`, `DISABLE`, `SET
 * CHANGE_TRACKING`, `ADD`, `ALTER COLUMN`, `DROP`, `START FULL POPULATION`,
 * `START INCREMENTAL POPULATION`, `START UPDATE POPULATION`, `STOP
 * POPULATION`, `PAUSE POPULATION`, `RESUME POPULATION`, `SET STOPLIST`, `SET
 * SEARCH PROPERTY LIST`.
 */
export interface AlterFullTextIndexStatement extends Node {
  readonly kind: "AlterFullTextIndexStatement";
  readonly table: SchemaObjectName;
  /** Upper-case action words, such as `START FULL POPULATION`. */
  readonly action: string;
  /** The columns of ADD, ALTER COLUMN and DROP. */
  readonly columns: readonly FullTextIndexColumn[];
  readonly options: readonly OptionNode[];
}

export interface FullTextStopListStatement extends Node {
  readonly kind: "CreateFullTextStopListStatement" | "AlterFullTextStopListStatement";
  readonly name: Identifier;
  /** CREATE: `FROM SYSTEM STOPLIST` gives `SYSTEM`, otherwise the source list. */
  readonly source?: SchemaObjectName | "SYSTEM";
  readonly owner?: Identifier;
  /** ALTER: `ADD`, `DROP` or `DROP ALL`. */
  readonly action?: "ADD" | "DROP" | "DROP ALL";
  readonly word?: Expression;
  readonly language?: Expression;
}

export interface SearchPropertyListStatement extends Node {
  readonly kind: "CreateSearchPropertyListStatement" | "AlterSearchPropertyListStatement";
  readonly name: Identifier;
  readonly source?: SchemaObjectName;
  readonly owner?: Identifier;
  readonly action?: "ADD" | "DROP";
  readonly property?: Expression;
  readonly options: readonly OptionNode[];
}
