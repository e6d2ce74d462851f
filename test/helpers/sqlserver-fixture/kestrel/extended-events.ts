/**
 * Extended Events sessions of the Kestrel fixture server: system_health,
 * AlwaysOn_health and telemetry_xevents, which SQL Server creates and
 * runs, and the DBA team's kestrel_long_queries, defined but stopped.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

interface SessionSpec {
  readonly id: number;
  readonly name: string;
  readonly startup: boolean;
  readonly running: boolean;
  readonly events: readonly string[];
  readonly targets: readonly string[];
}

const SESSIONS: readonly SessionSpec[] = [
  {
    id: 65536,
    name: "system_health",
    startup: true,
    running: true,
    events: ["error_reported", "xml_deadlock_report", "wait_info", "sp_server_diagnostics_component_result"],
    targets: ["event_file", "ring_buffer"],
  },
  {
    id: 65537,
    name: "AlwaysOn_health",
    startup: true,
    running: true,
    events: ["availability_replica_state_change", "error_reported", "lock_redo_blocked"],
    targets: ["event_file"],
  },
  {
    id: 65538,
    name: "telemetry_xevents",
    startup: true,
    running: true,
    events: ["database_created", "error_reported"],
    targets: ["ring_buffer"],
  },
  {
    id: 65539,
    name: "kestrel_long_queries",
    startup: false,
    running: false,
    events: ["rpc_completed", "sql_batch_completed"],
    targets: ["event_file"],
  },
];

const sessions: ViewRows = SESSIONS.map((s) => ({
  event_session_id: s.id,
  name: s.name,
  event_retention_mode: "S",
  event_retention_mode_desc: "ALLOW_SINGLE_EVENT_LOSS",
  max_dispatch_latency: 30000,
  max_memory: 4096,
  max_event_size: 0,
  memory_partition_mode: "G",
  memory_partition_mode_desc: "NONE",
  track_causality: false,
  startup_state: s.startup,
}));

const sessionEvents: ViewRows = SESSIONS.flatMap((s) =>
  s.events.map((event, index) => ({
    event_session_id: s.id,
    event_id: index,
    name: event,
    package: "sqlserver",
    module: "4b2ee2a8-5c6f-4a55-8a4f-9a2b1c0d3e4f",
    predicate: null,
    predicate_xml: null,
  })),
);

const sessionTargets: ViewRows = SESSIONS.flatMap((s) =>
  s.targets.map((target, index) => ({
    event_session_id: s.id,
    target_id: 100 + index,
    name: target,
    package: "package0",
    module: "3a7c5b9e-1d2f-4e6a-8b0c-5d4e3f2a1b0c",
  })),
);

const runningSessions: ViewRows = SESSIONS.filter((s) => s.running).map((s) => ({
  address: Buffer.from(`0000020${s.id.toString(16)}00`, "hex"),
  name: s.name,
  pending_buffers: 0,
  total_regular_buffers: 3,
  create_time: new Date("2025-02-27T05:12:00Z"),
}));

export const EXTENDED_EVENTS: FixtureArea = {
  server: {
    "sys.server_event_sessions": sessions,
    "sys.server_event_session_events": sessionEvents,
    "sys.server_event_session_targets": sessionTargets,
    "sys.dm_xe_sessions": runningSessions,
  },
};
