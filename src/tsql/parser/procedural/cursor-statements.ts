/**
 * OPEN, FETCH, CLOSE and DEALLOCATE. Reference: "Cursors (Transact-SQL)",
 * SQL Server 2022.
 */

import type { Expression, VariableReference } from "../../ast/expressions.js";
import type {
  CloseCursorStatement,
  CursorReference,
  DeallocateCursorStatement,
  FetchCursorStatement,
  FetchOrientation,
  OpenCursorStatement,
} from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { appendAll } from "../../../util/arrays.js";

const ORIENTATIONS: readonly FetchOrientation[] = ["NEXT", "PRIOR", "FIRST", "LAST", "ABSOLUTE", "RELATIVE"];

/**
 * Reads `[GLOBAL] cursor_name` or `@cursor_variable`. GLOBAL alone is the
 * name of a cursor, as SQL Server reads it.
 */
export function parseCursorReference(p: Parser): CursorReference {
  const mark = p.mark();
  const t = p.token;
  if (t.kind === TokenKind.Variable) {
    p.advance();
    return p.finish<CursorReference>(mark, { kind: "CursorReference", variable: t.text, global: false });
  }

  const global = p.isWord("GLOBAL") && p.isIdentifier(1);
  if (global) {
    p.advance();
  }
  const name = p.parseIdentifier("a cursor name or @cursor_variable");
  return p.finish<CursorReference>(mark, { kind: "CursorReference", name, global });
}

export function parseOpenCursor(p: Parser, context: StatementContext): OpenCursorStatement {
  p.expectWord("OPEN");
  const cursor = parseCursorReference(p);
  return p.finish<OpenCursorStatement>(context.mark, { kind: "OpenCursorStatement", cursor });
}

export function parseCloseCursor(p: Parser, context: StatementContext): CloseCursorStatement {
  p.expectWord("CLOSE");
  const cursor = parseCursorReference(p);
  return p.finish<CloseCursorStatement>(context.mark, { kind: "CloseCursorStatement", cursor });
}

export function parseDeallocateCursor(p: Parser, context: StatementContext): DeallocateCursorStatement {
  p.expectWord("DEALLOCATE");
  const cursor = parseCursorReference(p);
  return p.finish<DeallocateCursorStatement>(context.mark, { kind: "DeallocateCursorStatement", cursor });
}

/**
 * `FETCH [[NEXT | PRIOR | FIRST | LAST | ABSOLUTE n | RELATIVE n] FROM]
 * cursor [INTO @a, ...]`. A missing FROM after the orientation is accepted.
 */
export function parseFetchCursor(p: Parser, context: StatementContext): FetchCursorStatement {
  p.expectWord("FETCH");

  let orientation: FetchOrientation | undefined;
  let offset: Expression | undefined;
  if (startsOrientation(p)) {
    orientation = p.expectOneOf(ORIENTATIONS) as FetchOrientation;
    if (orientation === "ABSOLUTE" || orientation === "RELATIVE") {
      offset = parseArithmetic(p);
    }
  }
  if (orientation !== undefined || p.isWord("FROM")) {
    p.eatWord("FROM");
  }

  const cursor = parseCursorReference(p);
  const into: VariableReference[] = [];
  if (p.eatWord("INTO")) {
    appendAll(into, p.parseCommaList(() => parseVariable(p)));
  }

  return p.finish<FetchCursorStatement>(context.mark, {
    kind: "FetchCursorStatement",
    ...(orientation ? { orientation } : {}),
    ...(offset ? { offset } : {}),
    cursor,
    into,
  });
}

/**
 * True when the word after FETCH is an orientation rather than a cursor
 * name. A word other than an orientation directly before FROM is
 * reported there, so `FETCH BACKWARD FROM c` names what was expected.
 */
function startsOrientation(p: Parser): boolean {
  const word = p.wordAt();
  if (word === undefined || word === "FROM") {
    return false;
  }
  if (p.isWord("FROM", 1)) {
    return true;
  }
  if (!(ORIENTATIONS as readonly string[]).includes(word)) {
    return false;
  }
  if (word === "ABSOLUTE" || word === "RELATIVE") {
    return !p.isWord("INTO", 1) && !p.isKind(TokenKind.Semicolon, 1) && !p.isKind(TokenKind.EndOfInput, 1);
  }
  // `FETCH NEXT c`: a cursor name or variable follows the orientation.
  return p.isIdentifier(1) || p.isKind(TokenKind.Variable, 1);
}

export function parseVariable(p: Parser, expected = "a @variable"): VariableReference {
  const mark = p.mark();
  const t = p.token;
  if (t.kind !== TokenKind.Variable) {
    p.fail(expected);
  }
  p.advance();
  return p.finish<VariableReference>(mark, { kind: "VariableReference", name: t.text });
}
