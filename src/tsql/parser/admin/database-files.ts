/**
 * Database files and filegroups, shared by CREATE DATABASE and ALTER
 * DATABASE. Reference: "CREATE DATABASE" and "ALTER DATABASE File and
 * Filegroup Options", SQL Server 2022.
 */

import type { FileDeclaration, FileGroupDefinition } from "../../ast/admin.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import { parseParenthesizedAdminOptions } from "./admin-options.js";
import { appendAll } from "../../../util/arrays.js";

/** Reads `( NAME = n, FILENAME = 'path', SIZE = s, MAXSIZE = m, FILEGROWTH = g )`. */
export function parseFileDeclaration(p: Parser): FileDeclaration {
  const mark = p.mark();
  const options = parseParenthesizedAdminOptions(p);
  const logicalName = optionText(options, "NAME");
  const fileName = optionText(options, "FILENAME");
  return p.finish<FileDeclaration>(mark, {
    kind: "FileDeclaration",
    options,
    ...(logicalName === undefined ? {} : { logicalName }),
    ...(fileName === undefined ? {} : { fileName }),
  });
}

export function parseFileDeclarationList(p: Parser): FileDeclaration[] {
  return p.parseCommaList(() => parseFileDeclaration(p));
}

/** Returns the value of a string or name option, such as NAME or FILENAME, as written. */
function optionText(options: readonly OptionNode[], name: string): string | undefined {
  const value = options.find((option) => option.name === name)?.value;
  if (value === undefined) {
    return undefined;
  }
  switch (value.type) {
    case "string":
      return value.value;
    case "name":
      return value.value.name.value;
    case "word":
      return value.value;
    default:
      return undefined;
  }
}

/** Reads `CONTAINS FILESTREAM` or `CONTAINS MEMORY_OPTIMIZED_DATA` when it comes next. */
export function parseContains(p: Parser): "FILESTREAM" | "MEMORY_OPTIMIZED_DATA" | undefined {
  if (!p.eatWord("CONTAINS")) {
    return undefined;
  }
  return p.expectOneOf(["FILESTREAM", "MEMORY_OPTIMIZED_DATA"]) as "FILESTREAM" | "MEMORY_OPTIMIZED_DATA";
}

/**
 * Reads the data files after `ON`: `[PRIMARY] filespec, ... [, FILEGROUP fg
 * [CONTAINS ...] [DEFAULT] filespec, ...] ...`. Files before the first
 * FILEGROUP belong to the primary filegroup, which has no name.
 */
export function parseDataFileGroups(p: Parser): FileGroupDefinition[] {
  const groups: FileGroupDefinition[] = [];
  const primaryMark = p.mark();
  p.eatWord("PRIMARY");
  const primaryFiles: FileDeclaration[] = [];

  if (p.isKind(TokenKind.LeftParen)) {
    appendAll(primaryFiles, parseFileList(p));
    groups.push(
      p.finish<FileGroupDefinition>(primaryMark, {
        kind: "FileGroupDefinition",
        isDefault: false,
        files: primaryFiles,
      }),
    );
    if (!p.eat(TokenKind.Comma)) {
      return groups;
    }
  }

  do {
    groups.push(parseFileGroupDefinition(p));
  } while (p.eat(TokenKind.Comma));
  return groups;
}

/** Reads files up to a comma that is followed by FILEGROUP rather than `(`. */
function parseFileList(p: Parser): FileDeclaration[] {
  const files = [parseFileDeclaration(p)];
  while (p.isKind(TokenKind.Comma) && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    files.push(parseFileDeclaration(p));
  }
  return files;
}

function parseFileGroupDefinition(p: Parser): FileGroupDefinition {
  const mark = p.mark();
  p.expectWord("FILEGROUP");
  const name: Identifier = p.parseName("a filegroup name");
  let contains = parseContains(p);
  const isDefault = p.eatWord("DEFAULT");
  contains ??= parseContains(p);

  const files = parseFileList(p);
  return p.finish<FileGroupDefinition>(mark, {
    kind: "FileGroupDefinition",
    name,
    ...(contains ? { contains } : {}),
    isDefault,
    files,
  });
}
