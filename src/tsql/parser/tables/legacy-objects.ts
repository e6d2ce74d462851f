/**
 * Deprecated bound defaults and rules, and XML schema collections.
 * References: "CREATE DEFAULT", "CREATE RULE", "CREATE XML SCHEMA
 * COLLECTION" and "ALTER XML SCHEMA COLLECTION" (Transact-SQL), SQL Server 2022.
 */

import type {
  AlterXmlSchemaCollectionStatement,
  CreateDefaultStatement,
  CreateRuleStatement,
  CreateXmlSchemaCollectionStatement,
} from "../../ast/tables.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

/** CREATE DEFAULT name AS constant_expression. */
export function parseCreateDefault(p: Parser, context: StatementContext): CreateDefaultStatement {
  p.expectWord("DEFAULT");
  const name = p.parseSchemaObjectName("a default name");
  p.expectWord("AS");
  const expression = parseExpression(p);
  return p.finish<CreateDefaultStatement>(context.mark, { kind: "CreateDefaultStatement", name, expression });
}

/** CREATE RULE name AS condition, where the condition tests a @variable. */
export function parseCreateRule(p: Parser, context: StatementContext): CreateRuleStatement {
  p.expectWord("RULE");
  const name = p.parseSchemaObjectName("a rule name");
  p.expectWord("AS");
  const condition = parseExpression(p);
  return p.finish<CreateRuleStatement>(context.mark, { kind: "CreateRuleStatement", name, condition });
}

export function parseCreateXmlSchemaCollection(
  p: Parser,
  context: StatementContext,
): CreateXmlSchemaCollectionStatement {
  p.expectWords("XML", "SCHEMA", "COLLECTION");
  const name = p.parseSchemaObjectName("an XML schema collection name");
  p.expectWord("AS");
  const expression = parseExpression(p);
  return p.finish<CreateXmlSchemaCollectionStatement>(context.mark, {
    kind: "CreateXmlSchemaCollectionStatement",
    name,
    expression,
  });
}

export function parseAlterXmlSchemaCollection(
  p: Parser,
  context: StatementContext,
): AlterXmlSchemaCollectionStatement {
  p.expectWords("XML", "SCHEMA", "COLLECTION");
  const name = p.parseSchemaObjectName("an XML schema collection name");
  p.expectWord("ADD");
  const expression = parseExpression(p);
  return p.finish<AlterXmlSchemaCollectionStatement>(context.mark, {
    kind: "AlterXmlSchemaCollectionStatement",
    name,
    expression,
  });
}
