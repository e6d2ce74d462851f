/** CREATE and ALTER INDEX in their kinds, and statistics. */

import type { Expression } from "../expressions.js";
import type { Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";
import type { Clustering, IndexColumn, IndexStorage } from "./elements.js";

/** CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] [COLUMNSTORE] INDEX. */
export interface CreateIndexStatement extends Node, IndexStorage {
  readonly kind: "CreateIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  readonly unique: boolean;
  readonly clustering?: Clustering;
  readonly columnStore: boolean;
  /** Key columns; empty for a clustered columnstore index. */
  readonly columns: readonly IndexColumn[];
  readonly include: readonly Identifier[];
  /** `ORDER (...)` of an ordered columnstore index. */
  readonly order: readonly Identifier[];
  readonly where?: Expression;
}

/** CREATE [PRIMARY] XML INDEX, primary or secondary. */
export interface CreateXmlIndexStatement extends Node {
  readonly kind: "CreateXmlIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  readonly primary: boolean;
  /** The index named by `USING XML INDEX`. */
  readonly usingIndex?: Identifier;
  readonly secondaryType?: "VALUE" | "PATH" | "PROPERTY";
  /** The path of a secondary selective XML index, `FOR (path_name)`. */
  readonly selectivePath?: Identifier;
  readonly options: readonly OptionNode[];
}

export interface CreateSelectiveXmlIndexStatement extends Node {
  readonly kind: "CreateSelectiveXmlIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  /** `WITH XMLNAMESPACES (...)` as written. */
  readonly namespaces?: string;
  /** The promoted paths, `FOR (...)`, as written. */
  readonly paths: string;
  readonly options: readonly OptionNode[];
}

export interface CreateSpatialIndexStatement extends Node, IndexStorage {
  readonly kind: "CreateSpatialIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  /** GEOMETRY_GRID, GEOGRAPHY_GRID, GEOMETRY_AUTO_GRID or GEOGRAPHY_AUTO_GRID. */
  readonly tessellation?: string;
}

/** CREATE JSON INDEX and CREATE VECTOR INDEX, both new in SQL Server 2025. */
export interface CreateJsonIndexStatement extends Node, IndexStorage {
  readonly kind: "CreateJsonIndexStatement" | "CreateVectorIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  /** SQL/JSON paths of `FOR (...)`; always empty for a vector index. */
  readonly paths: readonly string[];
}

export interface AlterIndexStatement extends Node {
  readonly kind: "AlterIndexStatement";
  /** Absent for `ALTER INDEX ALL`. */
  readonly name?: Identifier;
  readonly all: boolean;
  readonly table: SchemaObjectName;
  readonly action: "REBUILD" | "REORGANIZE" | "DISABLE" | "SET" | "RESUME" | "PAUSE" | "ABORT";
  readonly partition?: "ALL" | Expression;
  readonly options: readonly OptionNode[];
}

export interface CreateStatisticsStatement extends Node {
  readonly kind: "CreateStatisticsStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  readonly columns: readonly Identifier[];
  readonly where?: Expression;
  readonly options: readonly OptionNode[];
}

export interface UpdateStatisticsStatement extends Node {
  readonly kind: "UpdateStatisticsStatement";
  readonly table: SchemaObjectName;
  readonly statistics: readonly Identifier[];
  readonly options: readonly OptionNode[];
}
