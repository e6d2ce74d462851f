/**
 * Server-level triggers (DDL triggers ON ALL SERVER and logon triggers):
 * name, whether enabled, and the events that fire them. Their code is
 * collected with the other modules from sys.server_sql_modules.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import { appendTo } from "./lists.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";

const TRIGGERS = defineQuery({
  id: "inventory.server-triggers",
  scope: "server",
  sql: `
SELECT
    t.object_id,
    t.name,
    t.type_desc,
    t.is_disabled,
    t.create_date,
    t.modify_date
FROM sys.server_triggers AS t
WHERE t.is_ms_shipped = 0
ORDER BY t.name;`,
  reads: ["sys.server_triggers"],
  permission: "VIEW ANY DEFINITION",
});

// A trigger created for an event group (FOR DDL_LOGIN_EVENTS) has a row
// per event of the group, with the group in event_group_type_desc
// (Microsoft Learn, sys.server_trigger_events). The item names the group.
const TRIGGER_EVENTS = defineQuery({
  id: "inventory.server-trigger-events",
  scope: "server",
  sql: `
SELECT
    e.object_id,
    e.type_desc,
    e.event_group_type_desc
FROM sys.server_trigger_events AS e
ORDER BY e.object_id, e.type_desc;`,
  reads: ["sys.server_trigger_events"],
  permission: "VIEW ANY DEFINITION",
});

export const serverTriggersPart: InventoryPart = {
  name: "server-triggers",
  title: "Server triggers",
  scope: "server",
  queries: [TRIGGERS, TRIGGER_EVENTS],

  async collect(reader): Promise<PartResult> {
    const triggers = await reader.all(TRIGGERS);

    const eventsOf = new Map<unknown, string[]>();
    for (const row of await reader.all(TRIGGER_EVENTS)) {
      const event = textOf(row, "event_group_type_desc") ?? requiredTextOf(row, "type_desc");
      const id = numberOf(row, "object_id");
      if (!(eventsOf.get(id) ?? []).includes(event)) {
        appendTo(eventsOf, id, event);
      }
    }

    const items = triggers.map(
      (row): InventoryItem => ({
        name: requiredTextOf(row, "name"),
        triggerType: textOf(row, "type_desc"),
        isDisabled: flagOf(row, "is_disabled"),
        events: eventsOf.get(numberOf(row, "object_id")) ?? [],
        createDate: dateOf(row, "create_date"),
        modifyDate: dateOf(row, "modify_date"),
      }),
    );
    return { items };
  },
};
