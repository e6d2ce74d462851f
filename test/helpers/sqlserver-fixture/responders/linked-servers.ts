/** Responders for the linked-servers part, over sys.servers and sys.linked_logins. */

import type { ResponderTable } from "../responder.js";
import { countGroups, isOn, orderBy, resultTable, serverView, type ColumnSpec } from "./result-table.js";

const SERVER_COLUMNS: readonly ColumnSpec[] = [
  ["server_id", "int"],
  ["name", "sysname"],
  ["product", "sysname"],
  ["provider", "sysname"],
  ["data_source", "nvarchar(4000)"],
  ["catalog", "sysname"],
  ["is_rpc_out_enabled", "bit"],
  ["is_data_access_enabled", "bit"],
  ["is_remote_proc_transaction_promotion_enabled", "bit"],
  ["modify_date", "datetime"],
];

const MAPPING_COLUMNS: readonly ColumnSpec[] = [
  ["server_id", "int"],
  ["mapping_count", "int"],
  ["default_mapping_count", "int"],
  ["self_mapping_count", "int"],
  ["remote_login_count", "int"],
];

export const LINKED_SERVER_RESPONDERS: ResponderTable = {
  "inventory.linked-servers": ({ server }) => {
    const linked = serverView(server, "sys.servers").filter((s) => isOn(s["is_linked"]));
    return resultTable(SERVER_COLUMNS, orderBy(linked, "name"));
  },

  "inventory.linked-server-logins": ({ server }) => {
    const logins = serverView(server, "sys.linked_logins");
    const rows = countGroups(logins, ["server_id"], "mapping_count").map((group) => {
      const mine = logins.filter((l) => l["server_id"] === group["server_id"]);
      return {
        ...group,
        default_mapping_count: mine.filter((l) => l["local_principal_id"] === 0).length,
        self_mapping_count: mine.filter((l) => isOn(l["uses_self_credential"])).length,
        remote_login_count: mine.filter((l) => l["remote_name"] !== null).length,
      };
    });
    return resultTable(MAPPING_COLUMNS, orderBy(rows, "server_id"));
  },
};
