/**
 * Cursor definitions: the options and the query of DECLARE ... CURSOR and
 * of `SET @c = CURSOR ...`. Reference: "DECLARE CURSOR (Transact-SQL)",
 * SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { CursorDefinition } from "../../ast/procedural.js";
import type { WithClause } from "../../ast/query.js";
import type { Mark, Parser } from "../parser.js";
import { parseOptionClause, parseQueryExpression, parseWithClause } from "../select.js";

/** Options of the Transact-SQL extended syntax, written after CURSOR. */
const CURSOR_OPTIONS: ReadonlySet<string> = new Set([
  "LOCAL",
  "GLOBAL",
  "FORWARD_ONLY",
  "SCROLL",
  "STATIC",
  "KEYSET",
  "DYNAMIC",
  "FAST_FORWARD",
  "READ_ONLY",
  "SCROLL_LOCKS",
  "OPTIMISTIC",
  "TYPE_WARNING",
]);

/** Options of the ISO syntax, written before CURSOR. */
const ISO_OPTIONS: ReadonlySet<string> = new Set(["INSENSITIVE", "SCROLL"]);

/** Reads the ISO words INSENSITIVE and SCROLL that may precede CURSOR. */
export function parseIsoCursorOptions(p: Parser): string[] {
  const options: string[] = [];
  while (p.isAnyWord(ISO_OPTIONS)) {
    options.push(p.advance().value);
  }
  return options;
}

/**
 * Reads `CURSOR [options] FOR query [FOR READ ONLY | FOR UPDATE [OF ...]]`.
 * `isoOptions` are the words that preceded CURSOR. `mark` is where the
 * definition starts, at CURSOR or at the first ISO word.
 */
export function parseCursorDefinition(
  p: Parser,
  mark: Mark,
  isoOptions: readonly string[] = [],
): CursorDefinition {
  p.expectWord("CURSOR");
  const options = [...isoOptions];
  while (p.isAnyWord(CURSOR_OPTIONS)) {
    options.push(p.advance().value);
  }
  p.expectWord("FOR");

  let withClause: WithClause | undefined;
  if (p.isWord("WITH")) {
    withClause = parseWithClause(p);
  }
  const query = parseQueryExpression(p);
  const hints = parseOptionClause(p);

  let forClause: CursorDefinition["forClause"];
  let updateColumns: Identifier[] | undefined;
  if (p.eatWords("FOR", "READ", "ONLY")) {
    forClause = "READ ONLY";
  } else if (p.eatWords("FOR", "UPDATE")) {
    forClause = "UPDATE";
    if (p.eatWord("OF")) {
      updateColumns = p.parseCommaList(() => p.parseIdentifier("a column name after OF"));
    }
  }

  return p.finish<CursorDefinition>(mark, {
    kind: "CursorDefinition",
    options,
    iso: isoOptions.length > 0,
    ...(withClause ? { with: withClause } : {}),
    query,
    hints,
    ...(forClause ? { forClause } : {}),
    ...(updateColumns ? { updateColumns } : {}),
  });
}
