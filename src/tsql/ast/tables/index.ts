/**
 * Tables, indexes, statistics, partitioning, types, sequences, synonyms,
 * schemas and DROP statements. Kind names follow SqlScriptDOM where it has
 * one. Long option lists (index, table and statistics options) are kept as
 * generic OptionNode lists. Everything else the analysis needs is a field.
 */

import type { DropStatement } from "./drop.js";
import type {
  AlterIndexStatement,
  CreateIndexStatement,
  CreateJsonIndexStatement,
  CreateSelectiveXmlIndexStatement,
  CreateSpatialIndexStatement,
  CreateStatisticsStatement,
  CreateXmlIndexStatement,
  UpdateStatisticsStatement,
} from "./indexes.js";
import type {
  AlterPartitionFunctionStatement,
  AlterPartitionSchemeStatement,
  CreatePartitionFunctionStatement,
  CreatePartitionSchemeStatement,
} from "./partitions.js";
import type {
  AlterSchemaStatement,
  AlterSequenceStatement,
  AlterXmlSchemaCollectionStatement,
  CreateDefaultStatement,
  CreateRuleStatement,
  CreateSchemaStatement,
  CreateSequenceStatement,
  CreateSynonymStatement,
  CreateTypeTableStatement,
  CreateTypeUddtStatement,
  CreateTypeUdtStatement,
  CreateXmlSchemaCollectionStatement,
} from "./schema-objects.js";
import type { AlterTableStatement, CreateTableStatement } from "./table.js";

export type * from "./drop.js";
export type * from "./elements.js";
export type * from "./indexes.js";
export type * from "./partitions.js";
export type * from "./schema-objects.js";
export type * from "./table.js";

export type TableStatement =
  | CreateTableStatement
  | AlterTableStatement
  | CreateIndexStatement
  | CreateXmlIndexStatement
  | CreateSelectiveXmlIndexStatement
  | CreateSpatialIndexStatement
  | CreateJsonIndexStatement
  | AlterIndexStatement
  | CreateStatisticsStatement
  | UpdateStatisticsStatement
  | CreatePartitionFunctionStatement
  | AlterPartitionFunctionStatement
  | CreatePartitionSchemeStatement
  | AlterPartitionSchemeStatement
  | CreateTypeUddtStatement
  | CreateTypeUdtStatement
  | CreateTypeTableStatement
  | CreateSequenceStatement
  | AlterSequenceStatement
  | CreateSynonymStatement
  | CreateSchemaStatement
  | AlterSchemaStatement
  | CreateDefaultStatement
  | CreateRuleStatement
  | CreateXmlSchemaCollectionStatement
  | AlterXmlSchemaCollectionStatement
  | DropStatement;
