/**
 * Linked servers: what each one points at (provider, product, data
 * source, catalog), its RPC and data access options, and how local logins
 * are mapped to remote ones, as counts. provider_string is never read,
 * because it may contain a user name and password, and linked login
 * passwords are not exposed by any catalog view.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";

const LINKED_SERVERS = defineQuery({
  id: "inventory.linked-servers",
  scope: "server",
  sql: `
SELECT
    s.server_id,
    s.name,
    s.product,
    s.provider,
    s.data_source,
    s.catalog,
    s.is_rpc_out_enabled,
    s.is_data_access_enabled,
    s.is_remote_proc_transaction_promotion_enabled,
    s.modify_date
FROM sys.servers AS s
WHERE s.is_linked = 1
ORDER BY s.name;`,
  reads: ["sys.servers"],
  permission: "VIEW ANY DEFINITION",
});

// local_principal_id 0 is the mapping for every login without its own
// (Microsoft Learn, sys.linked_logins). remote_name is only tested for
// presence, because it names an account on the other server.
const LINKED_LOGINS = defineQuery({
  id: "inventory.linked-server-logins",
  scope: "server",
  sql: `
SELECT
    ll.server_id,
    COUNT(*) AS mapping_count,
    SUM(CASE WHEN ll.local_principal_id = 0 THEN 1 ELSE 0 END) AS default_mapping_count,
    SUM(CASE WHEN ll.uses_self_credential = 1 THEN 1 ELSE 0 END) AS self_mapping_count,
    SUM(CASE WHEN ll.remote_name IS NOT NULL THEN 1 ELSE 0 END) AS remote_login_count
FROM sys.linked_logins AS ll
GROUP BY ll.server_id
ORDER BY ll.server_id;`,
  reads: ["sys.linked_logins"],
  permission: "VIEW ANY DEFINITION",
});

export const linkedServersPart: InventoryPart = {
  name: "linked-servers",
  title: "Linked servers and their login mappings",
  scope: "server",
  queries: [LINKED_SERVERS, LINKED_LOGINS],

  async collect(reader): Promise<PartResult> {
    const servers = await reader.all(LINKED_SERVERS);
    const mappings = new Map<unknown, Row>();
    for (const row of await reader.all(LINKED_LOGINS)) {
      mappings.set(numberOf(row, "server_id"), row);
    }

    const items = servers.map((row) => linkedServerItem(row, mappings.get(numberOf(row, "server_id"))));
    return { items };
  },
};

function linkedServerItem(row: Row, mapping: Row | undefined): InventoryItem {
  const count = (column: string): number => (mapping === undefined ? 0 : countOf(mapping, column));

  return {
    name: requiredTextOf(row, "name"),
    provider: textOf(row, "provider"),
    product: textOf(row, "product"),
    dataSource: textOf(row, "data_source"),
    catalog: textOf(row, "catalog"),
    rpcOut: flagOf(row, "is_rpc_out_enabled"),
    dataAccess: flagOf(row, "is_data_access_enabled"),
    remoteProcTransactionPromotion: flagOf(row, "is_remote_proc_transaction_promotion_enabled"),
    loginMappings: count("mapping_count"),
    defaultMappings: count("default_mapping_count"),
    selfMappings: count("self_mapping_count"),
    remoteLoginMappings: count("remote_login_count"),
    modifyDate: dateOf(row, "modify_date"),
  };
}
