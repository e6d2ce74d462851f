/** Every inventory part, in collection and report order. */

import { availabilityGroupsPart } from "./availability-groups.js";
import { backupHistoryPart } from "./backup-history.js";
import { clusterNodesPart } from "./cluster-nodes.js";
import { columnTypesPart } from "./column-types.js";
import { configurationPart } from "./configuration.js";
import { constraintsPart } from "./constraints.js";
import { dependenciesPart } from "./dependencies.js";
import { databaseFilesPart } from "./database-files.js";
import { databasesPart } from "./databases.js";
import { hostPart } from "./host.js";
import { indexesPart } from "./indexes.js";
import { logShippingPart } from "./log-shipping.js";
import { objectsPart } from "./objects.js";
import { partitioningPart } from "./partitioning.js";
import { queryStorePart } from "./query-store.js";
import { serverPart } from "./server.js";
import { tablesPart } from "./tables.js";
import { tdePart } from "./tde.js";
import { agentPart } from "./agent.js";
import { clrAssembliesPart } from "./clr-assemblies.js";
import { credentialsPart } from "./credentials.js";
import { databaseMailPart } from "./database-mail.js";
import { databasePermissionsPart } from "./database-permissions.js";
import { databaseScopedCredentialsPart } from "./database-scoped-credentials.js";
import { endpointsPart } from "./endpoints.js";
import { extendedEventsPart } from "./extended-events.js";
import { fullTextPart } from "./full-text.js";
import { linkedServersPart } from "./linked-servers.js";
import { loginsPart } from "./logins.js";
import { serverPermissionsPart } from "./server-permissions.js";
import { serverTriggersPart } from "./server-triggers.js";
import { serviceBrokerPart } from "./service-broker.js";
import { usersPart } from "./users.js";
import { databaseFeaturesPart } from "./database-features.js";
import { instanceFeaturesPart } from "./instance-features.js";
import { integrationServicesPart } from "./integration-services.js";
import { replicationPart } from "./replication.js";
import { servicesPart } from "./services.js";
import type { InventoryPart } from "./part.js";

export const SERVER_PARTS: readonly InventoryPart[] = [
  serverPart,
  hostPart,
  configurationPart,
  databasesPart,
  databaseFilesPart,
  tdePart,
  availabilityGroupsPart,
  clusterNodesPart,
  logShippingPart,
  backupHistoryPart,
  loginsPart,
  serverPermissionsPart,
  agentPart,
  linkedServersPart,
  databaseMailPart,
  serverTriggersPart,
  endpointsPart,
  credentialsPart,
  extendedEventsPart,
  instanceFeaturesPart,
  servicesPart,
  replicationPart,
  integrationServicesPart,
];

export const DATABASE_PARTS: readonly InventoryPart[] = [
  objectsPart,
  tablesPart,
  columnTypesPart,
  indexesPart,
  constraintsPart,
  dependenciesPart,
  partitioningPart,
  queryStorePart,
  usersPart,
  databasePermissionsPart,
  clrAssembliesPart,
  serviceBrokerPart,
  fullTextPart,
  databaseScopedCredentialsPart,
  databaseFeaturesPart,
];
