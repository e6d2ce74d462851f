/**
 * Column definitions of tables and table types: data type or computed
 * expression, then column options and constraints in any order, as SQL
 * Server accepts them. Reference: "CREATE TABLE" <column_definition> and
 * <computed_column_definition> (Transact-SQL), SQL Server 2022.
 */

import type { DataType, Draft, Identifier, OptionNode } from "../../ast/node.js";
import type { Expression } from "../../ast/expressions.js";
import type {
  ColumnDefinition,
  ConstraintDefinition,
  GeneratedAlways,
  IdentityOptions,
  IndexDefinition,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import { parseParenthesizedOptions } from "../options.js";
import type { Parser } from "../parser.js";
import { atConstraint, parseConstraint } from "./constraints.js";
import { parseIndexDefinition } from "./indexes-inline.js";

/** Mutable state of one column while its options are read. */
interface ColumnState {
  persisted: boolean;
  collation?: Identifier;
  identity?: IdentityOptions;
  nullable?: boolean;
  rowGuidCol: boolean;
  sparse: boolean;
  columnSet: boolean;
  fileStream: boolean;
  maskingFunction?: string;
  encryption?: OptionNode[];
  generatedAlways?: GeneratedAlways;
  hidden: boolean;
  constraints: ConstraintDefinition[];
  index?: IndexDefinition;
}

export function parseColumnDefinition(p: Parser): ColumnDefinition {
  const mark = p.mark();
  const name = p.parseIdentifier("a column name");

  let dataType: DataType | undefined;
  let computed: Expression | undefined;
  if (p.eatWord("AS")) {
    computed = parseExpression(p);
  } else if (!p.isKind(TokenKind.Comma) && !p.isKind(TokenKind.RightParen)) {
    dataType = p.parseDataType();
  }

  const state: ColumnState = {
    persisted: false,
    rowGuidCol: false,
    sparse: false,
    columnSet: false,
    fileStream: false,
    hidden: false,
    constraints: [],
  };
  while (parseColumnOption(p, state)) {
    // Each call consumed one option.
  }

  const node = { kind: "ColumnDefinition", name } as Draft<ColumnDefinition>;
  if (dataType) node.dataType = dataType;
  if (computed) node.computed = computed;
  return p.finish<ColumnDefinition>(mark, Object.assign(node, state));
}

/** Reads one column option into `state`; returns false when none follows. */
function parseColumnOption(p: Parser, state: ColumnState): boolean {
  if (atConstraint(p)) {
    const constraint = parseConstraint(p);
    state.constraints.push(constraint);
    if (constraint.kind === "NullableConstraintDefinition") {
      state.nullable = constraint.nullable;
    }
    return true;
  }

  const word = p.wordAt();
  switch (word) {
    case "NULL":
      p.advance();
      state.nullable = true;
      return true;
    case "NOT":
      if (p.isWord("NULL", 1)) {
        p.pos += 2;
        state.nullable = false;
        return true;
      }
      if (p.eatWords("NOT", "FOR", "REPLICATION")) {
        if (state.identity) {
          state.identity = { ...state.identity, notForReplication: true };
        }
        return true;
      }
      return false;
    case "COLLATE":
      p.advance();
      state.collation = p.parseName("a collation name");
      return true;
    case "IDENTITY":
      state.identity = parseIdentity(p);
      return true;
    case "INDEX":
      state.index = parseIndexDefinition(p, false);
      return true;
    case "GENERATED":
      state.generatedAlways = parseGeneratedAlways(p);
      return true;
    case "MASKED":
      p.advance();
      p.expectWord("WITH");
      state.maskingFunction = maskingFunction(parseParenthesizedOptions(p));
      return true;
    case "ENCRYPTED":
      p.advance();
      p.expectWord("WITH");
      state.encryption = parseParenthesizedOptions(p);
      return true;
    case "COLUMN_SET":
      p.advance();
      p.expectWords("FOR", "ALL_SPARSE_COLUMNS");
      state.columnSet = true;
      return true;
  }
  return parseColumnFlag(p, state, word);
}

/** Single-word column properties. */
function parseColumnFlag(p: Parser, state: ColumnState, word: string | undefined): boolean {
  switch (word) {
    case "PERSISTED":
      state.persisted = true;
      break;
    case "ROWGUIDCOL":
      state.rowGuidCol = true;
      break;
    case "SPARSE":
      state.sparse = true;
      break;
    case "FILESTREAM":
      state.fileStream = true;
      break;
    case "HIDDEN":
      state.hidden = true;
      break;
    default:
      return false;
  }
  p.advance();
  return true;
}

/** Returns the FUNCTION option of MASKED WITH (FUNCTION = '...'). */
export function maskingFunction(options: readonly OptionNode[]): string | undefined {
  const option = options.find((o) => o.name === "FUNCTION");
  return option?.value?.type === "string" ? option.value.value : undefined;
}

/** Reads `IDENTITY [(seed, increment)] [NOT FOR REPLICATION]`. */
function parseIdentity(p: Parser): IdentityOptions {
  const mark = p.mark();
  p.expectWord("IDENTITY");
  let seed: Expression | undefined;
  let increment: Expression | undefined;
  if (p.eat(TokenKind.LeftParen)) {
    seed = parseExpression(p);
    p.expect(TokenKind.Comma, "',' between the identity seed and increment");
    increment = parseExpression(p);
    p.expect(TokenKind.RightParen, "')' after the identity increment");
  }
  const notForReplication = p.eatWords("NOT", "FOR", "REPLICATION");
  return p.finish<IdentityOptions>(mark, {
    kind: "IdentityOptions",
    ...(seed ? { seed } : {}),
    ...(increment ? { increment } : {}),
    notForReplication,
  });
}

/**
 * Reads `GENERATED ALWAYS AS {ROW | TRANSACTION_ID | SEQUENCE_NUMBER}
 * {START | END} [HIDDEN]` of temporal (SQL Server 2016) and ledger (SQL
 * Server 2022) tables.
 */
function parseGeneratedAlways(p: Parser): GeneratedAlways {
  p.expectWords("GENERATED", "ALWAYS", "AS");
  const what = p.expectOneOf(["ROW", "TRANSACTION_ID", "SEQUENCE_NUMBER"]);
  const edge = p.expectOneOf(["START", "END"]);
  return `${what} ${edge}` as GeneratedAlways;
}
