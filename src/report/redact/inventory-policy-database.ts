/**
 * Field policy of the database-scope inventory parts (DATABASE_PARTS in
 * src/sources/sqlserver/inventory/index.ts). Every field each part writes
 * is listed. A field missing here is redacted by the fallback.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import { DATABASE_RULE, type FieldRules, type PartPolicy } from "./inventory-rules.js";

const KEEP = "keep";

function keepAll(...fields: string[]): FieldRules {
  return Object.fromEntries(fields.map((field) => [field, KEEP]));
}

/** Returns the kind `role` for roles and application roles, else `user`. */
function databasePrincipalKind(field: string) {
  return (item: InventoryItem) => {
    const value = String(item[field] ?? "").toUpperCase();
    return value.includes("ROLE") ? ("role" as const) : ("user" as const);
  };
}

export const DATABASE_PART_POLICIES: Readonly<Record<string, PartPolicy>> = {
  // `type`, `typeDesc` and `kind` are sys.objects types and their names.
  objects: {
    fields: {
      database: DATABASE_RULE,
      ...keepAll("type", "typeDesc", "kind", "count", "modules", "encrypted", "lines"),
    },
  },

  tables: {
    fields: {
      database: DATABASE_RULE,
      schema: { name: "schema" },
      name: { name: "table" },
      columnTypes: "typeCounts",
      notableColumns: {
        list: {
          name: { name: "column" },
          type: "dataType",
          default: "code",
          ...keepAll("isNullable", "features", "collation"),
        },
      },
      dataSpace: { name: "filegroup" },
      historyTable: { qualified: "table" },
      ...keepAll(
        "rows",
        "partitions",
        "reservedKb",
        "usedKb",
        "dataKb",
        "columns",
        "identityColumns",
        "computedColumns",
        "sparseColumns",
        "hasColumnSet",
        "filestreamColumns",
        "lobColumns",
        "indexes",
        "hasPrimaryKey",
        "hasClusteredIndex",
        "isHeap",
        "hasClusteredColumnstore",
        "hasColumnstore",
        "isPartitioned",
        "dataSpaceType",
        "isMemoryOptimized",
        "durability",
        "temporalType",
        "isFileTable",
        "isExternal",
        "isReplicated",
        "isTrackedByCdc",
        "lockEscalation",
        "isNode",
        "isEdge",
        "ledgerType",
        "createdAt",
        "modifiedAt",
      ),
    },
  },

  "column-types": {
    fields: { database: DATABASE_RULE, type: "dataType", ...keepAll("columns", "tables") },
  },

  indexes: {
    fields: {
      database: DATABASE_RULE,
      schema: { name: "schema" },
      object: { name: (item) => (item["objectType"] === "view" ? "view" : "table") },
      name: { name: "index" },
      filter: "code",
      dataSpace: { name: "filegroup" },
      ...keepAll(
        "objectType",
        "indexId",
        "type",
        "isColumnstore",
        "isUnique",
        "isPrimaryKey",
        "isUniqueConstraint",
        "isFiltered",
        "isDisabled",
        "isHypothetical",
        "fillFactor",
        "ignoreDupKey",
        "allowRowLocks",
        "allowPageLocks",
        "optimizeForSequentialKey",
        "keyColumns",
        "includedColumns",
        "partitions",
        "compression",
        "isPartitioned",
        "xmlIndexType",
        "spatialTessellation",
      ),
    },
  },

  // Constraint names SQL Server generates (PK__Orders__3214EC07...) hold
  // the table name, so they get pseudonyms like any other.
  dependencies: {
    fields: {
      database: DATABASE_RULE,
      schema: { name: "schema" },
      name: { name: "object" },
      baseObjectName: { name: "object" },
      referencedServer: { name: "server" },
      referencedDatabase: { name: "database" },
      referencedSchema: { name: "schema" },
      referencedName: { name: "object" },
      ...keepAll("source", "type", "referencedClass", "referencedType", "isAmbiguous", "isCallerDependent", "isSchemaBound"),
    },
  },
  constraints: {
    fields: {
      database: DATABASE_RULE,
      schema: { name: "schema" },
      table: { name: "table" },
      name: { name: "constraint" },
      referencedSchema: { name: "schema" },
      referencedTable: { name: "table" },
      column: { name: "column" },
      definition: "code",
      ...keepAll(
        "type",
        "isSystemNamed",
        "indexType",
        "columns",
        "isCrossSchema",
        "onDelete",
        "onUpdate",
        "isDisabled",
        "isNotTrusted",
        "isNotForReplication",
      ),
    },
  },

  partitioning: {
    fields: {
      database: DATABASE_RULE,
      name: { name: "partitionfunction" },
      parameterType: "dataType",
      schemes: {
        list: { name: { name: "partitionscheme" }, ...keepAll("filegroups", "objects", "indexes") },
      },
      ...keepAll("type", "range", "boundaries", "partitions"),
    },
  },

  "query-store": {
    fields: {
      database: DATABASE_RULE,
      ...keepAll(
        "desiredState",
        "actualState",
        "readonlyReason",
        "currentStorageMb",
        "maxStorageMb",
        "captureMode",
        "sizeBasedCleanupMode",
        "staleQueryThresholdDays",
        "waitStatsCaptureMode",
      ),
    },
  },

  users: {
    fields: {
      database: DATABASE_RULE,
      name: { name: databasePrincipalKind("type") },
      login: { name: "login" },
      defaultSchema: { name: "schema" },
      roles: { name: "role" },
      members: { name: "user" },
      ...keepAll("type", "principalType", "authentication", "isOrphaned", "createDate", "modifyDate"),
    },
  },

  "database-permissions": {
    fields: {
      database: DATABASE_RULE,
      grantee: { name: databasePrincipalKind("granteeType") },
      ...keepAll("granteeType", "permission", "state", "class", "count"),
    },
  },

  // clr_name contains the assembly's name, version and public key token.
  "clr-assemblies": {
    fields: {
      database: DATABASE_RULE,
      name: { name: "assembly" },
      clrName: "text",
      ...keepAll(
        "permissionSet",
        "modules",
        "types",
        "isTrusted",
        "isVisible",
        "createDate",
        "modifyDate",
      ),
    },
  },

  // activation_procedure is a quoted three-part name, so it is redacted as code.
  "service-broker": {
    variants: {
      queue: {
        database: DATABASE_RULE,
        name: { qualified: "queue" },
        activationProcedure: "code",
        ...keepAll(
          "type",
          "receiveEnabled",
          "enqueueEnabled",
          "activationEnabled",
          "maxReaders",
          "retention",
          "poisonMessageHandling",
        ),
      },
      service: {
        database: DATABASE_RULE,
        name: { name: "service" },
        queue: { qualified: "queue" },
        ...keepAll("type", "contracts"),
      },
      contract: {
        database: DATABASE_RULE,
        name: { name: "contract" },
        ...keepAll("type", "messageTypes"),
      },
      "message-type": {
        database: DATABASE_RULE,
        name: { name: "messagetype" },
        ...keepAll("type", "validation"),
      },
      // LOCAL and TRANSPORT are the keyword addresses of CREATE ROUTE.
      route: {
        database: DATABASE_RULE,
        name: { name: "route" },
        remoteService: { name: "service" },
        address: { name: "address", except: ["LOCAL", "TRANSPORT"] },
        mirrorAddress: { name: "address" },
        type: KEEP,
      },
      "remote-service-binding": {
        database: DATABASE_RULE,
        name: { name: "binding" },
        remoteService: { name: "service" },
        ...keepAll("type", "anonymous"),
      },
    },
  },

  "full-text": {
    variants: {
      catalog: {
        database: DATABASE_RULE,
        name: { name: "catalog" },
        ...keepAll("type", "isDefault", "accentSensitive", "indexes"),
      },
      // OFF and SYSTEM are the stoplist keywords of CREATE FULLTEXT INDEX.
      index: {
        database: DATABASE_RULE,
        name: { qualified: "table" },
        catalog: { name: "catalog" },
        stoplist: { name: "stoplist", except: ["OFF", "SYSTEM"] },
        ...keepAll("type", "enabled", "changeTracking", "columns"),
      },
      stoplist: {
        database: DATABASE_RULE,
        name: { name: "stoplist" },
        ...keepAll("type", "stopwords"),
      },
    },
  },

  "database-scoped-credentials": {
    fields: {
      database: DATABASE_RULE,
      name: { name: "credential" },
      ...keepAll("identityKind", "createDate", "modifyDate"),
    },
  },
  "database-features": {
    fields: {
      database: DATABASE_RULE,
      ...keepAll(
        "changeTrackingTables",
        "nativelyCompiledModules",
        "filestreamFilegroups",
        "memoryOptimizedFilegroups",
        "stretchTables",
        "externalDataSources",
      ),
    },
  },
};
