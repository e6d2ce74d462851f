/**
 * The replication part: the rows of sys.servers that mark this server, or
 * a server it knows, as a replication Publisher, Subscriber or
 * Distributor. The databases part has the per-database flags
 * (is_published, is_merge_published, is_subscribed, is_distributor) and
 * the tables part the replicated tables.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

// Configuring a Distributor adds the row 'repl_distributor' with
// is_distributor = 1, its data_source naming the Distributor; Microsoft
// Learn's "Distributor and Publisher Information Script" tests exactly
// that. Publishers and Subscribers are marked by is_publisher and
// is_subscriber ("sys.servers", Microsoft Learn, SQL Server 2016-2022).
const REPLICATION_SERVERS = defineQuery({
  id: "inventory.replication-servers",
  scope: "server",
  sql: `
SELECT
    s.server_id,
    s.name,
    s.data_source,
    s.is_publisher,
    s.is_subscriber,
    s.is_distributor,
    s.is_nonsql_subscriber
FROM sys.servers AS s
WHERE s.is_publisher = 1
    OR s.is_subscriber = 1
    OR s.is_distributor = 1
    OR s.is_nonsql_subscriber = 1
ORDER BY s.server_id;`,
  reads: ["sys.servers"],
  permission: "VIEW ANY DEFINITION",
});

export const replicationPart: InventoryPart = {
  name: "replication",
  title: "Replication roles: Publisher, Subscriber and Distributor servers",
  scope: "server",
  queries: [REPLICATION_SERVERS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(REPLICATION_SERVERS);
    return { items: rows.map(replicationItem) };
  },
};

function replicationItem(row: Row): InventoryItem {
  return {
    name: requiredTextOf(row, "name"),
    // server_id 0 is the local server.
    isLocal: numberOf(row, "server_id") === 0,
    dataSource: textOf(row, "data_source"),
    isPublisher: flagOf(row, "is_publisher"),
    isSubscriber: flagOf(row, "is_subscriber"),
    isDistributor: flagOf(row, "is_distributor"),
    isNonSqlSubscriber: flagOf(row, "is_nonsql_subscriber"),
  };
}
