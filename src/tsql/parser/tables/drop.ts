/**
 * DROP of every object type: one typed DropStatement that names the
 * object type, IF EXISTS and the dropped objects. Reference: the DROP
 * statements of the Transact-SQL reference, SQL Server 2022 and 2025.
 */

import type { Identifier, SchemaObjectName } from "../../ast/node.js";
import type { DropIndexTarget, DropStatement } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext, StatementParser } from "../registry.js";
import { eatWithOptions } from "./alter-table.js";
import { DROP_TYPES, type DropType } from "./drop-types.js";

/** One parser per DROP key, each consuming its own object-type words. */
export const dropParsers: Readonly<Record<string, StatementParser>> = Object.fromEntries(
  Object.entries(DROP_TYPES).map(([key, type]) => {
    const words = key.split(" ");
    return [key, (p: Parser, context: StatementContext) => parseDrop(p, context, words, type)];
  }),
);

function parseDrop(p: Parser, context: StatementContext, words: string[], type: DropType): DropStatement {
  p.expectWords(...words);
  const ifExists = p.eatWords("IF", "EXISTS");

  let names: SchemaObjectName[] = [];
  let indexes: DropIndexTarget[] | undefined;
  let on: DropStatement["on"];
  switch (type.form) {
    case "names":
      names = p.parseCommaList(() => p.parseSchemaObjectName(`a ${type.objectType.toLowerCase()} name`));
      on = parseDropScope(p);
      break;
    case "index": {
      const targets = p.parseCommaList(() => parseDropIndexTarget(p));
      names = targets.map((target) => target.name);
      indexes = targets.map((target) => target.node);
      break;
    }
    case "on-table":
      p.expectWord("ON");
      on = p.parseSchemaObjectName("a table name");
      names = [on];
      break;
    case "signature":
    case "columns":
      p.expectWord("FROM");
      names = p.parseCommaList(() => p.parseSchemaObjectName("an object or column name"));
      break;
    case "none":
      break;
  }
  const clauses = parseTrailingClauses(p, type);

  return p.finish<DropStatement>(context.mark, {
    kind: "DropStatement",
    objectType: type.objectType,
    ifExists,
    names,
    ...(indexes ? { indexes } : {}),
    ...(on === undefined ? {} : { on }),
    clauses,
  });
}

/**
 * `ON DATABASE` and `ON ALL SERVER` of DROP TRIGGER, `ON SERVER` and
 * `ON DATABASE` of DROP EVENT SESSION, `ON QUEUE q` of DROP EVENT NOTIFICATION.
 */
function parseDropScope(p: Parser): DropStatement["on"] {
  if (!p.isWord("ON")) {
    return undefined;
  }
  p.advance();
  if (p.eatWord("DATABASE")) {
    return "DATABASE";
  }
  if (p.eatWords("ALL", "SERVER")) {
    return "ALL SERVER";
  }
  if (p.eatWord("SERVER")) {
    return "SERVER";
  }
  p.expectWord("QUEUE");
  return p.parseSchemaObjectName("a queue name");
}

/** Reads `index ON table [WITH (...)]` or the older `table.index`. */
function parseDropIndexTarget(p: Parser): { name: SchemaObjectName; node: DropIndexTarget } {
  const mark = p.mark();
  const name = p.parseSchemaObjectName("an index name");
  const index: Identifier = name.name;
  let table: SchemaObjectName | undefined;
  if (p.eatWord("ON")) {
    table = p.parseSchemaObjectName("a table or view name");
  } else {
    table = tableOfIndex(name);
    if (table === undefined) {
      p.fail("ON and a table name after the index name");
    }
  }
  const options = eatWithOptions(p);
  const node = p.finish<DropIndexTarget>(mark, {
    kind: "DropIndexTarget",
    index,
    ...(table ? { table } : {}),
    options,
  });
  return { name, node };
}

/** Returns the `table` part of `[schema.]table.index`, or undefined for a one-part name. */
function tableOfIndex(name: SchemaObjectName): SchemaObjectName | undefined {
  if (!name.schema) {
    return undefined;
  }
  const table = name.schema;
  return {
    kind: "SchemaObjectName",
    start: name.start,
    end: table.end,
    line: name.line,
    column: name.column,
    ...(name.server === undefined ? {} : { database: name.server }),
    ...(name.database === undefined ? {} : { schema: name.database }),
    name: table,
    partCount: name.partCount - 1,
  };
}

/**
 * WITH NO DEPENDENTS (ASSEMBLY), REMOVE PROVIDER KEY (keys), AUTHORIZATION
 * owner (EXTERNAL LIBRARY), and BY CERTIFICATE / ASYMMETRIC KEY / PASSWORD
 * of DROP SIGNATURE.
 */
function parseTrailingClauses(p: Parser, type: DropType): string[] {
  const clauses: string[] = [];
  for (;;) {
    const mark = p.mark();
    if (p.eatWords("WITH", "NO", "DEPENDENTS") || p.eatWords("REMOVE", "PROVIDER", "KEY")) {
      clauses.push(p.textFrom(mark));
    } else if (p.eatWord("AUTHORIZATION")) {
      p.parseName("an owner name");
      clauses.push(p.textFrom(mark));
    } else if (type.form === "signature" && p.eatWord("BY")) {
      p.parseCommaList(() => parseCryptoItem(p));
      clauses.push(p.textFrom(mark));
    } else {
      return clauses;
    }
  }
}

/** CERTIFICATE name | ASYMMETRIC KEY name, optionally WITH PASSWORD = '...'. */
function parseCryptoItem(p: Parser): void {
  if (!p.eatWord("CERTIFICATE")) {
    p.expectWords("ASYMMETRIC", "KEY");
  }
  p.parseIdentifier("a certificate or key name");
  if (p.eatWords("WITH", "PASSWORD")) {
    p.expect(TokenKind.Equals, "'=' after PASSWORD");
    if (!p.eat(TokenKind.String) && !p.eat(TokenKind.NString)) {
      p.fail("a password string");
    }
  }
}
