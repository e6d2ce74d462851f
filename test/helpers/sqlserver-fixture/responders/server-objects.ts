/**
 * Responders for the server-triggers, endpoints, credentials,
 * database-scoped-credentials and extended-events parts.
 */

import type { ResponderTable } from "../responder.js";
import {
  countWhere,
  databaseView,
  isOn,
  orderBy,
  resultTable,
  sameText,
  serverView,
  type ColumnSpec,
  type NamedRow,
} from "./result-table.js";

const TRIGGER_COLUMNS: readonly ColumnSpec[] = [
  ["object_id", "int"],
  ["name", "sysname"],
  ["type_desc", "nvarchar(60)"],
  ["is_disabled", "bit"],
  ["create_date", "datetime"],
  ["modify_date", "datetime"],
];

const ENDPOINT_COLUMNS: readonly ColumnSpec[] = [
  ["endpoint_id", "int"],
  ["name", "sysname"],
  ["type_desc", "nvarchar(60)"],
  ["protocol_desc", "nvarchar(60)"],
  ["state_desc", "nvarchar(60)"],
  ["is_admin_endpoint", "bit"],
  ["port", "int"],
  ["is_dynamic_port", "bit"],
  ["ip_address", "nvarchar(45)"],
  ["mirroring_role_desc", "nvarchar(60)"],
  ["connection_auth_desc", "nvarchar(60)"],
  ["encryption_algorithm_desc", "nvarchar(60)"],
  ["is_message_forwarding_enabled", "bit"],
];

const SESSION_COLUMNS: readonly ColumnSpec[] = [
  ["event_session_id", "int"],
  ["name", "sysname"],
  ["startup_state", "bit"],
  ["is_running", "bit"],
  ["event_count", "int"],
  ["event_retention_mode_desc", "sysname"],
];

/** Returns the kind that the CASE of IDENTITY_KIND_COLUMN gives; `=` there ignores case. */
function identityKind(identity: unknown): string {
  if (sameText(identity, "SHARED ACCESS SIGNATURE")) {
    return "shared access signature";
  }
  if (sameText(identity, "Managed Identity")) {
    return "managed identity";
  }
  if (sameText(identity, "S3 Access Key")) {
    return "s3 access key";
  }
  return "account";
}

function endpointRow(endpoint: NamedRow, views: (view: string) => readonly NamedRow[]): NamedRow {
  const byId = (view: string): NamedRow | undefined =>
    views(view).find((row) => row["endpoint_id"] === endpoint["endpoint_id"]);
  const tcp = byId("sys.tcp_endpoints");
  const mirroring = byId("sys.database_mirroring_endpoints");
  const broker = byId("sys.service_broker_endpoints");

  return {
    ...endpoint,
    port: tcp?.["port"] ?? null,
    is_dynamic_port: tcp?.["is_dynamic_port"] ?? null,
    ip_address: tcp?.["ip_address"] ?? null,
    mirroring_role_desc: mirroring?.["role_desc"] ?? null,
    connection_auth_desc: mirroring?.["connection_auth_desc"] ?? broker?.["connection_auth_desc"] ?? null,
    encryption_algorithm_desc:
      mirroring?.["encryption_algorithm_desc"] ?? broker?.["encryption_algorithm_desc"] ?? null,
    is_message_forwarding_enabled: broker?.["is_message_forwarding_enabled"] ?? null,
  };
}

export const SERVER_OBJECT_RESPONDERS: ResponderTable = {
  "inventory.server-triggers": ({ server }) => {
    const rows = serverView(server, "sys.server_triggers").filter((t) => !isOn(t["is_ms_shipped"]));
    return resultTable(TRIGGER_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.server-trigger-events": ({ server }) =>
    resultTable(
      [
        ["object_id", "int"],
        ["type_desc", "nvarchar(60)"],
        ["event_group_type_desc", "nvarchar(60)"],
      ],
      orderBy(serverView(server, "sys.server_trigger_events"), "object_id", "type_desc"),
    ),

  "inventory.endpoints": ({ server }) => {
    const views = (view: string): readonly NamedRow[] => serverView(server, view);
    const rows = serverView(server, "sys.endpoints").map((e) => endpointRow(e, views));
    return resultTable(ENDPOINT_COLUMNS, orderBy(rows, "endpoint_id"));
  },

  "inventory.credentials": ({ server }) => {
    const logins = serverView(server, "sys.server_principals");
    const rows = serverView(server, "sys.credentials").map((c) => ({
      ...c,
      identity_kind: identityKind(c["credential_identity"]),
      login_count: countWhere(logins, "credential_id", c["credential_id"]),
    }));
    return resultTable(
      [
        ["name", "sysname"],
        ["identity_kind", "nvarchar(23)"],
        ["target_type", "nvarchar(100)"],
        ["login_count", "int"],
        ["create_date", "datetime"],
        ["modify_date", "datetime"],
      ],
      orderBy(rows, "name"),
    );
  },

  "inventory.database-scoped-credentials": ({ database }) => {
    const rows = databaseView(database, "sys.database_scoped_credentials").map((c) => ({
      ...c,
      identity_kind: identityKind(c["credential_identity"]),
    }));
    return resultTable(
      [
        ["name", "sysname"],
        ["identity_kind", "nvarchar(23)"],
        ["create_date", "datetime"],
        ["modify_date", "datetime"],
      ],
      orderBy(rows, "name"),
    );
  },

  "inventory.xe-sessions": ({ server }) => {
    const running = serverView(server, "sys.dm_xe_sessions");
    const events = serverView(server, "sys.server_event_session_events");
    const rows = serverView(server, "sys.server_event_sessions").map((s) => ({
      ...s,
      is_running: running.some((x) => sameText(x["name"], s["name"])),
      event_count: countWhere(events, "event_session_id", s["event_session_id"]),
    }));
    return resultTable(SESSION_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.xe-session-targets": ({ server }) =>
    resultTable(
      [
        ["event_session_id", "int"],
        ["name", "sysname"],
      ],
      orderBy(serverView(server, "sys.server_event_session_targets"), "event_session_id", "name"),
    ),
};
