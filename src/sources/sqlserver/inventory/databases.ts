/**
 * The databases part: every database of the server with its state and
 * options, read from master. The collector visits the databases listed
 * here, so each item has `name`, `state` and `isSystem`, and reading it
 * needs nothing beyond VIEW ANY DATABASE.
 */

import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";
import { columnSince, defineVersionedQueries, queryForVersion } from "./versioned.js";

// Columns after "sys.databases", Microsoft Learn: is_accelerated_database_recovery_on
// from SQL Server 2019, is_ledger_on from 2022. collation_name is NULL for
// a database that is not online. sys.change_tracking_databases has the
// same permission checks as sys.databases.
const DATABASES = defineVersionedQueries({
  id: "inventory.databases",
  scope: "server",
  versions: [13, 15, 16],
  reads: [
    "sys.databases",
    "sys.change_tracking_databases",
    "SUSER_SNAME",
    "HAS_DBACCESS",
    "DB_NAME",
  ],
  permission: "VIEW ANY DATABASE",
  sql: (version) => `
SELECT
    d.name,
    d.database_id,
    d.state_desc,
    d.user_access_desc,
    d.is_read_only,
    d.is_in_standby,
    HAS_DBACCESS(d.name) AS has_db_access,
    DB_NAME(d.source_database_id) AS source_database_name,
    d.recovery_model_desc,
    d.compatibility_level,
    d.collation_name,
    d.containment_desc,
    SUSER_SNAME(d.owner_sid) AS owner_name,
    d.create_date,
    d.is_encrypted,
    d.is_cdc_enabled,
    d.is_published,
    d.is_subscribed,
    d.is_merge_published,
    d.is_distributor,
    d.is_query_store_on,
    d.snapshot_isolation_state_desc,
    d.is_read_committed_snapshot_on,
    d.is_broker_enabled,
    d.is_trustworthy_on,
    d.is_db_chaining_on,
    d.is_auto_close_on,
    d.is_auto_shrink_on,
    d.is_parameterization_forced,
    d.page_verify_option_desc,
    d.delayed_durability_desc,
    CONVERT(bit, CASE WHEN d.replica_id IS NULL THEN 0 ELSE 1 END) AS is_availability_database,
    ${columnSince(version, 15, "d.is_accelerated_database_recovery_on", "bit")},
    ${columnSince(version, 16, "d.is_ledger_on", "bit")},
    ct.is_auto_cleanup_on AS change_tracking_auto_cleanup,
    ct.retention_period AS change_tracking_retention_period,
    ct.retention_period_units_desc AS change_tracking_retention_units
FROM sys.databases AS d
LEFT JOIN sys.change_tracking_databases AS ct
    ON ct.database_id = d.database_id
ORDER BY d.database_id;`,
});

// master, tempdb, model and msdb always have database ids 1 to 4.
const LAST_SYSTEM_DATABASE_ID = 4;

export const databasesPart: InventoryPart = {
  name: "databases",
  title: "Databases: state, recovery, compatibility, collation and options",
  scope: "server",
  queries: DATABASES,

  async collect(reader, context): Promise<PartResult> {
    const rows = await reader.all(queryForVersion(DATABASES, context.majorVersion));
    return { items: rows.map(databaseItem) };
  },
};

function databaseItem(row: Row): InventoryItem {
  const databaseId = numberOf(row, "database_id");
  const isDistributor = flagOf(row, "is_distributor") === true;
  const retention = numberOf(row, "change_tracking_retention_period");

  return {
    name: requiredTextOf(row, "name"),
    databaseId,
    // ONLINE, RESTORING, RECOVERING, RECOVERY_PENDING, SUSPECT, EMERGENCY, OFFLINE.
    state: requiredTextOf(row, "state_desc"),
    // The distribution database of replication counts as a system database.
    isSystem: (databaseId !== null && databaseId <= LAST_SYSTEM_DATABASE_ID) || isDistributor,
    // HAS_DBACCESS: whether the login can open the database now.
    hasAccess: flagOf(row, "has_db_access"),
    userAccess: textOf(row, "user_access_desc"),
    isReadOnly: flagOf(row, "is_read_only"),
    isInStandby: flagOf(row, "is_in_standby"),
    // Set for a database snapshot: the database it is a snapshot of.
    snapshotOf: textOf(row, "source_database_name"),
    recoveryModel: textOf(row, "recovery_model_desc"),
    compatibilityLevel: numberOf(row, "compatibility_level"),
    collation: textOf(row, "collation_name"),
    containment: textOf(row, "containment_desc"),
    // NULL when the owner's SID matches no login, as after a restore elsewhere.
    owner: textOf(row, "owner_name"),
    createdAt: dateOf(row, "create_date"),
    isEncrypted: flagOf(row, "is_encrypted"),
    isCdcEnabled: flagOf(row, "is_cdc_enabled"),
    replication: {
      isPublished: flagOf(row, "is_published"),
      isSubscribed: flagOf(row, "is_subscribed"),
      isMergePublished: flagOf(row, "is_merge_published"),
      isDistributor,
    },
    changeTracking:
      retention === null
        ? null
        : {
            autoCleanup: flagOf(row, "change_tracking_auto_cleanup"),
            retentionPeriod: retention,
            retentionUnits: textOf(row, "change_tracking_retention_units"),
          },
    isQueryStoreOn: flagOf(row, "is_query_store_on"),
    snapshotIsolation: textOf(row, "snapshot_isolation_state_desc"),
    isReadCommittedSnapshotOn: flagOf(row, "is_read_committed_snapshot_on"),
    isBrokerEnabled: flagOf(row, "is_broker_enabled"),
    isTrustworthyOn: flagOf(row, "is_trustworthy_on"),
    isDbChainingOn: flagOf(row, "is_db_chaining_on"),
    isAutoCloseOn: flagOf(row, "is_auto_close_on"),
    isAutoShrinkOn: flagOf(row, "is_auto_shrink_on"),
    isParameterizationForced: flagOf(row, "is_parameterization_forced"),
    pageVerify: textOf(row, "page_verify_option_desc"),
    delayedDurability: textOf(row, "delayed_durability_desc"),
    isAvailabilityDatabase: flagOf(row, "is_availability_database"),
    // NULL on versions without these options.
    isAcceleratedDatabaseRecoveryOn: flagOf(row, "is_accelerated_database_recovery_on"),
    isLedgerOn: flagOf(row, "is_ledger_on"),
  };
}
