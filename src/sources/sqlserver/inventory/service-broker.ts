/**
 * Service Broker objects of a database: user queues with their activation,
 * services, contracts, message types, routes and remote service bindings.
 * Whether the broker is enabled is a database option, in the databases
 * part.
 */

import { defineQuery, type CatalogQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { qualifiedName } from "./qualified-name.js";
import { countOf, numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

const QUEUES = defineQuery({
  id: "inventory.broker-queues",
  scope: "database",
  sql: `
SELECT
    SCHEMA_NAME(q.schema_id) AS schema_name,
    q.name,
    q.is_receive_enabled,
    q.is_enqueue_enabled,
    q.is_activation_enabled,
    q.activation_procedure,
    q.max_readers,
    q.is_retention_enabled,
    q.is_poison_message_handling_enabled
FROM sys.service_queues AS q
WHERE q.is_ms_shipped = 0
ORDER BY schema_name, q.name;`,
  reads: ["sys.service_queues", "SCHEMA_NAME"],
  permission: "VIEW DEFINITION",
});

// Services on the queues of SQL Server itself (query notifications, event
// notifications) are left out with those queues.
const SERVICES = defineQuery({
  id: "inventory.broker-services",
  scope: "database",
  sql: `
SELECT
    s.name,
    SCHEMA_NAME(q.schema_id) AS queue_schema_name,
    q.name AS queue_name,
    (SELECT COUNT(*) FROM sys.service_contract_usages AS u WHERE u.service_id = s.service_id) AS contract_count
FROM sys.services AS s
JOIN sys.service_queues AS q
    ON q.object_id = s.service_queue_id
WHERE q.is_ms_shipped = 0
ORDER BY s.name;`,
  reads: ["sys.services", "sys.service_queues", "sys.service_contract_usages", "SCHEMA_NAME"],
  permission: "VIEW DEFINITION",
});

// Every database has the system contracts and message types named DEFAULT
// and http://schemas.microsoft.com/SQL/...; none of them is migrated.
const CONTRACTS = defineQuery({
  id: "inventory.broker-contracts",
  scope: "database",
  sql: `
SELECT
    c.name,
    (SELECT COUNT(*) FROM sys.service_contract_message_usages AS mu
     WHERE mu.service_contract_id = c.service_contract_id) AS message_type_count
FROM sys.service_contracts AS c
WHERE c.name <> N'DEFAULT'
  AND c.name NOT LIKE N'http://schemas.microsoft.com/SQL/%'
ORDER BY c.name;`,
  reads: ["sys.service_contracts", "sys.service_contract_message_usages"],
  permission: "VIEW DEFINITION",
});

const MESSAGE_TYPES = defineQuery({
  id: "inventory.broker-message-types",
  scope: "database",
  sql: `
SELECT
    mt.name,
    mt.validation_desc
FROM sys.service_message_types AS mt
WHERE mt.name <> N'DEFAULT'
  AND mt.name NOT LIKE N'http://schemas.microsoft.com/SQL/%'
ORDER BY mt.name;`,
  reads: ["sys.service_message_types"],
  permission: "VIEW DEFINITION",
});

// AutoCreatedLocal is the route every database gets.
const ROUTES = defineQuery({
  id: "inventory.broker-routes",
  scope: "database",
  sql: `
SELECT
    r.name,
    r.remote_service_name,
    r.address,
    r.mirror_address
FROM sys.routes AS r
WHERE r.name <> N'AutoCreatedLocal'
ORDER BY r.name;`,
  reads: ["sys.routes"],
  permission: "VIEW DEFINITION",
});

const REMOTE_SERVICE_BINDINGS = defineQuery({
  id: "inventory.broker-remote-service-bindings",
  scope: "database",
  sql: `
SELECT
    b.name,
    b.remote_service_name,
    b.is_anonymous_on
FROM sys.remote_service_bindings AS b
ORDER BY b.name;`,
  reads: ["sys.remote_service_bindings"],
  permission: "VIEW DEFINITION",
});

export const serviceBrokerPart: InventoryPart = {
  name: "service-broker",
  title: "Service Broker queues, services, contracts and routes",
  scope: "database",
  queries: [QUEUES, SERVICES, CONTRACTS, MESSAGE_TYPES, ROUTES, REMOTE_SERVICE_BINDINGS],

  async collect(reader): Promise<PartResult> {
    const items: InventoryItem[] = [];
    const add = async (query: CatalogQuery, build: (row: Row) => Record<string, unknown>): Promise<void> => {
      for (const row of await reader.all(query)) {
        items.push({ database: reader.database, ...build(row) });
      }
    };

    await add(QUEUES, queueFields);
    await add(SERVICES, serviceFields);
    await add(CONTRACTS, (row) => ({
      type: "contract",
      name: requiredTextOf(row, "name"),
      messageTypes: countOf(row, "message_type_count"),
    }));
    await add(MESSAGE_TYPES, (row) => ({
      type: "message-type",
      name: requiredTextOf(row, "name"),
      validation: textOf(row, "validation_desc"),
    }));
    await add(ROUTES, routeFields);
    await add(REMOTE_SERVICE_BINDINGS, (row) => ({
      type: "remote-service-binding",
      name: requiredTextOf(row, "name"),
      remoteService: textOf(row, "remote_service_name"),
      anonymous: flagOf(row, "is_anonymous_on"),
    }));

    return { items };
  },
};

function queueFields(row: Row): Record<string, unknown> {
  return {
    type: "queue",
    name: qualifiedName(textOf(row, "schema_name"), requiredTextOf(row, "name")),
    receiveEnabled: flagOf(row, "is_receive_enabled"),
    enqueueEnabled: flagOf(row, "is_enqueue_enabled"),
    activationEnabled: flagOf(row, "is_activation_enabled"),
    activationProcedure: textOf(row, "activation_procedure"),
    maxReaders: numberOf(row, "max_readers"),
    retention: flagOf(row, "is_retention_enabled"),
    poisonMessageHandling: flagOf(row, "is_poison_message_handling_enabled"),
  };
}

function serviceFields(row: Row): Record<string, unknown> {
  return {
    type: "service",
    name: requiredTextOf(row, "name"),
    queue: qualifiedName(textOf(row, "queue_schema_name"), requiredTextOf(row, "queue_name")),
    contracts: countOf(row, "contract_count"),
  };
}

function routeFields(row: Row): Record<string, unknown> {
  return {
    type: "route",
    name: requiredTextOf(row, "name"),
    remoteService: textOf(row, "remote_service_name"),
    address: textOf(row, "address"),
    mirrorAddress: textOf(row, "mirror_address"),
  };
}
