/** The statements of this family, keyed as the dispatcher expects. */

import type { StatementFamily } from "../registry.js";
import { parseAlterIndex } from "./alter-index.js";
import { parseAlterTable } from "./alter-table.js";
import { parseCreateIndex } from "./create-index.js";
import { parseCreateTable } from "./create-table.js";
import { dropParsers } from "./drop.js";
import {
  parseAlterXmlSchemaCollection,
  parseCreateDefault,
  parseCreateRule,
  parseCreateXmlSchemaCollection,
} from "./legacy-objects.js";
import {
  parseAlterPartitionFunction,
  parseAlterPartitionScheme,
  parseCreatePartitionFunction,
  parseCreatePartitionScheme,
} from "./partitions.js";
import { parseAlterSchema, parseCreateSchema, parseCreateSynonym } from "./schemas.js";
import { parseAlterSequence, parseCreateSequence } from "./sequences.js";
import {
  parseCreateJsonOrVectorIndex,
  parseCreateSelectiveXmlIndex,
  parseCreateSpatialIndex,
  parseCreateXmlIndex,
} from "./special-indexes.js";
import { parseCreateStatistics, parseUpdateStatistics } from "./statistics.js";
import { parseCreateType } from "./types.js";

export const tableStatements: StatementFamily = {
  leading: {
    "UPDATE STATISTICS": parseUpdateStatistics,
  },
  create: {
    TABLE: parseCreateTable,
    INDEX: parseCreateIndex,
    UNIQUE: parseCreateIndex,
    CLUSTERED: parseCreateIndex,
    NONCLUSTERED: parseCreateIndex,
    COLUMNSTORE: parseCreateIndex,
    "XML INDEX": parseCreateXmlIndex,
    "PRIMARY XML INDEX": parseCreateXmlIndex,
    "SELECTIVE XML INDEX": parseCreateSelectiveXmlIndex,
    "SPATIAL INDEX": parseCreateSpatialIndex,
    "JSON INDEX": parseCreateJsonOrVectorIndex,
    "VECTOR INDEX": parseCreateJsonOrVectorIndex,
    STATISTICS: parseCreateStatistics,
    "PARTITION FUNCTION": parseCreatePartitionFunction,
    "PARTITION SCHEME": parseCreatePartitionScheme,
    TYPE: parseCreateType,
    SEQUENCE: parseCreateSequence,
    SYNONYM: parseCreateSynonym,
    SCHEMA: parseCreateSchema,
    DEFAULT: parseCreateDefault,
    RULE: parseCreateRule,
    "XML SCHEMA COLLECTION": parseCreateXmlSchemaCollection,
  },
  alter: {
    TABLE: parseAlterTable,
    INDEX: parseAlterIndex,
    "PARTITION FUNCTION": parseAlterPartitionFunction,
    "PARTITION SCHEME": parseAlterPartitionScheme,
    SEQUENCE: parseAlterSequence,
    SCHEMA: parseAlterSchema,
    "XML SCHEMA COLLECTION": parseAlterXmlSchemaCollection,
  },
  drop: dropParsers,
};
