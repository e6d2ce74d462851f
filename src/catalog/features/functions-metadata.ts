/**
 * Metadata and security-identity functions beyond those in `functions.ts`
 * and `function-details.ts`. Babelfish statuses come from Babelfish Compass
 * (`BabelfishFeatures.cfg`, to 6.0.0): its function list, the argument
 * counts it accepts (SCHEMA_ID, TRIGGER_NESTLEVEL) and the properties it
 * lists for OBJECTPROPERTYEX and INDEXPROPERTY. A listed function without
 * a `supported-` release is not supported on any release.
 */
import { always, family, since, steps } from "../build.js";
import type { DetailVariant } from "../model.js";
import { COMPASS_FEATURES, postgresDocs, upgradeScript } from "../sources.js";
import { functionEntries, type FunctionRow } from "./function-table.js";

const PG_INFO = postgresDocs("functions-info", "System information functions and operators");
const PG_CATALOGS = postgresDocs("catalogs", "System catalogs");
const PG_ADMIN = postgresDocs("functions-admin", "System administration functions");

function supportedFrom(version: string, names: readonly string[]): DetailVariant[] {
  return names.map((name) => ({
    detail: name.toLowerCase(),
    title: name,
    babelfish: since(version),
  }));
}

/** OBJECTPROPERTYEX properties that Compass lists as supported from 2.2.0. */
const OBJECT_PROPERTIES = [
  "BaseType", "ExecIsAnsiNullsOn", "ExecIsQuotedIdentOn", "IsDefault", "IsDefaultCnst",
  "IsDeterministic", "IsIndexed", "IsInlineFunction", "IsMSShipped", "IsPrimaryKey",
  "IsProcedure", "IsRule", "IsScalarFunction", "IsSchemaBound", "IsTable",
  "IsTableFunction", "IsTrigger", "IsUserTable", "IsView", "OwnerId",
  "TableFulltextPopulateStatus", "TableHasVarDecimalStorageFormat",
];

/** INDEXPROPERTY properties that Compass lists as supported from 2.2.0. */
const INDEX_PROPERTIES = [
  "IndexFillFactor", "IndexID", "IsClustered", "IsDisabled", "IsHypothetical",
  "IsPadIndex", "IsPageLockDisallowed", "IsRowLockDisallowed", "IsUnique",
];

const UNLISTED_PROPERTY =
  "Babelfish 2.2.0 and later return the properties listed as details; check that the property used is one of them.";

const ROWS: readonly FunctionRow[] = [
  // Principals and schemas. Compass: SCHEMA_ID(name) from 1.0.0, SCHEMA_ID()
  // without an argument from 1.2.0.
  ["schema_id", steps(["1.0.0", "reviewManually"], ["1.2.0", "supported"]), "notSupported",
    "Use to_regnamespace('name')::oid, or current_schema() for the default schema.",
    { remedy: "SCHEMA_ID('name') works on every release; SCHEMA_ID() without an argument needs 1.2.0 or later.", docs: [PG_INFO] }],
  ["suser_id", since("1.0.0"), "notSupported", "Query pg_roles.oid for the role name.", { docs: [PG_CATALOGS] }],
  ["suser_name", since("1.0.0"), "notSupported", "Use session_user, or pg_roles.rolname for an oid.", { docs: [PG_INFO] }],
  ["user_id", since("1.0.0"), "notSupported", "Query pg_roles.oid where rolname = current_user.", { docs: [PG_CATALOGS] }],
  ["default_domain", since("1.0.0"), "notSupported", "Remove the dependency; PostgreSQL roles have no Windows domain."],
  ["original_db_name", always("notSupported"), "notSupported", "Use current_database().", { docs: [PG_INFO] }],

  // Identity columns, triggers and application locks.
  ["ident_seed", since("1.0.0"), "notSupported",
    "Query information_schema.columns.identity_start or pg_sequences.start_value.", { docs: [PG_CATALOGS] }],
  ["ident_incr", since("1.0.0"), "notSupported",
    "Query information_schema.columns.identity_increment or pg_sequences.increment_by.", { docs: [PG_CATALOGS] }],
  // Compass: only TRIGGER_NESTLEVEL() without arguments, from 1.1.0.
  ["trigger_nestlevel", steps(["1.0.0", "notSupported"], ["1.1.0", "reviewManually"]), "notSupported",
    "Use pg_trigger_depth().",
    {
      remedy: "TRIGGER_NESTLEVEL() without arguments works from 1.1.0; the forms with an object id or trigger type are not supported.",
      docs: [upgradeScript("1.0.0", "1.1.0"), PG_INFO],
    }],
  ["applock_mode", since("1.0.0"), "notSupported", "Query pg_locks for advisory locks.", { docs: [PG_ADMIN] }],
  ["applock_test", since("1.0.0"), "notSupported", "Use pg_try_advisory_lock() and release the lock at once.", { docs: [PG_ADMIN] }],

  // Property functions.
  ["collationproperty", since("1.0.0"), "notSupported", "Query pg_collation.", { title: "COLLATIONPROPERTY(collation, property)", docs: [PG_CATALOGS] }],
  ["sql_variant_property", since("1.0.0"), "notSupported",
    "PostgreSQL has no sql_variant; store the base type in a column of its own.", { title: "SQL_VARIANT_PROPERTY(value, property)" }],
  ["objectpropertyex", steps(["1.0.0", "notSupported"], ["2.2.0", "reviewManually"]), "notSupported",
    "Query pg_class, pg_proc or pg_constraint.",
    {
      title: "OBJECTPROPERTYEX(id, property)",
      remedy: UNLISTED_PROPERTY,
      details: supportedFrom("2.2.0", OBJECT_PROPERTIES),
      docs: [upgradeScript("2.1.0", "2.2.0"), PG_CATALOGS],
    }],
  ["indexproperty", steps(["1.0.0", "notSupported"], ["2.2.0", "reviewManually"]), "notSupported",
    "Query pg_index and pg_class.",
    {
      title: "INDEXPROPERTY(table id, index, property)",
      remedy: UNLISTED_PROPERTY,
      details: supportedFrom("2.2.0", INDEX_PROPERTIES),
      docs: [upgradeScript("2.1.0", "2.2.0"), PG_CATALOGS],
    }],
  // Compass lists no property of INDEXKEY_PROPERTY as supported.
  ["indexkey_property", always("notSupported"), "notSupported", "Query pg_index.indoption.", { docs: [PG_CATALOGS] }],
  ["databaseproperty", always("notSupported"), "notSupported", "Query pg_database or current_setting().", { docs: [PG_CATALOGS] }],
  ["fileproperty", always("notSupported"), "notSupported", "Remove the dependency; PostgreSQL has no database files to query."],
  ["filepropertyex", always("notSupported"), "notSupported", "Remove the dependency; PostgreSQL has no database files to query."],
  ["filegroupproperty", always("notSupported"), "notSupported", "Remove the dependency; use tablespaces (pg_tablespace)."],
  ["assemblyproperty", always("notSupported"), "notSupported", "Remove the dependency; PostgreSQL has no CLR assemblies."],

  // Indexes, statistics, files and filegroups.
  ["index_col", always("notSupported"), "notSupported", "Use pg_get_indexdef(index_oid, column_number, true).", { docs: [PG_INFO] }],
  ["stats_date", always("notSupported"), "notSupported",
    "Query pg_stat_user_tables.last_analyze and last_autoanalyze.", { docs: [postgresDocs("monitoring-stats", "The cumulative statistics system")] }],
  ["file_id", always("notSupported"), "notSupported", "Remove the dependency; PostgreSQL has no database files to query."],
  ["file_idex", always("notSupported"), "notSupported", "Remove the dependency; PostgreSQL has no database files to query."],
  ["file_name", always("notSupported"), "notSupported", "Remove the dependency; PostgreSQL has no database files to query."],
  ["filegroup_id", always("notSupported"), "notSupported", "Use tablespaces (pg_tablespace)."],
  ["filegroup_name", always("notSupported"), "notSupported", "Use tablespaces (pg_tablespace)."],

  // Legacy and replication.
  ["textptr", always("notSupported"), "notSupported",
    "PostgreSQL has no text pointers; read and write text and bytea values whole, or with substring().",
    { complexity: "medium" }],
  ["textvalid", always("notSupported"), "notSupported", "PostgreSQL has no text pointers; remove the check.", { complexity: "medium" }],
  ["permissions", always("notSupported"), "notSupported", "Use has_table_privilege() and related functions.", { docs: [PG_INFO] }],
  ["is_objectsigned", always("notSupported"), "notSupported", "Remove the dependency; PostgreSQL does not sign modules."],
  ["publishingservername", always("notSupported"), "notSupported", "Remove the dependency; logical replication has no publishing server name."],
  ["fn_get_sql", always("notSupported"), "notSupported", "Query pg_stat_activity.query.", { docs: [postgresDocs("monitoring-stats", "The cumulative statistics system")] }],
];

export const METADATA_FUNCTION_FEATURES = family(
  "Built-in functions",
  functionEntries(ROWS, COMPASS_FEATURES),
);
