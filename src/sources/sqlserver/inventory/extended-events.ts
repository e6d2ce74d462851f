/**
 * Extended Events sessions defined on the server, system ones
 * (system_health, AlwaysOn_health) included: whether each starts with
 * the server and is running now, how many events it captures and which
 * targets it writes to.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import { appendTo } from "./lists.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

// A session is running when sys.dm_xe_sessions has a row of its name
// (Microsoft Learn, sys.dm_xe_sessions). VIEW SERVER STATE covers the
// catalog views and the DMV on SQL Server 2016-2022; 2022 also accepts the
// narrower VIEW SERVER PERFORMANCE STATE.
const SESSIONS = defineQuery({
  id: "inventory.xe-sessions",
  scope: "server",
  sql: `
SELECT
    s.event_session_id,
    s.name,
    s.startup_state,
    CAST(CASE WHEN EXISTS (
        SELECT 1 FROM sys.dm_xe_sessions AS x WHERE x.name = s.name
    ) THEN 1 ELSE 0 END AS bit) AS is_running,
    (SELECT COUNT(*) FROM sys.server_event_session_events AS e
     WHERE e.event_session_id = s.event_session_id) AS event_count,
    s.event_retention_mode_desc
FROM sys.server_event_sessions AS s
ORDER BY s.name;`,
  reads: ["sys.server_event_sessions", "sys.dm_xe_sessions", "sys.server_event_session_events"],
  permission: "VIEW SERVER STATE",
});

const SESSION_TARGETS = defineQuery({
  id: "inventory.xe-session-targets",
  scope: "server",
  sql: `
SELECT
    t.event_session_id,
    t.name
FROM sys.server_event_session_targets AS t
ORDER BY t.event_session_id, t.name;`,
  reads: ["sys.server_event_session_targets"],
  permission: "VIEW SERVER STATE",
});

export const extendedEventsPart: InventoryPart = {
  name: "extended-events",
  title: "Extended Events sessions",
  scope: "server",
  queries: [SESSIONS, SESSION_TARGETS],

  async collect(reader): Promise<PartResult> {
    const sessions = await reader.all(SESSIONS);
    const targetsOf = new Map<unknown, string[]>();
    for (const row of await reader.all(SESSION_TARGETS)) {
      appendTo(targetsOf, numberOf(row, "event_session_id"), requiredTextOf(row, "name"));
    }

    const items = sessions.map(
      (row): InventoryItem => ({
        name: requiredTextOf(row, "name"),
        startsWithServer: flagOf(row, "startup_state"),
        isRunning: flagOf(row, "is_running"),
        events: countOf(row, "event_count"),
        targets: targetsOf.get(numberOf(row, "event_session_id")) ?? [],
        retentionMode: textOf(row, "event_retention_mode_desc"),
      }),
    );
    return { items };
  },
};
