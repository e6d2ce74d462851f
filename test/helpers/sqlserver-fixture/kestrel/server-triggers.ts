/**
 * Server triggers of the Kestrel fixture server: the logon trigger of
 * examples/kestrel-cold-chain/40-security.sql and a DDL trigger that logs
 * CREATE, ALTER and DROP DATABASE (created FOR DDL_DATABASE_EVENTS, so
 * each event of the group has a row with the group's name).
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

/** object_id of trg_KestrelLogonLimits, for its sys.server_sql_modules row. */
export const LOGON_TRIGGER_ID = 277576027;
/** object_id of trg_KestrelDatabaseDdlAudit. */
export const DDL_TRIGGER_ID = 309576141;

const triggers: ViewRows = [
  [LOGON_TRIGGER_ID, "trg_KestrelLogonLimits", "2024-03-12T13:40:00Z"],
  [DDL_TRIGGER_ID, "trg_KestrelDatabaseDdlAudit", "2024-05-06T07:55:00Z"],
].map(([id, name, created]) => ({
  name,
  object_id: id,
  parent_class: 100,
  parent_class_desc: "SERVER",
  parent_id: 0,
  type: "TR",
  type_desc: "SQL_TRIGGER",
  create_date: new Date(created!),
  modify_date: new Date(created!),
  is_ms_shipped: false,
  is_disabled: false,
}));

const DATABASE_EVENTS: readonly (readonly [number, string])[] = [
  [201, "CREATE_DATABASE"],
  [202, "ALTER_DATABASE"],
  [203, "DROP_DATABASE"],
];

const triggerEvents: ViewRows = [
  {
    object_id: LOGON_TRIGGER_ID,
    type: 213,
    type_desc: "LOGON",
    is_first: false,
    is_last: false,
    event_group_type: null,
    event_group_type_desc: null,
    is_trigger_event: true,
  },
  ...DATABASE_EVENTS.map(([type, name]) => ({
    object_id: DDL_TRIGGER_ID,
    type,
    type_desc: name,
    is_first: false,
    is_last: false,
    event_group_type: 10013,
    event_group_type_desc: "DDL_DATABASE_EVENTS",
    is_trigger_event: true,
  })),
];

export const SERVER_TRIGGERS: FixtureArea = {
  server: {
    "sys.server_triggers": triggers,
    "sys.server_trigger_events": triggerEvents,
  },
};
