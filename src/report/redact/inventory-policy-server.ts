/**
 * Field policy of the server-scope inventory parts (SERVER_PARTS in
 * src/sources/sqlserver/inventory/index.ts) and of the collector's own
 * `permissions` part. Every field each part writes is listed. A field
 * missing here is redacted by the fallback, which keeps only numbers,
 * flags, dates and a few common values.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import { DATABASE_RULE, type FieldRules, type PartPolicy } from "./inventory-rules.js";

const KEEP = "keep";

function keepAll(...fields: string[]): FieldRules {
  return Object.fromEntries(fields.map((field) => [field, KEEP]));
}

/** Returns the kind `role` when the item or grantee is a role, else `login`. */
function serverPrincipalKind(field: string) {
  return (item: InventoryItem) => {
    const value = String(item[field] ?? "").toUpperCase();
    return value.includes("ROLE") ? ("role" as const) : ("login" as const);
  };
}

export const SERVER_PART_POLICIES: Readonly<Record<string, PartPolicy>> = {
  server: {
    fields: {
      name: { name: "server" },
      machineName: { name: "host" },
      instanceName: { name: "instance" },
      ...keepAll(
        "productVersion",
        "majorVersion",
        "productLevel",
        "productUpdateLevel",
        "edition",
        "engineEdition",
        "engineEditionName",
        "collation",
        "isClustered",
        "isHadrEnabled",
        "isFullTextInstalled",
        "isIntegratedSecurityOnly",
        "isXtpSupported",
        "isPolyBaseInstalled",
        "filestreamLevel",
        "filestreamLevelName",
      ),
    },
  },

  host: {
    fields: keepAll(
      "cpuCount",
      "hyperthreadRatio",
      "socketCount",
      "coresPerSocket",
      "numaNodeCount",
      "physicalMemoryMb",
      "availableMemoryMb",
      "committedTargetMb",
      "memoryState",
      "memoryModel",
      "virtualMachineType",
      "startedAt",
      "platform",
      "distribution",
      "release",
      "servicePackLevel",
      "sku",
      "osLanguageVersion",
    ),
  },

  // Option names are SQL Server's (sys.configurations); `reason` is infio's.
  configuration: {
    fields: keepAll(
      "name",
      "value",
      "valueInUse",
      "minimum",
      "maximum",
      "isDynamic",
      "isAdvanced",
      "valueInUseDiffers",
      "defaultValue",
      "isDefault",
      "flagged",
      "reason",
    ),
  },

  databases: {
    fields: {
      name: { name: "database" },
      snapshotOf: { name: "database" },
      owner: { name: "login" },
      replication: {
        object: keepAll("isPublished", "isSubscribed", "isMergePublished", "isDistributor"),
      },
      changeTracking: { object: keepAll("autoCleanup", "retentionPeriod", "retentionUnits") },
      ...keepAll(
        "databaseId",
        "state",
        "isSystem",
        "hasAccess",
        "userAccess",
        "isReadOnly",
        "isInStandby",
        "recoveryModel",
        "compatibilityLevel",
        "collation",
        "containment",
        "createdAt",
        "isEncrypted",
        "isCdcEnabled",
        "isQueryStoreOn",
        "snapshotIsolation",
        "isReadCommittedSnapshotOn",
        "isBrokerEnabled",
        "isTrustworthyOn",
        "isDbChainingOn",
        "isAutoCloseOn",
        "isAutoShrinkOn",
        "isParameterizationForced",
        "pageVerify",
        "delayedDurability",
        "isAvailabilityDatabase",
        "isAcceleratedDatabaseRecoveryOn",
        "isLedgerOn",
      ),
    },
  },

  "database-files": {
    fields: {
      database: DATABASE_RULE,
      name: { name: "datafile" },
      growth: { object: keepAll("percent", "mb") },
      ...keepAll(
        "fileId",
        "type",
        "dataSpaceId",
        "state",
        "sizeMb",
        "maxSizeMb",
        "isUnlimited",
        "isReadOnly",
      ),
    },
  },

  tde: {
    fields: {
      database: DATABASE_RULE,
      ...keepAll("encryptionState", "keyAlgorithm", "keyLength", "encryptor", "percentComplete"),
    },
  },

  "availability-groups": {
    fields: {
      name: { name: "group" },
      databases: { name: "database" },
      listeners: { list: { dnsName: { name: "host" }, port: KEEP } },
      replicas: {
        list: {
          server: { name: "server" },
          ...keepAll(
            "availabilityMode",
            "failoverMode",
            "seedingMode",
            "primaryRoleConnections",
            "secondaryRoleConnections",
            "role",
            "operationalState",
            "connectedState",
            "synchronizationHealth",
          ),
        },
      },
      ...keepAll(
        "clusterType",
        "automatedBackupPreference",
        "failureConditionLevel",
        "healthCheckTimeoutMs",
        "isBasic",
        "dtcSupport",
        "databaseLevelHealthDetection",
        "isDistributed",
        "requiredSynchronizedSecondariesToCommit",
        "isContained",
      ),
    },
  },

  "cluster-nodes": {
    fields: {
      name: { name: "host" },
      cluster: { name: "cluster" },
      ...keepAll("source", "quorumType", "memberType", "state", "quorumVotes", "isCurrentOwner"),
    },
  },

  "log-shipping": {
    fields: { database: DATABASE_RULE, ...keepAll("role", "lastOperationAt") },
  },

  "backup-history": {
    fields: { database: DATABASE_RULE, ...keepAll("full", "differential", "log") },
  },

  logins: {
    fields: {
      name: { name: serverPrincipalKind("type") },
      serverRoles: { name: "role" },
      members: { name: "login" },
      defaultDatabase: { name: "database" },
      credential: { name: "credential" },
      ...keepAll(
        "type",
        "principalType",
        "isDisabled",
        "isSysadmin",
        "defaultLanguage",
        "passwordPolicyChecked",
        "passwordExpirationChecked",
        "createDate",
        "modifyDate",
      ),
    },
  },

  "server-permissions": {
    fields: {
      grantee: { name: serverPrincipalKind("granteeType") },
      ...keepAll("granteeType", "permission", "state", "class", "count"),
    },
  },

  agent: {
    variants: {
      job: {
        name: { name: "job" },
        owner: { name: "login" },
        category: { name: "category" },
        schedules: "schedules",
        description: "text",
        ...keepAll("type", "enabled", "steps", "createDate", "modifyDate"),
      },
      // `onSuccess` and `onFailure` are infio's words ("go to step 3").
      "job-step": {
        name: { name: "step" },
        job: { name: "job" },
        runsInDatabase: { name: "database" },
        command: "code",
        ...keepAll(
          "type",
          "stepId",
          "subsystem",
          "commandLength",
          "onSuccess",
          "onFailure",
          "retryAttempts",
          "usesProxy",
        ),
      },
      summary: keepAll("type", "operators", "alerts", "enabledAlerts"),
    },
  },

  "linked-servers": {
    fields: {
      name: { name: "server" },
      product: "value",
      dataSource: { name: "server" },
      catalog: { name: "database" },
      ...keepAll(
        "provider",
        "rpcOut",
        "dataAccess",
        "remoteProcTransactionPromotion",
        "loginMappings",
        "defaultMappings",
        "selfMappings",
        "remoteLoginMappings",
        "modifyDate",
      ),
    },
  },

  "database-mail": {
    variants: {
      profile: {
        name: { name: "profile" },
        description: "text",
        ...keepAll("type", "access", "accounts"),
      },
      account: {
        name: { name: "account" },
        emailAddress: { name: "email" },
        displayName: "text",
        server: { name: "host" },
        ...keepAll("type", "serverType", "port", "ssl", "authentication"),
      },
    },
  },

  // `events` are event types such as DDL_LOGIN_EVENTS.
  "server-triggers": {
    fields: {
      name: { name: "trigger" },
      ...keepAll("triggerType", "isDisabled", "events", "createDate", "modifyDate"),
    },
  },

  endpoints: {
    fields: {
      name: { name: "endpoint" },
      ipAddress: { name: "address" },
      ...keepAll(
        "endpointType",
        "protocol",
        "state",
        "port",
        "dynamicPort",
        "mirroringRole",
        "authentication",
        "encryption",
        "messageForwarding",
        "isAdminEndpoint",
      ),
    },
  },

  credentials: {
    fields: {
      name: { name: "credential" },
      ...keepAll("identityKind", "targetType", "logins", "createDate", "modifyDate"),
    },
  },

  "extended-events": {
    fields: {
      name: { name: "session" },
      targets: "value",
      ...keepAll("startsWithServer", "isRunning", "events", "retentionMode"),
    },
  },

  // Written by the permission check (src/sources/sqlserver/permissions/report.ts):
  // permission names and fixed roles, and the parts they leave incomplete.
  permissions: {
    fields: {
      database: DATABASE_RULE,
      login: { name: "login" },
      serverRoles: { name: "role" },
      roles: { name: "role" },
      databases: {
        list: { database: DATABASE_RULE, roles: { name: "role" }, permissions: KEEP },
      },
      ...keepAll("scope", "sysadmin", "permissions", "missing", "incompleteParts", "writeAccess"),
    },
  },
  // A service's name carries the instance name, e.g. `SQL Server (SALES)`.
  services: {
    fields: {
      name: { name: "instance" },
      ...keepAll("kind", "startupType", "status", "processId", "lastStartupAt", "isClustered"),
    },
  },

  "instance-features": {
    fields: keepAll("isAdvancedAnalyticsInstalled", "filestreamConfiguredLevel", "isTempDbMetadataMemoryOptimized"),
  },

  // repl_distributor is the name SQL Server gives the Distributor's entry.
  replication: {
    fields: {
      name: { name: "server", except: ["repl_distributor"] },
      dataSource: { name: "server" },
      ...keepAll("isLocal", "isPublisher", "isSubscriber", "isDistributor", "isNonSqlSubscriber"),
    },
  },

  "integration-services": {
    fields: keepAll("packageType", "createdBy", "packages", "dataCollectorPackages"),
  },
};
