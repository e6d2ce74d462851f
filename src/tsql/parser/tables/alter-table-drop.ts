/**
 * ALTER TABLE ... DROP: constraints, columns, memory-optimized indexes and
 * PERIOD FOR SYSTEM_TIME. A name without a keyword is a constraint, unless
 * it follows a COLUMN item in the same list, as SQL Server reads
 * `DROP COLUMN a, b`. Reference: "ALTER TABLE (Transact-SQL)", SQL Server 2022.
 */

import type { Identifier, OptionNode, SchemaObjectName } from "../../ast/node.js";
import type { AlterTableDropTableElementStatement, DropTableElement } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Mark, Parser } from "../parser.js";
import { eatWithOptions } from "./alter-table.js";

type ElementType = DropTableElement["elementType"];

export function parseDropElements(p: Parser, mark: Mark, table: SchemaObjectName): AlterTableDropTableElementStatement {
  p.expectWord("DROP");
  const elements: DropTableElement[] = [];
  let previous: ElementType = "CONSTRAINT";
  do {
    const element = parseDropElement(p, previous);
    previous = element.elementType;
    elements.push(element);
  } while (p.eat(TokenKind.Comma));

  return p.finish<AlterTableDropTableElementStatement>(mark, {
    kind: "AlterTableDropTableElementStatement",
    table,
    elements,
  });
}

function parseDropElement(p: Parser, previous: ElementType): DropTableElement {
  const mark = p.mark();
  if (p.eatWords("PERIOD", "FOR", "SYSTEM_TIME")) {
    return p.finish<DropTableElement>(mark, {
      kind: "DropTableElement",
      elementType: "PERIOD FOR SYSTEM_TIME",
      ifExists: false,
      options: [],
    });
  }

  let elementType: ElementType = previous === "COLUMN" ? "COLUMN" : "CONSTRAINT";
  if (p.eatWord("CONSTRAINT")) {
    elementType = "CONSTRAINT";
  } else if (p.eatWord("COLUMN")) {
    elementType = "COLUMN";
  } else if (p.eatWord("INDEX")) {
    elementType = "INDEX";
  }

  const ifExists = p.eatWords("IF", "EXISTS");
  const name: Identifier = p.parseIdentifier(`a ${elementType.toLowerCase()} name`);
  const options: OptionNode[] = elementType === "CONSTRAINT" ? eatWithOptions(p) : [];
  return p.finish<DropTableElement>(mark, {
    kind: "DropTableElement",
    elementType,
    name,
    ifExists,
    options,
  });
}
