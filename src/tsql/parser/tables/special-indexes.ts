/**
 * Indexes on one column of a special type: XML (primary, secondary and
 * selective), spatial, and the JSON and vector indexes of SQL Server 2025.
 * References: "CREATE XML INDEX", "CREATE SELECTIVE XML INDEX", "CREATE
 * SPATIAL INDEX" (SQL Server 2022), "CREATE JSON INDEX" and "CREATE VECTOR
 * INDEX" (SQL Server 2025, preview).
 */

import type { Identifier, SchemaObjectName } from "../../ast/node.js";
import type {
  CreateJsonIndexStatement,
  CreateSelectiveXmlIndexStatement,
  CreateSpatialIndexStatement,
  CreateXmlIndexStatement,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { eatWithOptions } from "./alter-table.js";
import { parseIndexStorage } from "./storage.js";

interface IndexTarget {
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  readonly columnName: Identifier;
}

/** Reads `name ON table (column)`. */
function parseIndexTarget(p: Parser): IndexTarget {
  const name = p.parseIdentifier("an index name");
  p.expectWord("ON");
  const table = p.parseSchemaObjectName("a table name");
  p.expect(TokenKind.LeftParen, "'(' before the indexed column");
  const columnName = p.parseIdentifier("the indexed column");
  p.expect(TokenKind.RightParen, "')' after the indexed column");
  return { name, table, columnName };
}

/** CREATE [PRIMARY] XML INDEX ... [USING XML INDEX x [FOR {VALUE | PATH | PROPERTY | (path)}]]. */
export function parseCreateXmlIndex(p: Parser, context: StatementContext): CreateXmlIndexStatement {
  const primary = p.eatWord("PRIMARY");
  p.expectWords("XML", "INDEX");
  const target = parseIndexTarget(p);

  let usingIndex: Identifier | undefined;
  let secondaryType: "VALUE" | "PATH" | "PROPERTY" | undefined;
  let selectivePath: Identifier | undefined;
  if (p.eatWords("USING", "XML", "INDEX")) {
    usingIndex = p.parseIdentifier("the primary XML index");
    if (p.eatWord("FOR")) {
      if (p.eat(TokenKind.LeftParen)) {
        selectivePath = p.parseIdentifier("a promoted path name");
        p.expect(TokenKind.RightParen, "')' after the path name");
      } else {
        secondaryType = p.expectOneOf(["VALUE", "PATH", "PROPERTY"]) as "VALUE" | "PATH" | "PROPERTY";
      }
    }
  }
  const options = eatWithOptions(p);

  return p.finish<CreateXmlIndexStatement>(context.mark, {
    kind: "CreateXmlIndexStatement",
    ...target,
    primary,
    ...(usingIndex ? { usingIndex } : {}),
    ...(secondaryType ? { secondaryType } : {}),
    ...(selectivePath ? { selectivePath } : {}),
    options,
  });
}

/** CREATE SELECTIVE XML INDEX ... [WITH XMLNAMESPACES (...)] FOR (paths) [WITH (...)]. */
export function parseCreateSelectiveXmlIndex(
  p: Parser,
  context: StatementContext,
): CreateSelectiveXmlIndexStatement {
  p.expectWords("SELECTIVE", "XML", "INDEX");
  const target = parseIndexTarget(p);
  const namespaces = p.eatWords("WITH", "XMLNAMESPACES") ? p.skipParenthesized() : undefined;
  p.expectWord("FOR");
  const paths = p.skipParenthesized();
  const options = eatWithOptions(p);

  return p.finish<CreateSelectiveXmlIndexStatement>(context.mark, {
    kind: "CreateSelectiveXmlIndexStatement",
    ...target,
    ...(namespaces === undefined ? {} : { namespaces }),
    paths,
    options,
  });
}

export function parseCreateSpatialIndex(p: Parser, context: StatementContext): CreateSpatialIndexStatement {
  p.expectWords("SPATIAL", "INDEX");
  const target = parseIndexTarget(p);
  const tessellation = p.eatWord("USING")
    ? p.expectOneOf(["GEOMETRY_GRID", "GEOGRAPHY_GRID", "GEOMETRY_AUTO_GRID", "GEOGRAPHY_AUTO_GRID"])
    : undefined;
  const storage = parseIndexStorage(p);

  return p.finish<CreateSpatialIndexStatement>(context.mark, {
    kind: "CreateSpatialIndexStatement",
    ...target,
    ...(tessellation ? { tessellation } : {}),
    ...storage,
  });
}

/** CREATE JSON INDEX ... [FOR ('$.path', ...)] and CREATE VECTOR INDEX. */
export function parseCreateJsonOrVectorIndex(p: Parser, context: StatementContext): CreateJsonIndexStatement {
  const type = p.expectOneOf(["JSON", "VECTOR"]);
  p.expectWord("INDEX");
  const target = parseIndexTarget(p);

  const paths: string[] = [];
  if (type === "JSON" && p.eatWord("FOR")) {
    p.expect(TokenKind.LeftParen, "'(' before the JSON paths");
    do {
      const path = p.token;
      if (path.kind !== TokenKind.String && path.kind !== TokenKind.NString) {
        p.fail("a SQL/JSON path string");
      }
      p.advance();
      paths.push(path.value);
    } while (p.eat(TokenKind.Comma));
    p.expect(TokenKind.RightParen, "')' after the JSON paths");
  }
  const storage = parseIndexStorage(p);

  return p.finish<CreateJsonIndexStatement>(context.mark, {
    kind: type === "JSON" ? "CreateJsonIndexStatement" : "CreateVectorIndexStatement",
    ...target,
    paths,
    ...storage,
  });
}
