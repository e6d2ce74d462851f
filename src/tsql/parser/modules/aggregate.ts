/**
 * CREATE AGGREGATE: a user-defined aggregate implemented in a CLR assembly.
 * Reference: CREATE AGGREGATE (Transact-SQL), SQL Server 2022.
 */

import type { CreateAggregateStatement } from "../../ast/modules.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseExternalName } from "./module-parts.js";
import { parseParenthesizedParameters } from "./parameters.js";

/** `AGGREGATE name (@p type [, ...]) RETURNS type EXTERNAL NAME assembly[.class]`. */
export function parseAggregate(p: Parser, context: StatementContext): CreateAggregateStatement {
  if (context.orAlter) {
    p.fail("CREATE AGGREGATE without OR ALTER, which SQL Server does not accept for aggregates");
  }
  p.expectWord("AGGREGATE");
  const name = p.parseSchemaObjectName("an aggregate name");
  const parameters = parseParenthesizedParameters(p);
  p.expectWord("RETURNS");
  const returnType = p.parseDataType();
  const externalName = parseExternalName(p);

  return p.finish<CreateAggregateStatement>(context.mark, {
    kind: "CreateAggregateStatement",
    name,
    parameters,
    returnType,
    externalName,
  });
}
