/**
 * Endpoints: the T-SQL endpoints every instance has, and database
 * mirroring (availability group), Service Broker and other endpoints,
 * with protocol, state, TCP port, authentication and encryption.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

// sys.tcp_endpoints has a row for each TCP endpoint, and the mirroring and
// broker views one for the endpoint of their kind (Microsoft Learn,
// endpoint catalog views). The port is the one the endpoint was created
// with, which need not be what SQL Server Configuration Manager shows.
const ENDPOINTS = defineQuery({
  id: "inventory.endpoints",
  scope: "server",
  sql: `
SELECT
    e.endpoint_id,
    e.name,
    e.type_desc,
    e.protocol_desc,
    e.state_desc,
    e.is_admin_endpoint,
    t.port,
    t.is_dynamic_port,
    t.ip_address,
    m.role_desc AS mirroring_role_desc,
    COALESCE(m.connection_auth_desc, b.connection_auth_desc) AS connection_auth_desc,
    COALESCE(m.encryption_algorithm_desc, b.encryption_algorithm_desc) AS encryption_algorithm_desc,
    b.is_message_forwarding_enabled
FROM sys.endpoints AS e
LEFT JOIN sys.tcp_endpoints AS t
    ON t.endpoint_id = e.endpoint_id
LEFT JOIN sys.database_mirroring_endpoints AS m
    ON m.endpoint_id = e.endpoint_id
LEFT JOIN sys.service_broker_endpoints AS b
    ON b.endpoint_id = e.endpoint_id
ORDER BY e.endpoint_id;`,
  reads: [
    "sys.endpoints",
    "sys.tcp_endpoints",
    "sys.database_mirroring_endpoints",
    "sys.service_broker_endpoints",
  ],
  permission: "VIEW ANY DEFINITION",
});

export const endpointsPart: InventoryPart = {
  name: "endpoints",
  title: "Endpoints",
  scope: "server",
  queries: [ENDPOINTS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(ENDPOINTS);
    const items = rows.map((row) => ({
      name: requiredTextOf(row, "name"),
      endpointType: textOf(row, "type_desc"),
      protocol: textOf(row, "protocol_desc"),
      state: textOf(row, "state_desc"),
      port: numberOf(row, "port"),
      dynamicPort: flagOf(row, "is_dynamic_port"),
      ipAddress: textOf(row, "ip_address"),
      mirroringRole: textOf(row, "mirroring_role_desc"),
      authentication: textOf(row, "connection_auth_desc"),
      encryption: textOf(row, "encryption_algorithm_desc"),
      messageForwarding: flagOf(row, "is_message_forwarding_enabled"),
      isAdminEndpoint: flagOf(row, "is_admin_endpoint"),
    }));
    return { items };
  },
};
