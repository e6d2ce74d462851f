/**
 * Administration statements and instance objects: BACKUP and RESTORE by
 * kind, Service Broker objects and conversations, assemblies by
 * PERMISSION_SET, endpoints, Extended Events sessions, Resource Governor,
 * availability groups, PolyBase external objects, synonyms, sequences, XML
 * schema collections, deprecated CREATE DEFAULT and CREATE RULE, and DROP
 * of objects whose creation is itself a catalog feature.
 */

import type { Node } from "../../tsql/ast/node.js";
import type {
  AssemblyStatement,
  BackupStatement,
  RestoreStatement,
} from "../../tsql/ast/admin.js";
import type { DropStatement } from "../../tsql/ast/tables.js";
import type { AnalysisContext } from "../context.js";
import type { Detector, Visitor } from "../detector.js";
import { detailOf } from "./source-words.js";
import { statementWords, whole } from "./statement-words.js";

const BROKER_KINDS = [
  "CreateMessageTypeStatement", "AlterMessageTypeStatement", "CreateContractStatement",
  "CreateQueueStatement", "AlterQueueStatement", "CreateServiceStatement", "AlterServiceStatement",
  "CreateRouteStatement", "AlterRouteStatement", "CreateRemoteServiceBindingStatement",
  "AlterRemoteServiceBindingStatement", "CreateBrokerPriorityStatement", "AlterBrokerPriorityStatement",
  "CreateEventNotificationStatement", "BeginDialogStatement", "SendStatement", "ReceiveStatement",
  "EndConversationStatement", "GetConversationGroupStatement", "MoveConversationStatement",
  "BeginConversationTimerStatement",
];

/** Statement kinds reported whole, by feature. */
const WHOLE_KINDS: Readonly<Record<string, readonly string[]>> = {
  "statement.endpoint": ["CreateEndpointStatement", "AlterEndpointStatement"],
  "statement.event_session": ["CreateEventSessionStatement", "AlterEventSessionStatement"],
  "statement.resource_governor": [
    "CreateResourcePoolStatement", "AlterResourcePoolStatement", "CreateWorkloadGroupStatement",
    "AlterWorkloadGroupStatement", "AlterResourceGovernorStatement",
  ],
  "statement.availability_group": ["CreateAvailabilityGroupStatement", "AlterAvailabilityGroupStatement"],
  "statement.external_object": [
    "CreateExternalDataSourceStatement", "AlterExternalDataSourceStatement",
    "CreateExternalFileFormatStatement", "CreateExternalLibraryStatement",
    "AlterExternalLibraryStatement", "CreateExternalLanguageStatement",
    "AlterExternalLanguageStatement", "CreateExternalTableStatement",
  ],
  "ddl.synonym": ["CreateSynonymStatement"],
  "ddl.sequence": ["CreateSequenceStatement", "AlterSequenceStatement"],
  "datatype.xml.schema_collection": ["CreateXmlSchemaCollectionStatement", "AlterXmlSchemaCollectionStatement"],
  "ddl.default_object": ["CreateDefaultStatement"],
  "ddl.rule": ["CreateRuleStatement"],
};

/** DROP of these object types is reported with the feature of their creation. */
const DROP_IDS: Readonly<Record<string, string>> = {
  "PARTITION FUNCTION": "ddl.partition.function",
  "PARTITION SCHEME": "ddl.partition.scheme",
  "XML SCHEMA COLLECTION": "datatype.xml.schema_collection",
  "FULLTEXT INDEX": "ddl.index.fulltext",
  "FULLTEXT CATALOG": "ddl.index.fulltext",
  "FULLTEXT STOPLIST": "ddl.index.fulltext",
  "SEARCH PROPERTY LIST": "ddl.index.fulltext",
  STATISTICS: "ddl.statistics",
  SYNONYM: "ddl.synonym",
  SEQUENCE: "ddl.sequence",
  RULE: "ddl.rule",
  DEFAULT: "ddl.default_object",
  ASSEMBLY: "module.assembly",
  AGGREGATE: "module.aggregate.clr",
  ROLE: "security.role.create",
  "SERVER ROLE": "security.server_role",
  "APPLICATION ROLE": "security.application_role",
  CERTIFICATE: "security.certificate",
  SIGNATURE: "security.certificate",
  "COUNTER SIGNATURE": "security.certificate",
  "SYMMETRIC KEY": "security.symmetric_key",
  "ASYMMETRIC KEY": "security.symmetric_key",
  "MASTER KEY": "security.master_key",
  "DATABASE ENCRYPTION KEY": "security.tde",
  CREDENTIAL: "security.credential",
  "DATABASE SCOPED CREDENTIAL": "security.credential",
  "COLUMN MASTER KEY": "security.always_encrypted",
  "COLUMN ENCRYPTION KEY": "security.always_encrypted",
  "SERVER AUDIT": "security.audit",
  "SERVER AUDIT SPECIFICATION": "security.audit",
  "DATABASE AUDIT SPECIFICATION": "security.audit",
  "SECURITY POLICY": "security.row_level_security",
  "MESSAGE TYPE": "statement.service_broker",
  CONTRACT: "statement.service_broker",
  QUEUE: "statement.service_broker",
  SERVICE: "statement.service_broker",
  ROUTE: "statement.service_broker",
  "REMOTE SERVICE BINDING": "statement.service_broker",
  "BROKER PRIORITY": "statement.service_broker",
  "EVENT NOTIFICATION": "statement.service_broker",
  "EVENT SESSION": "statement.event_session",
  ENDPOINT: "statement.endpoint",
  "RESOURCE POOL": "statement.resource_governor",
  "EXTERNAL RESOURCE POOL": "statement.resource_governor",
  "WORKLOAD GROUP": "statement.resource_governor",
  "AVAILABILITY GROUP": "statement.availability_group",
  "EXTERNAL TABLE": "statement.external_object",
  "EXTERNAL DATA SOURCE": "statement.external_object",
  "EXTERNAL FILE FORMAT": "statement.external_object",
  "EXTERNAL LANGUAGE": "statement.external_object",
  "EXTERNAL LIBRARY": "statement.external_object",
};

function visitDrop(node: DropStatement, context: AnalysisContext): void {
  const names = node.names.map((n) => context.textOf(n)).join(", ");
  const message = `DROP ${node.objectType}${names === "" ? "" : ` ${names}`}`;

  // DROP TRIGGER ... ON DATABASE | ALL SERVER removes a DDL or logon trigger.
  if (node.objectType === "TRIGGER" && typeof node.on === "string") {
    context.report(node, "trigger.ddl", `${message} ON ${node.on}`, "drop");
    return;
  }
  const id = DROP_IDS[node.objectType];
  if (id !== undefined) {
    context.report(node, id, message, "drop");
  }
}

function visitBackup(node: BackupStatement, context: AnalysisContext): void {
  context.report(node, "statement.backup", `BACKUP ${node.target} ${context.textOf(node.database)}`, detailOf(node.target));
}

function visitRestore(node: RestoreStatement, context: AnalysisContext): void {
  const database = node.database === undefined ? "" : ` ${context.textOf(node.database)}`;
  context.report(node, "statement.restore", `RESTORE ${node.target}${database}`, detailOf(node.target));
}

function visitAssembly(node: AssemblyStatement, context: AnalysisContext): void {
  const verb = node.kind === "CreateAssemblyStatement" ? "CREATE" : "ALTER";
  const set = node.permissionSet === undefined ? "" : ` WITH PERMISSION_SET = ${node.permissionSet}`;
  const detail = node.permissionSet === undefined ? undefined : detailOf(node.permissionSet);
  context.report(node, "module.assembly", `${verb} ASSEMBLY ${node.name.value}${set}`, detail);
}

function visitors(): Record<string, Visitor> {
  const result: Record<string, Visitor> = {
    DropStatement: visitDrop,
    BackupStatement: visitBackup,
    RestoreStatement: visitRestore,
    CreateAssemblyStatement: visitAssembly,
    AlterAssemblyStatement: visitAssembly,
  };
  const brokerDetail = (node: Node) => detailOf(statementWords(node.kind));
  for (const kind of BROKER_KINDS) {
    result[kind] = whole("statement.service_broker", brokerDetail);
  }
  for (const [featureId, kinds] of Object.entries(WHOLE_KINDS)) {
    for (const kind of kinds) {
      result[kind] = whole(featureId);
    }
  }
  return result;
}

export const administrationDetector: Detector = {
  name: "administration",
  description:
    "Administration statements and instance objects: backup and restore, Service Broker, assemblies, endpoints, sessions, external objects, synonyms, sequences.",
  visitors: visitors(),
};
