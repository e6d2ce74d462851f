/**
 * A fixed live-server source for the report tests. It has a registry of
 * parts of both scopes and inventory with hostile database names and
 * values. It also has a part the registry lacks, an empty part, a part with
 * no entry, and problems of every kind the collector records.
 */

import type { Assessment, LiveSource } from "../../src/assessment/model.js";
import type { InventoryPartInfo } from "../../src/report/html/inventory-plan.js";
import { HOSTILE_FORMULA_NAME, HOSTILE_HTML_NAME, sampleAssessment } from "./sample-assessment.js";

export const HOSTILE_DATABASE = HOSTILE_HTML_NAME;
export const HOSTILE_VALUE = HOSTILE_FORMULA_NAME;
export const SERVER_ADDRESS = "kestrel-sql01.corp.example,1433";

/**
 * The registry the tests render with, so that the snapshots do not change
 * when parts are added to infio's own registry.
 */
export const SAMPLE_PARTS: readonly InventoryPartInfo[] = [
  {
    name: "configuration",
    title: "Configuration options",
    scope: "server",
    queryIds: ["inventory.configurations"],
  },
  {
    name: "databases",
    title: "Databases",
    scope: "server",
    queryIds: ["inventory.databases"],
  },
  {
    name: "logins",
    title: "Logins",
    scope: "server",
    queryIds: ["inventory.server-principals"],
  },
  {
    name: "linked-servers",
    title: "Linked servers",
    scope: "server",
    queryIds: ["inventory.linked-servers"],
  },
  {
    name: "tables",
    title: "Tables",
    scope: "database",
    queryIds: ["inventory.tables"],
  },
  {
    name: "users",
    title: "Database users",
    scope: "database",
    queryIds: ["inventory.database-users"],
  },
  {
    name: "service-broker",
    title: "Service Broker",
    scope: "database",
    queryIds: ["inventory.service-queues"],
  },
];

const LONG_DESCRIPTION = `${"Cold-chain readings per pallet and sensor; ".repeat(8)}end`;

/** Returns the sample live source; every call returns equal data. */
export function sampleLive(): LiveSource {
  return {
    server: {
      address: SERVER_ADDRESS,
      name: "KESTREL-SQL01",
      version: "16.0.4135.4",
      edition: "Enterprise Edition (64-bit)",
      collectedAt: "2024-05-01T09:29:00.000Z",
      tlsVerificationDisabled: false,
    },
    inventory: {
      // A part the registry lacks, as an older or newer bundle may carry;
      // it comes first here and must still be listed after the registry's.
      "legacy-widgets": [
        { database: "KestrelColdChain", widget: "gauge", "<b>field</b>": 1 },
      ],
      configuration: [
        { name: "max degree of parallelism", value: 8, value_in_use: 8, is_advanced: true },
        { name: "clr enabled", value: 0, value_in_use: 0, is_advanced: false },
        { name: "xp_cmdshell", value: 0, value_in_use: null, is_advanced: true },
      ],
      databases: [
        { database: "master", compatibility_level: 160, recovery_model: "SIMPLE", is_tde: false },
        {
          database: "KestrelColdChain",
          compatibility_level: 150,
          recovery_model: "FULL",
          is_tde: true,
          files: [{ name: "KestrelColdChain", size_mb: 2048 }],
        },
        { database: "Archive", compatibility_level: 130, recovery_model: "FULL", state: "OFFLINE" },
        { database: HOSTILE_DATABASE, compatibility_level: 160, recovery_model: "SIMPLE", is_tde: false },
      ],
      "linked-servers": [],
      tables: [
        {
          database: "KestrelColdChain",
          schema: "dbo",
          name: "Pallet",
          rows: 125000,
          is_memory_optimized: false,
          temporal_type: null,
        },
        {
          database: "KestrelColdChain",
          schema: "dbo",
          name: "SensorReading",
          rows: 98000000,
          is_memory_optimized: false,
          temporal_type: "SYSTEM_VERSIONED_TEMPORAL_TABLE",
          description: LONG_DESCRIPTION,
        },
        {
          database: "KestrelColdChain",
          schema: "ops",
          name: "Shipment",
          rows: 4200,
          is_memory_optimized: true,
          temporal_type: null,
        },
        {
          database: HOSTILE_DATABASE,
          schema: "dbo",
          name: HOSTILE_VALUE,
          rows: 0,
          is_memory_optimized: false,
          temporal_type: null,
        },
      ],
      users: [
        { database: "KestrelColdChain", name: "app_reader", type: "SQL_USER", roles: ["db_datareader"] },
        { database: "KestrelColdChain", name: "etl", type: "WINDOWS_USER", roles: [] },
      ],
    },
    problems: [
      {
        part: "logins",
        reason: "permission-denied",
        message:
          "cannot read the logins of server 'KESTREL-SQL01': permission denied on " +
          "sys.server_principals (error 229); grant VIEW ANY DEFINITION to the login",
      },
      {
        part: "database",
        database: "Archive",
        reason: "database-unavailable",
        message:
          "cannot read database 'Archive' on server 'KESTREL-SQL01': it is OFFLINE " +
          "(error 4060); bring it online or leave it out with --database",
      },
      {
        part: "inventory.database-users",
        database: HOSTILE_DATABASE,
        reason: "timeout",
        message: `reading the users of database '${HOSTILE_DATABASE}' timed out after 30 s`,
      },
      {
        part: "modules",
        database: "KestrelColdChain",
        reason: "encrypted",
        message:
          "cannot read KestrelColdChain.dbo.usp_seal: created WITH ENCRYPTION, so " +
          "its definition is not readable",
      },
    ],
  };
}

/** Returns the sample assessment as if it had been read from the sample server. */
export function liveAssessment(change: Partial<LiveSource> = {}): Assessment {
  return {
    ...sampleAssessment(),
    sources: [SERVER_ADDRESS],
    live: { ...sampleLive(), ...change },
  };
}
