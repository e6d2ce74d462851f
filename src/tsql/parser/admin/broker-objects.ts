/**
 * Service Broker objects: message types, contracts, queues and services.
 * Reference: "CREATE MESSAGE TYPE", "CREATE CONTRACT", "CREATE QUEUE",
 * "ALTER QUEUE", "CREATE SERVICE" and "ALTER SERVICE", SQL Server 2022.
 */

import type {
  ContractMessage,
  CreateContractStatement,
  MessageTypeStatement,
  QueueStatement,
  ServiceStatement,
} from "../../ast/admin.js";
import type { Identifier, OptionNode, SchemaObjectName } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAdminOption, parseParenthesizedAdminOptions } from "./admin-options.js";
import { parseOwner } from "./clauses.js";

type Validation = NonNullable<MessageTypeStatement["validation"]>;

/** CREATE or ALTER MESSAGE TYPE name [AUTHORIZATION o] [VALIDATION = ...]. */
export function parseMessageType(p: Parser, context: StatementContext, create: boolean): MessageTypeStatement {
  p.expectWords("MESSAGE", "TYPE");
  const name = p.parseName("a message type name");
  const owner = create ? parseOwner(p) : undefined;

  let validation: Validation | undefined;
  let schemaCollection: SchemaObjectName | undefined;
  if (p.eatWord("VALIDATION")) {
    p.expect(TokenKind.Equals, "'=' after VALIDATION");
    validation = p.expectOneOf(["NONE", "EMPTY", "WELL_FORMED_XML", "VALID_XML"]) as Validation;
    if (validation === "VALID_XML") {
      p.expectWords("WITH", "SCHEMA", "COLLECTION");
      schemaCollection = p.parseSchemaObjectName("an XML schema collection");
    }
  } else if (!create) {
    p.fail("VALIDATION after the message type name");
  }

  return p.finish<MessageTypeStatement>(context.mark, {
    kind: create ? "CreateMessageTypeStatement" : "AlterMessageTypeStatement",
    name,
    ...(owner ? { owner } : {}),
    ...(validation ? { validation } : {}),
    ...(schemaCollection ? { schemaCollection } : {}),
  });
}

/** CREATE CONTRACT name [AUTHORIZATION o] ( message SENT BY INITIATOR | TARGET | ANY, ... ). */
export function parseCreateContract(p: Parser, context: StatementContext): CreateContractStatement {
  p.expectWord("CONTRACT");
  const name = p.parseName("a contract name");
  const owner = parseOwner(p);
  p.expect(TokenKind.LeftParen, "'(' before the message types of the contract");
  const messages = p.parseCommaList(() => parseContractMessage(p));
  p.expect(TokenKind.RightParen, "')'");
  return p.finish<CreateContractStatement>(context.mark, {
    kind: "CreateContractStatement",
    name,
    ...(owner ? { owner } : {}),
    messages,
  });
}

function parseContractMessage(p: Parser): ContractMessage {
  const mark = p.mark();
  const messageType = p.parseName("a message type name");
  p.expectWords("SENT", "BY");
  const sentBy = p.expectOneOf(["INITIATOR", "TARGET", "ANY"]) as ContractMessage["sentBy"];
  return p.finish<ContractMessage>(mark, { kind: "ContractMessage", messageType, sentBy });
}

/** Options of CREATE and ALTER QUEUE, where the commas between them are optional. */
const QUEUE_OPTIONS = new Set(["STATUS", "RETENTION", "ACTIVATION", "POISON_MESSAGE_HANDLING"]);

/**
 * CREATE QUEUE q [WITH options] [ON filegroup], ALTER QUEUE q WITH options,
 * and ALTER QUEUE q REBUILD | REORGANIZE [WITH (...)] | MOVE TO filegroup.
 */
export function parseQueue(p: Parser, context: StatementContext, create: boolean): QueueStatement {
  p.expectWord("QUEUE");
  const name = p.parseSchemaObjectName("a queue name");
  const kind = create ? "CreateQueueStatement" : "AlterQueueStatement";

  if (!create && (p.isWord("REBUILD") || p.isWord("REORGANIZE"))) {
    const action = p.advance().value as "REBUILD" | "REORGANIZE";
    const options = p.eatWord("WITH") ? parseParenthesizedAdminOptions(p) : [];
    return p.finish<QueueStatement>(context.mark, { kind, name, options, action });
  }
  if (!create && p.eatWords("MOVE", "TO")) {
    const fileGroup = p.parseName("a filegroup name");
    return p.finish<QueueStatement>(context.mark, { kind, name, options: [], fileGroup, action: "MOVE TO" });
  }

  const options: OptionNode[] = [];
  if (p.eatWord("WITH")) {
    options.push(parseAdminOption(p));
    for (;;) {
      const comma = p.isKind(TokenKind.Comma) ? 1 : 0;
      if (!p.isAnyWord(QUEUE_OPTIONS, comma)) {
        break;
      }
      p.pos += comma;
      options.push(parseAdminOption(p));
    }
  } else if (!create) {
    p.fail("WITH, REBUILD, REORGANIZE or MOVE TO after the queue name");
  }

  const fileGroup: Identifier | undefined = create && p.eatWord("ON") ? p.parseName("a filegroup name") : undefined;
  return p.finish<QueueStatement>(context.mark, {
    kind,
    name,
    options,
    ...(fileGroup ? { fileGroup } : {}),
  });
}

/**
 * CREATE SERVICE s [AUTHORIZATION o] ON QUEUE q [(contract, ...)] and
 * ALTER SERVICE s [ON QUEUE q] [(ADD CONTRACT c, DROP CONTRACT d, ...)].
 */
export function parseService(p: Parser, context: StatementContext, create: boolean): ServiceStatement {
  p.expectWord("SERVICE");
  const name = p.parseName("a service name");
  const owner = create ? parseOwner(p) : undefined;

  let queue: SchemaObjectName | undefined;
  if (create) {
    p.expectWords("ON", "QUEUE");
    queue = p.parseSchemaObjectName("a queue name");
  } else if (p.eatWords("ON", "QUEUE")) {
    queue = p.parseSchemaObjectName("a queue name");
  }

  const contracts: Identifier[] = [];
  const droppedContracts: Identifier[] = [];
  if (p.eat(TokenKind.LeftParen)) {
    do {
      if (create) {
        contracts.push(p.parseName("a contract name"));
      } else if (p.eatWords("ADD", "CONTRACT")) {
        contracts.push(p.parseName("a contract name"));
      } else {
        p.expectWords("DROP", "CONTRACT");
        droppedContracts.push(p.parseName("a contract name"));
      }
    } while (p.eat(TokenKind.Comma));
    p.expect(TokenKind.RightParen, "')'");
  }

  return p.finish<ServiceStatement>(context.mark, {
    kind: create ? "CreateServiceStatement" : "AlterServiceStatement",
    name,
    ...(owner ? { owner } : {}),
    ...(queue ? { queue } : {}),
    contracts,
    droppedContracts,
  });
}
