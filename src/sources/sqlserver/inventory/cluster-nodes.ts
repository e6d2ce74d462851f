/**
 * The cluster-nodes part: the nodes of a failover cluster instance, and
 * the members of the Windows Server Failover Cluster that availability
 * groups run on. Both views are empty on a server outside a cluster.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

// Rows only on a failover cluster instance ("sys.dm_os_cluster_nodes",
// Microsoft Learn).
const INSTANCE_NODES = defineQuery({
  id: "inventory.cluster-instance-nodes",
  scope: "server",
  sql: `
SELECT
    n.NodeName,
    n.status_description,
    n.is_current_owner
FROM sys.dm_os_cluster_nodes AS n
ORDER BY n.NodeName;`,
  reads: ["sys.dm_os_cluster_nodes"],
  permission: "VIEW SERVER STATE",
});

// Rows only when the instance runs availability groups on a WSFC cluster.
const CLUSTER_MEMBERS = defineQuery({
  id: "inventory.cluster-members",
  scope: "server",
  sql: `
SELECT
    c.cluster_name,
    c.quorum_type_desc,
    m.member_name,
    m.member_type_desc,
    m.member_state_desc,
    m.number_of_quorum_votes
FROM sys.dm_hadr_cluster_members AS m
CROSS JOIN sys.dm_hadr_cluster AS c
ORDER BY m.member_name;`,
  reads: ["sys.dm_hadr_cluster_members", "sys.dm_hadr_cluster"],
  permission: "VIEW SERVER STATE",
});

export const clusterNodesPart: InventoryPart = {
  name: "cluster-nodes",
  title: "Failover cluster nodes and members",
  scope: "server",
  queries: [INSTANCE_NODES, CLUSTER_MEMBERS],

  async collect(reader): Promise<PartResult> {
    const items: InventoryItem[] = [];

    for (const row of await reader.all(INSTANCE_NODES)) {
      items.push({
        name: requiredTextOf(row, "NodeName"),
        source: "failover-cluster-instance",
        cluster: null,
        quorumType: null,
        memberType: "CLUSTER_NODE",
        state: textOf(row, "status_description"),
        quorumVotes: null,
        isCurrentOwner: flagOf(row, "is_current_owner"),
      });
    }

    for (const row of await reader.all(CLUSTER_MEMBERS)) {
      items.push({
        name: requiredTextOf(row, "member_name"),
        source: "availability-group-cluster",
        cluster: textOf(row, "cluster_name"),
        quorumType: textOf(row, "quorum_type_desc"),
        // CLUSTER_NODE, DISK_WITNESS, FILE_SHARE_WITNESS or CLOUD_WITNESS.
        memberType: textOf(row, "member_type_desc"),
        state: textOf(row, "member_state_desc"),
        quorumVotes: numberOf(row, "number_of_quorum_votes"),
        isCurrentOwner: null,
      });
    }

    return { items };
  },
};
