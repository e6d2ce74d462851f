/** Responders for the service-broker part, over the Service Broker catalog views. */

import type { ResponderTable } from "../responder.js";
import {
  countWhere,
  databaseView,
  isOn,
  orderBy,
  resultTable,
  sameText,
  schemaNameOf,
  type ColumnSpec,
  type NamedRow,
} from "./result-table.js";

const QUEUE_COLUMNS: readonly ColumnSpec[] = [
  ["schema_name", "sysname"],
  ["name", "sysname"],
  ["is_receive_enabled", "bit"],
  ["is_enqueue_enabled", "bit"],
  ["is_activation_enabled", "bit"],
  ["activation_procedure", "nvarchar(776)"],
  ["max_readers", "smallint"],
  ["is_retention_enabled", "bit"],
  ["is_poison_message_handling_enabled", "bit"],
];

const SERVICE_COLUMNS: readonly ColumnSpec[] = [
  ["name", "sysname"],
  ["queue_schema_name", "sysname"],
  ["queue_name", "sysname"],
  ["contract_count", "int"],
];

const SYSTEM_PREFIX = "http://schemas.microsoft.com/sql/";

/** Neither DEFAULT nor named under http://schemas.microsoft.com/SQL/. */
function isUserDefined(row: NamedRow): boolean {
  const name = String(row["name"]);
  return !sameText(name, "DEFAULT") && !name.toLowerCase().startsWith(SYSTEM_PREFIX);
}

export const SERVICE_BROKER_RESPONDERS: ResponderTable = {
  "inventory.broker-queues": ({ database }) => {
    const rows = databaseView(database, "sys.service_queues")
      .filter((q) => !isOn(q["is_ms_shipped"]))
      .map((q) => ({ ...q, schema_name: schemaNameOf(database, q["schema_id"]) }));
    return resultTable(QUEUE_COLUMNS, orderBy(rows, "schema_name", "name"));
  },

  "inventory.broker-services": ({ database }) => {
    const queues = databaseView(database, "sys.service_queues");
    const usages = databaseView(database, "sys.service_contract_usages");
    const rows: NamedRow[] = [];
    for (const service of databaseView(database, "sys.services")) {
      const queue = queues.find((q) => q["object_id"] === service["service_queue_id"]);
      if (queue === undefined || isOn(queue["is_ms_shipped"])) {
        continue;
      }
      rows.push({
        name: service["name"],
        queue_schema_name: schemaNameOf(database, queue["schema_id"]),
        queue_name: queue["name"],
        contract_count: countWhere(usages, "service_id", service["service_id"]),
      });
    }
    return resultTable(SERVICE_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.broker-contracts": ({ database }) => {
    const usages = databaseView(database, "sys.service_contract_message_usages");
    const rows = databaseView(database, "sys.service_contracts")
      .filter(isUserDefined)
      .map((c) => ({
        name: c["name"],
        message_type_count: countWhere(usages, "service_contract_id", c["service_contract_id"]),
      }));
    return resultTable(
      [
        ["name", "sysname"],
        ["message_type_count", "int"],
      ],
      orderBy(rows, "name"),
    );
  },

  "inventory.broker-message-types": ({ database }) => {
    const rows = databaseView(database, "sys.service_message_types").filter(isUserDefined);
    return resultTable(
      [
        ["name", "sysname"],
        ["validation_desc", "nvarchar(60)"],
      ],
      orderBy(rows, "name"),
    );
  },

  "inventory.broker-routes": ({ database }) => {
    const rows = databaseView(database, "sys.routes").filter((r) => !sameText(r["name"], "AutoCreatedLocal"));
    return resultTable(
      [
        ["name", "sysname"],
        ["remote_service_name", "nvarchar(256)"],
        ["address", "nvarchar(256)"],
        ["mirror_address", "nvarchar(256)"],
      ],
      orderBy(rows, "name"),
    );
  },

  "inventory.broker-remote-service-bindings": ({ database }) =>
    resultTable(
      [
        ["name", "sysname"],
        ["remote_service_name", "nvarchar(256)"],
        ["is_anonymous_on", "bit"],
      ],
      orderBy(databaseView(database, "sys.remote_service_bindings"), "name"),
    ),
};
