/**
 * Clauses shared by tables, constraints and indexes: key column lists,
 * `ON filegroup | scheme (column) | "default"`, FILESTREAM_ON and WITH
 * option lists. Reference: "CREATE TABLE" and "CREATE INDEX"
 * (Transact-SQL), SQL Server 2022.
 */

import type { Identifier, OptionNode, OptionValue } from "../../ast/node.js";
import type {
  FileGroupOrPartitionScheme,
  IndexColumn,
  IndexStorage,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseOption, parseOptionValue, parseParenthesizedOptions } from "../options.js";
import type { Parser } from "../parser.js";

/** Reads `( column [ASC | DESC] [, ...] )`. */
export function parseIndexColumns(p: Parser): IndexColumn[] {
  p.expect(TokenKind.LeftParen, "'(' before the key columns");
  const columns = p.parseCommaList(() => {
    const mark = p.mark();
    const name = p.parseIdentifier("a column name");
    let direction: "ASC" | "DESC" | undefined;
    if (p.isWord("ASC") || p.isWord("DESC")) {
      direction = p.advance().value as "ASC" | "DESC";
    }
    return p.finish<IndexColumn>(mark, {
      kind: "IndexColumn",
      name,
      ...(direction ? { direction } : {}),
    });
  });
  p.expect(TokenKind.RightParen, "')' after the key columns");
  return columns;
}

/** Reads `( column [, ...] )`. */
export function parseColumnList(p: Parser): Identifier[] {
  p.expect(TokenKind.LeftParen, "'(' before the column list");
  const columns = p.parseCommaList(() => p.parseIdentifier("a column name"));
  p.expect(TokenKind.RightParen, "')' after the column list");
  return columns;
}

/**
 * Reads a filegroup or partition scheme after ON, TEXTIMAGE_ON or
 * FILESTREAM_ON. `"default"` is a string when QUOTED_IDENTIFIER is OFF,
 * and SQL Server also accepts the bare words DEFAULT and PRIMARY here.
 */
export function parseFileGroupOrPartitionScheme(p: Parser): FileGroupOrPartitionScheme {
  const mark = p.mark();
  let name: Identifier;
  if (p.isKind(TokenKind.String)) {
    p.advance();
    name = p.finish<Identifier>(mark, { kind: "Identifier", value: p.peek(-1).value, quote: "double" });
  } else {
    name = p.parseName("a filegroup or partition scheme");
  }

  let partitionColumns: Identifier[] | undefined;
  if (p.isKind(TokenKind.LeftParen)) {
    partitionColumns = parseColumnList(p);
  }
  return p.finish<FileGroupOrPartitionScheme>(mark, {
    kind: "FileGroupOrPartitionScheme",
    name,
    ...(partitionColumns ? { partitionColumns } : {}),
  });
}

/**
 * Options that may follow a comma in a WITH list without parentheses: the
 * pre-2005 index options and the statistics options. Any other word after
 * the comma belongs to the enclosing list, as in
 * `UNIQUE (a) WITH FILLFACTOR = 70, CONSTRAINT ...`. A word followed by
 * a name on the same line is a column definition, as in `, Online bit`.
 */
const UNPARENTHESIZED_OPTIONS: ReadonlySet<string> = new Set([
  "PAD_INDEX", "FILLFACTOR", "IGNORE_DUP_KEY", "DROP_EXISTING", "STATISTICS_NORECOMPUTE",
  "SORT_IN_TEMPDB", "ONLINE", "MAXDOP", "FULLSCAN", "SAMPLE", "RESAMPLE", "NORECOMPUTE",
  "INCREMENTAL", "ALL", "COLUMNS", "INDEX", "STATS_STREAM", "ROWCOUNT", "PAGECOUNT",
  "PERSIST_SAMPLE_PERCENT", "AUTO_DROP",
]);

/**
 * Reads one option of the old form. These are flags or `name = value`, so
 * in `WITH DROP_EXISTING ON fg` the ON starts the filegroup, not a value.
 */
function parseUnparenthesizedOption(p: Parser): OptionNode {
  if (p.isKind(TokenKind.Word) && p.isWord("ON", 1) && !p.isWord("PARTITIONS", 2)) {
    const mark = p.mark();
    const name = p.advance().value;
    return p.finish<OptionNode>(mark, { kind: "Option", name });
  }
  return parseStorageOption(p);
}

function continuesOptions(p: Parser): boolean {
  if (!p.isAnyWord(UNPARENTHESIZED_OPTIONS, 1)) {
    return false;
  }
  const next = p.peek(2);
  if (next.kind === TokenKind.QuotedIdentifier) {
    return false;
  }
  return next.kind !== TokenKind.Word || next.value === "ON" || p.afterNewline(2);
}

/**
 * Reads the options after WITH: a parenthesised list, or the pre-2005
 * form without parentheses (`WITH FILLFACTOR = 80, PAD_INDEX`) that SQL
 * Server 2022 still accepts for backward compatibility.
 */
export function parseWithOptions(p: Parser): OptionNode[] {
  if (!p.eat(TokenKind.LeftParen)) {
    const options = [parseUnparenthesizedOption(p)];
    while (p.isKind(TokenKind.Comma) && continuesOptions(p)) {
      p.advance();
      options.push(parseUnparenthesizedOption(p));
    }
    return options;
  }
  if (p.eat(TokenKind.RightParen)) {
    return [];
  }
  const options = p.parseCommaList(() => parseStorageOption(p));
  p.expect(TokenKind.RightParen, "')' to close the option list");
  return options;
}

/**
 * Reads one option, with the `ON PARTITIONS (1, 3 TO 5)` suffix of
 * DATA_COMPRESSION, XML_COMPRESSION and RESAMPLE kept as a nested option
 * named ON PARTITIONS.
 */
export function parseStorageOption(p: Parser): OptionNode {
  const mark = p.mark();
  if (p.isWords("RESAMPLE", "ON", "PARTITIONS")) {
    p.advance();
    const partitions = parseOnPartitions(p);
    return p.finish<OptionNode>(mark, { kind: "Option", name: "RESAMPLE", options: [partitions] });
  }

  // `MOVE TO filegroup | scheme (column)` of ALTER TABLE ... DROP CONSTRAINT.
  if (p.eatWords("MOVE", "TO")) {
    const value = parseOptionValue(p);
    const options = p.isKind(TokenKind.LeftParen) ? parseParenthesizedOptions(p) : undefined;
    return p.finish<OptionNode>(mark, { kind: "Option", name: "MOVE TO", value, ...(options ? { options } : {}) });
  }

  // `BOUNDING_BOX = (XMIN = 0, ...)` and `GRIDS = (LEVEL_1 = LOW, ...)`
  // of spatial indexes: the generic option reader keeps only value lists.
  if (
    p.isKind(TokenKind.Word) &&
    p.isKind(TokenKind.Equals, 1) &&
    p.isKind(TokenKind.LeftParen, 2) &&
    p.isKind(TokenKind.Word, 3) &&
    p.isKind(TokenKind.Equals, 4)
  ) {
    const name = p.advance().value;
    p.advance();
    const options = parseParenthesizedOptions(p);
    return p.finish<OptionNode>(mark, { kind: "Option", name, options });
  }

  const option = parseOption(p);
  if (!p.isWords("ON", "PARTITIONS")) {
    return option;
  }
  const partitions = parseOnPartitions(p);
  return p.finish<OptionNode>(mark, { ...option, options: [...(option.options ?? []), partitions] });
}

/** Reads `ON PARTITIONS ( n | n TO m [, ...] )`. */
function parseOnPartitions(p: Parser): OptionNode {
  const mark = p.mark();
  p.expectWords("ON", "PARTITIONS");
  p.expect(TokenKind.LeftParen, "'(' before the partition numbers");
  const values = p.parseCommaList((): OptionValue => {
    const low = p.expect(TokenKind.Integer, "a partition number").text;
    if (!p.eatWord("TO")) {
      return { type: "number", value: low };
    }
    const high = p.expect(TokenKind.Integer, "a partition number after TO").text;
    return { type: "word", value: `${low} TO ${high}` };
  });
  p.expect(TokenKind.RightParen, "')' after the partition numbers");
  return p.finish<OptionNode>(mark, { kind: "Option", name: "ON PARTITIONS", value: { type: "list", values } });
}

/**
 * Reads the storage tail of an index or constraint in any order:
 * `WITH options`, `ON location` and `FILESTREAM_ON location`. With
 * `allowOn` false, ON is left alone (a FOREIGN KEY's ON DELETE follows).
 */
export function parseIndexStorage(p: Parser, allowOn = true): IndexStorage {
  let options: OptionNode[] = [];
  let on: FileGroupOrPartitionScheme | undefined;
  let fileStreamOn: FileGroupOrPartitionScheme | undefined;

  for (;;) {
    if (startsWithOptions(p)) {
      p.advance();
      options = [...options, ...parseWithOptions(p)];
    } else if (allowOn && on === undefined && p.isWord("ON") && !p.isWord("DELETE", 1) && !p.isWord("UPDATE", 1)) {
      p.advance();
      on = parseFileGroupOrPartitionScheme(p);
    } else if (fileStreamOn === undefined && p.eatWord("FILESTREAM_ON")) {
      fileStreamOn = parseFileGroupOrPartitionScheme(p);
    } else {
      break;
    }
  }

  return { options, ...(on ? { on } : {}), ...(fileStreamOn ? { fileStreamOn } : {}) };
}

/**
 * True at a WITH that opens index options rather than WITH VALUES, WITH
 * CHECK or a common table expression of the next statement
 * (`WITH name AS (...)` or `WITH name (columns) AS (...)`).
 */
function startsWithOptions(p: Parser): boolean {
  if (!p.isWord("WITH")) {
    return false;
  }
  if (p.isKind(TokenKind.LeftParen, 1)) {
    return true;
  }
  const next = p.wordAt(1);
  if (next === undefined || next === "VALUES" || next === "CHECK" || next === "NOCHECK") {
    return false;
  }
  return !p.isWord("AS", 2) && !p.isKind(TokenKind.LeftParen, 2);
}
