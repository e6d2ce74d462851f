/**
 * Rules for how data is stored and watched: FILESTREAM and FileTable,
 * In-Memory OLTP, columnstore indexes, Stretch Database, transparent data
 * encryption and Query Store.
 */

import { databasesOf, numberField, sumOf } from "./inventory-view.js";
import { optionEvidence, type FeatureRule, type RuleOutcome } from "./rule.js";

/** tempdb is encrypted by the server as soon as any database is, so it proves nothing. */
const TEMPDB = "tempdb";

const filestream: FeatureRule = {
  id: "filestream",
  name: "FILESTREAM and FileTable",
  category: "storage",
  databaseLevel: true,
  migration:
    "Babelfish does not support FILESTREAM or FileTable: keep the files in Amazon S3 " +
    "(the aws_s3 extension imports and exports) and their keys in the table.",

  evaluate(view): RuleOutcome {
    const level = numberField(view.first("server"), "filestreamLevel");
    const configured = view.first("instance-features")?.["filestreamConfiguredLevel"];
    const tables = view.items("tables").filter((table) => numberField(table, "filestreamColumns") > 0);
    const fileTables = view.items("tables").filter((table) => table["isFileTable"] === true);
    const filegroups = view
      .items("database-features")
      .filter((item) => numberField(item, "filestreamFilegroups") > 0);
    const counts = {
      filestreamColumns: sumOf(tables, "filestreamColumns"),
      fileTables: fileTables.length,
      filestreamFilegroups: sumOf(filegroups, "filestreamFilegroups"),
    };
    const evidence = [
      `SERVERPROPERTY('FilestreamEffectiveLevel') = ${level}`,
      `SERVERPROPERTY('FilestreamConfiguredLevel') = ${typeof configured === "number" ? configured : "not read"}`,
      optionEvidence("filestream access level", view.configuration("filestream access level")),
      `sys.columns: ${counts.filestreamColumns} FILESTREAM columns`,
      `sys.tables: ${counts.fileTables} FileTables`,
      `sys.filegroups: ${counts.filestreamFilegroups} FILESTREAM filegroups`,
    ];
    const databases = databasesOf([...tables, ...fileTables, ...filegroups]);

    if (tables.length > 0 || fileTables.length > 0) {
      return { state: "enabled", evidence, counts, databases };
    }
    const configuredOnly = level > 0 || filegroups.length > 0;
    return { state: configuredOnly ? "installed-not-used" : "disabled", evidence, counts, databases };
  },
};

const inMemoryOltp: FeatureRule = {
  id: "in-memory-oltp",
  name: "In-Memory OLTP",
  category: "storage",
  databaseLevel: true,
  migration:
    "PostgreSQL has no memory-optimized tables or natively compiled modules: they become " +
    "ordinary tables and procedures, to be load-tested.",

  evaluate(view): RuleOutcome {
    const tables = view.items("tables").filter((table) => table["isMemoryOptimized"] === true);
    const features = view.items("database-features");
    const native = features.filter((item) => numberField(item, "nativelyCompiledModules") > 0);
    const filegroups = features.filter((item) => numberField(item, "memoryOptimizedFilegroups") > 0);
    const counts = {
      memoryOptimizedTables: tables.length,
      nativelyCompiledModules: sumOf(native, "nativelyCompiledModules"),
      memoryOptimizedFilegroups: sumOf(filegroups, "memoryOptimizedFilegroups"),
    };
    const evidence = [
      `sys.tables: ${counts.memoryOptimizedTables} memory-optimized`,
      `sys.sql_modules: ${counts.nativelyCompiledModules} natively compiled`,
      `sys.filegroups: ${counts.memoryOptimizedFilegroups} memory-optimized filegroups`,
    ];

    if (tables.length > 0 || native.length > 0) {
      return { state: "enabled", evidence, counts, databases: databasesOf([...tables, ...native]) };
    }
    return {
      state: filegroups.length > 0 ? "installed-not-used" : "disabled",
      evidence,
      counts,
      databases: databasesOf(filegroups),
    };
  },
};

const columnstore: FeatureRule = {
  id: "columnstore",
  name: "Columnstore indexes",
  category: "storage",
  databaseLevel: true,
  migration:
    "PostgreSQL has no columnstore index: large scans need partitioning and BRIN indexes, " +
    "or an analytics store such as Amazon Redshift.",

  evaluate(view): RuleOutcome {
    const indexes = view.items("indexes").filter((index) => index["isColumnstore"] === true);
    const evidence = [`sys.indexes: ${indexes.length} columnstore indexes (type 5 or 6)`];

    return {
      state: indexes.length > 0 ? "enabled" : "disabled",
      evidence,
      counts: { indexes: indexes.length },
      databases: databasesOf(indexes),
    };
  },
};

const stretch: FeatureRule = {
  id: "stretch-database",
  name: "Stretch Database",
  category: "storage",
  databaseLevel: true,
  migration: "Deprecated since SQL Server 2022: bring the remote rows back before migrating.",

  evaluate(view): RuleOutcome {
    const option = view.configuration("remote data archive");
    const tables = view.items("database-features").filter((item) => numberField(item, "stretchTables") > 0);
    const counts = { stretchTables: sumOf(tables, "stretchTables") };
    const evidence = [
      optionEvidence("remote data archive", option),
      `sys.tables: ${counts.stretchTables} Stretch tables`,
    ];

    if (tables.length > 0) {
      return { state: "enabled", evidence, counts, databases: databasesOf(tables) };
    }
    return { state: option === 1 ? "installed-not-used" : "disabled", evidence, counts };
  },
};

const transparentDataEncryption: FeatureRule = {
  id: "tde",
  name: "Transparent data encryption",
  category: "security",
  databaseLevel: false,
  migration: "Aurora encrypts storage with AWS KMS keys; the database keys and certificates do not move.",

  evaluate(view): RuleOutcome {
    const keys = view.items("tde").filter((key) => key.database !== TEMPDB);
    const encrypted = keys.filter((key) => key["encryptionState"] === "ENCRYPTED");
    const evidence = [
      `sys.dm_database_encryption_keys: ${keys.length} keys besides tempdb's, ${encrypted.length} encrypted`,
    ];
    const counts = { encryptedDatabases: encrypted.length, databaseKeys: keys.length };

    if (keys.length > 0) {
      return { state: "enabled", evidence, counts, databases: databasesOf(keys) };
    }
    return { state: "disabled", evidence, counts };
  },
};

const queryStore: FeatureRule = {
  id: "query-store",
  name: "Query Store",
  category: "monitoring",
  databaseLevel: true,
  migration:
    "pg_stat_statements and Amazon RDS Performance Insights record query statistics; " +
    "Query Store history does not move.",

  evaluate(view): RuleOutcome {
    const stores = view.items("query-store").filter((store) => store["actualState"] !== "OFF");
    const evidence = [`sys.database_query_store_options: on in ${stores.length} databases`];

    return {
      state: stores.length > 0 ? "enabled" : "disabled",
      evidence,
      counts: { databases: stores.length },
      databases: databasesOf(stores),
    };
  },
};

export const STORAGE_RULES: readonly FeatureRule[] = [
  filestream,
  inMemoryOltp,
  columnstore,
  stretch,
  transparentDataEncryption,
  queryStore,
];
