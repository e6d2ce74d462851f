/**
 * Service Broker in KestrelColdChain, after
 * examples/kestrel-cold-chain/53-service-broker.sql: three message types,
 * one contract, two queues (the initiator queue with internal
 * activation), two services and a route, next to the queues, services,
 * contracts, message types and route that SQL Server creates in every
 * database.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

/** schema_id of dbo and of integration (the sixth user schema). */
const DBO = 1;
const INTEGRATION = 10;

const CREATED = new Date("2024-03-12T12:05:00Z");
const SYSTEM_CREATED = new Date("2019-06-04T12:00:00Z");

interface QueueSpec {
  readonly id: number;
  readonly name: string;
  readonly schema: number;
  readonly system: boolean;
  readonly activation?: string;
  readonly readers?: number;
}

const QUEUES: readonly QueueSpec[] = [
  { id: 1977058079, name: "QueryNotificationErrorsQueue", schema: DBO, system: true },
  { id: 2009058193, name: "EventNotificationErrorsQueue", schema: DBO, system: true },
  { id: 2041058307, name: "ServiceBrokerQueue", schema: DBO, system: true },
  {
    id: 1230627427,
    name: "OutboundInitiatorQueue",
    schema: INTEGRATION,
    system: false,
    activation: "[KestrelColdChain].[integration].[usp_OnInitiatorQueue]",
    readers: 2,
  },
  { id: 1262627541, name: "OutboundTargetQueue", schema: INTEGRATION, system: false },
];

const serviceQueues: ViewRows = QUEUES.map((queue) => ({
  name: queue.name,
  object_id: queue.id,
  principal_id: null,
  schema_id: queue.schema,
  parent_object_id: 0,
  type: "SQ",
  type_desc: "SERVICE_QUEUE",
  create_date: queue.system ? SYSTEM_CREATED : CREATED,
  modify_date: queue.system ? SYSTEM_CREATED : CREATED,
  is_ms_shipped: queue.system,
  is_published: false,
  is_schema_published: false,
  max_readers: queue.readers ?? 0,
  activation_procedure: queue.activation ?? null,
  execute_as_principal_id: queue.activation === undefined ? null : -2,
  is_activation_enabled: queue.activation !== undefined,
  is_receive_enabled: true,
  is_enqueue_enabled: true,
  is_retention_enabled: false,
  is_poison_message_handling_enabled: true,
}));

const services: ViewRows = [
  [1, "http://schemas.microsoft.com/SQL/Notifications/QueryNotificationService", 1977058079],
  [2, "http://schemas.microsoft.com/SQL/Notifications/EventNotificationService", 2009058193],
  [3, "http://schemas.microsoft.com/SQL/ServiceBroker/ServiceBroker", 2041058307],
  [65536, "//kestrel/integration/OutboundSender", 1230627427],
  [65537, "//kestrel/integration/WebhookDispatcher", 1262627541],
].map(([id, name, queue]) => ({ name, service_id: id, principal_id: 1, service_queue_id: queue }));

const serviceContractUsages: ViewRows = [
  [1, 1],
  [2, 2],
  [3, 3],
  [65537, 65536],
].map(([service, contract]) => ({ service_id: service, service_contract_id: contract }));

const serviceContracts: ViewRows = [
  [1, "http://schemas.microsoft.com/SQL/Notifications/PostQueryNotification"],
  [2, "http://schemas.microsoft.com/SQL/Notifications/PostEventNotification"],
  [3, "http://schemas.microsoft.com/SQL/ServiceBroker/ServiceDiagnostic"],
  [6, "DEFAULT"],
  [65536, "//kestrel/integration/OutboundContract"],
].map(([id, name]) => ({ name, service_contract_id: id, principal_id: 1 }));

const messageTypes: ViewRows = [
  [1, "http://schemas.microsoft.com/SQL/ServiceBroker/Error", "X", "XML"],
  [2, "http://schemas.microsoft.com/SQL/ServiceBroker/EndDialog", "E", "EMPTY"],
  [3, "http://schemas.microsoft.com/SQL/ServiceBroker/DialogTimer", "E", "EMPTY"],
  [14, "DEFAULT", "N", "NONE"],
  [65536, "//kestrel/integration/OutboundEvents", "X", "XML"],
  [65537, "//kestrel/integration/DeliveryReceipt", "X", "XML"],
  [65538, "//kestrel/integration/Ping", "E", "EMPTY"],
].map(([id, name, validation, description]) => ({
  name,
  message_type_id: id,
  principal_id: 1,
  validation,
  validation_desc: description,
  xml_collection_id: null,
}));

const contractMessageUsages: ViewRows = [
  [65536, true, false],
  [65537, false, true],
  [65538, true, true],
].map(([messageType, initiator, target]) => ({
  service_contract_id: 65536,
  message_type_id: messageType,
  is_sent_by_initiator: initiator,
  is_sent_by_target: target,
}));

// The route was pointed at LOCAL after creation (ALTER ROUTE in the script).
const routes: ViewRows = [
  { name: "AutoCreatedLocal", route_id: 65536, remote_service_name: null, address: "LOCAL" },
  {
    name: "WebhookDispatcherRoute",
    route_id: 65537,
    remote_service_name: "//kestrel/integration/WebhookDispatcher",
    address: "LOCAL",
  },
].map((route) => ({ ...route, principal_id: 1, broker_instance: null, lifetime: null, mirror_address: null }));

export const SERVICE_BROKER: FixtureArea = {
  databases: {
    KestrelColdChain: {
      "sys.service_queues": serviceQueues,
      "sys.services": services,
      "sys.service_contract_usages": serviceContractUsages,
      "sys.service_contracts": serviceContracts,
      "sys.service_contract_message_usages": contractMessageUsages,
      "sys.service_message_types": messageTypes,
      "sys.routes": routes,
      "sys.remote_service_bindings": [],
    },
  },
};
