/**
 * Service Broker: message types, contracts, queues, services, routes,
 * bindings, priorities, event notifications and conversations.
 */

import type { Expression, VariableReference } from "../expressions.js";
import type { Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";
import type { SelectElement } from "../query.js";

export type BrokerStatement =
  | MessageTypeStatement
  | CreateContractStatement
  | QueueStatement
  | ServiceStatement
  | RouteStatement
  | RemoteServiceBindingStatement
  | BrokerPriorityStatement
  | CreateEventNotificationStatement
  | BeginDialogStatement
  | SendStatement
  | ReceiveStatement
  | EndConversationStatement
  | GetConversationGroupStatement
  | MoveConversationStatement
  | BeginConversationTimerStatement;

export interface MessageTypeStatement extends Node {
  readonly kind: "CreateMessageTypeStatement" | "AlterMessageTypeStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly validation?: "NONE" | "EMPTY" | "WELL_FORMED_XML" | "VALID_XML";
  readonly schemaCollection?: SchemaObjectName;
}

/** `message SENT BY INITIATOR | TARGET | ANY` inside CREATE CONTRACT. */
export interface ContractMessage extends Node {
  readonly kind: "ContractMessage";
  /** The message type, or `DEFAULT`. */
  readonly messageType: Identifier;
  readonly sentBy: "INITIATOR" | "TARGET" | "ANY";
}

export interface CreateContractStatement extends Node {
  readonly kind: "CreateContractStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly messages: readonly ContractMessage[];
}

export interface QueueStatement extends Node {
  readonly kind: "CreateQueueStatement" | "AlterQueueStatement";
  readonly name: SchemaObjectName;
  /** STATUS, RETENTION, ACTIVATION (...), POISON_MESSAGE_HANDLING (...). */
  readonly options: readonly OptionNode[];
  readonly fileGroup?: Identifier;
  /** ALTER QUEUE only: `REBUILD`, `REORGANIZE` or `MOVE TO`. */
  readonly action?: "REBUILD" | "REORGANIZE" | "MOVE TO";
}

export interface ServiceStatement extends Node {
  readonly kind: "CreateServiceStatement" | "AlterServiceStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly queue?: SchemaObjectName;
  /** CREATE: the contracts; ALTER: the contracts added. */
  readonly contracts: readonly Identifier[];
  /** ALTER SERVICE only: the contracts dropped. */
  readonly droppedContracts: readonly Identifier[];
}

export interface RouteStatement extends Node {
  readonly kind: "CreateRouteStatement" | "AlterRouteStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  /** SERVICE_NAME, BROKER_INSTANCE, LIFETIME, ADDRESS, MIRROR_ADDRESS. */
  readonly options: readonly OptionNode[];
}

export interface RemoteServiceBindingStatement extends Node {
  readonly kind: "CreateRemoteServiceBindingStatement" | "AlterRemoteServiceBindingStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly service?: Expression;
  /** USER and ANONYMOUS. */
  readonly options: readonly OptionNode[];
}

export interface BrokerPriorityStatement extends Node {
  readonly kind: "CreateBrokerPriorityStatement" | "AlterBrokerPriorityStatement";
  readonly name: Identifier;
  /** CONTRACT_NAME, LOCAL_SERVICE_NAME, REMOTE_SERVICE_NAME, PRIORITY_LEVEL. */
  readonly options: readonly OptionNode[];
}

export interface CreateEventNotificationStatement extends Node {
  readonly kind: "CreateEventNotificationStatement";
  readonly name: Identifier;
  readonly scope: "SERVER" | "DATABASE" | "QUEUE";
  readonly queue?: SchemaObjectName;
  readonly fanIn: boolean;
  /** Event types and event groups, such as DDL_TABLE_EVENTS. */
  readonly events: readonly Identifier[];
  readonly service: Expression;
  /** `'current database'` or a broker instance identifier. */
  readonly brokerInstance: Expression;
}

export interface BeginDialogStatement extends Node {
  readonly kind: "BeginDialogStatement";
  readonly handle: VariableReference;
  readonly initiatorService: Identifier;
  readonly targetService: Expression;
  readonly brokerInstance?: Expression;
  readonly contract?: Identifier;
  /** RELATED_CONVERSATION, RELATED_CONVERSATION_GROUP, LIFETIME, ENCRYPTION. */
  readonly options: readonly OptionNode[];
}

export interface SendStatement extends Node {
  readonly kind: "SendStatement";
  readonly conversations: readonly Expression[];
  readonly messageType?: Identifier;
  readonly body?: Expression;
}

/** `RECEIVE [TOP (n)] columns FROM queue [INTO @table] [WHERE ...]`. */
export interface ReceiveStatement extends Node {
  readonly kind: "ReceiveStatement";
  readonly top?: Expression;
  readonly columns: readonly SelectElement[];
  readonly queue: SchemaObjectName;
  readonly into?: VariableReference;
  readonly where?: Expression;
}

export interface EndConversationStatement extends Node {
  readonly kind: "EndConversationStatement";
  readonly conversation: Expression;
  readonly errorCode?: Expression;
  readonly errorDescription?: Expression;
  readonly cleanup: boolean;
}

export interface GetConversationGroupStatement extends Node {
  readonly kind: "GetConversationGroupStatement";
  readonly group: VariableReference;
  readonly queue: SchemaObjectName;
}

export interface MoveConversationStatement extends Node {
  readonly kind: "MoveConversationStatement";
  readonly conversation: Expression;
  readonly group: Expression;
}

export interface BeginConversationTimerStatement extends Node {
  readonly kind: "BeginConversationTimerStatement";
  readonly conversation: Expression;
  readonly timeout: Expression;
}
