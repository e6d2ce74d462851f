/**
 * Clauses shared by security statements: `NAME = value` options with
 * secrets masked, `ENCRYPTION BY` and `DECRYPTION BY` mechanisms,
 * `PRIVATE KEY (...)` and principal names.
 * Reference: CREATE LOGIN, CREATE CERTIFICATE and CREATE SYMMETRIC KEY
 * (Transact-SQL), SQL Server 2022.
 */

import type { Identifier, OptionValue } from "../../ast/node.js";
import type { KeyEncryption, SecurityOption } from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import { parseOptionValue } from "../options.js";
import type { Mark, Parser } from "../parser.js";
import { SECRET_OPTIONS, skipSecretAssignment } from "./secrets.js";

/** Options written without `= value`. */
const FLAG_OPTIONS = new Set(["NO CREDENTIAL", "UNLOCK", "MUST_CHANGE", "HASHED"]);

/** Words that may follow a password and qualify it. */
const PASSWORD_FLAGS = new Set(["HASHED", "MUST_CHANGE", "UNLOCK"]);

/** Options whose value names a database, schema, language, login or credential. */
const NAME_OPTIONS = new Set([
  "DEFAULT_DATABASE",
  "DEFAULT_SCHEMA",
  "DEFAULT_LANGUAGE",
  "NAME",
  "LOGIN",
  "CREDENTIAL",
]);

/** Option names of more than one word. */
const MULTI_WORD_NAMES: readonly (readonly string[])[] = [
  ["ENCRYPTION", "BY", "PASSWORD"],
  ["DECRYPTION", "BY", "PASSWORD"],
  ["NO", "CREDENTIAL"],
  ["ACTIVE", "FOR", "BEGIN_DIALOG"],
  ["EXECUTABLE", "FILE"],
];

/** Reads one `name = value` option, a flag such as UNLOCK, or a password with its flags. */
export function parseSecurityOption(p: Parser): SecurityOption {
  const mark = p.mark();
  const name = readOptionName(p);

  if (FLAG_OPTIONS.has(name)) {
    return p.finish<SecurityOption>(mark, { kind: "SecurityOption", name });
  }
  if (SECRET_OPTIONS.has(name)) {
    skipSecretAssignment(p, `${name.toLowerCase().replace(/_/g, " ")} value`);
    const flags: string[] = [];
    while (p.isAnyWord(PASSWORD_FLAGS)) {
      flags.push(p.advance().value);
    }
    return p.finish<SecurityOption>(mark, {
      kind: "SecurityOption",
      name,
      secret: true,
      ...(flags.length > 0 ? { flags } : {}),
    });
  }

  p.expect(TokenKind.Equals, `'=' after ${name}`);
  const value = parseValue(p, name);
  return p.finish<SecurityOption>(mark, { kind: "SecurityOption", name, value });
}

/**
 * Reads options separated by commas. ALTER LOGIN also accepts
 * `PASSWORD = '...' OLD_PASSWORD = '...'` without a comma between them.
 */
export function parseSecurityOptionList(p: Parser): SecurityOption[] {
  const options = [parseSecurityOption(p)];
  while (p.eat(TokenKind.Comma) || p.isWord("OLD_PASSWORD")) {
    options.push(parseSecurityOption(p));
  }
  return options;
}

function readOptionName(p: Parser): string {
  for (const words of MULTI_WORD_NAMES) {
    if (p.eatWords(...words)) {
      return words.join(" ");
    }
  }
  if (!p.isKind(TokenKind.Word)) {
    p.fail("an option name");
  }
  return p.advance().value;
}

function parseValue(p: Parser, name: string): OptionValue {
  if (NAME_OPTIONS.has(name) && p.isIdentifier()) {
    return { type: "name", value: p.parseSchemaObjectName() };
  }
  return parseOptionValue(p);
}

/** True when any option carried a password (not another kind of secret). */
export function hasPassword(options: readonly SecurityOption[]): boolean {
  return options.some((option) => option.secret === true && option.name.endsWith("PASSWORD"));
}

/** Reads `PRIVATE KEY ( option [, ...] )`. */
export function parsePrivateKey(p: Parser): SecurityOption[] {
  p.expectWords("PRIVATE", "KEY");
  p.expect(TokenKind.LeftParen, "'(' after PRIVATE KEY");
  const options = p.parseCommaList(() => parseSecurityOption(p));
  p.expect(TokenKind.RightParen, "')' after the private key options");
  return options;
}

/**
 * Reads `{ENCRYPTION | DECRYPTION} BY mechanism [, mechanism ...]`, where
 * a later item may repeat `ENCRYPTION BY`.
 */
export function parseKeyEncryptionList(p: Parser, action?: "ADD" | "DROP"): KeyEncryption[] {
  const mark = p.mark();
  const direction = p.expectOneOf(["ENCRYPTION", "DECRYPTION"]) as KeyEncryption["direction"];
  p.expectWord("BY");
  const encryptions = [parseMechanism(p, mark, direction, action)];

  while (p.eat(TokenKind.Comma)) {
    const itemMark = p.mark();
    if (p.isWord(direction) && p.isWord("BY", 1)) {
      p.pos += 2;
    }
    encryptions.push(parseMechanism(p, itemMark, direction, action));
  }
  return encryptions;
}

/** Reads one mechanism after `ENCRYPTION BY` or `DECRYPTION BY`. */
export function parseMechanism(
  p: Parser,
  mark: Mark,
  direction: KeyEncryption["direction"],
  action?: "ADD" | "DROP",
): KeyEncryption {
  let mechanism: KeyEncryption["mechanism"];
  let name: Identifier | undefined;
  let passwordGiven = false;

  if (p.eatWord("PASSWORD")) {
    mechanism = "PASSWORD";
    skipSecretAssignment(p, "password");
    passwordGiven = true;
  } else if (p.eatWords("SERVICE", "MASTER", "KEY")) {
    mechanism = "SERVICE MASTER KEY";
  } else if (p.eatWords("MASTER", "KEY")) {
    mechanism = "MASTER KEY";
  } else {
    mechanism = parseKeyKind(p);
    name = p.parseIdentifier(`a ${mechanism.toLowerCase()} name`);
    if (mechanism !== "SYMMETRIC KEY" && p.eatWords("WITH", "PASSWORD")) {
      skipSecretAssignment(p, "password");
      passwordGiven = true;
    }
  }

  return p.finish<KeyEncryption>(mark, {
    kind: "KeyEncryption",
    direction,
    ...(action ? { action } : {}),
    mechanism,
    ...(name ? { name } : {}),
    passwordGiven,
  });
}

function parseKeyKind(p: Parser): "CERTIFICATE" | "SYMMETRIC KEY" | "ASYMMETRIC KEY" {
  if (p.eatWord("CERTIFICATE")) {
    return "CERTIFICATE";
  }
  if (p.eatWords("SYMMETRIC", "KEY")) {
    return "SYMMETRIC KEY";
  }
  if (p.eatWords("ASYMMETRIC", "KEY")) {
    return "ASYMMETRIC KEY";
  }
  return p.fail("PASSWORD, CERTIFICATE, SYMMETRIC KEY, ASYMMETRIC KEY or SERVICE MASTER KEY");
}

/**
 * Reads a principal: a login, user or role name. `public` is a reserved
 * word but also the role every user belongs to, so it is accepted unquoted.
 */
export function parsePrincipal(p: Parser): Identifier {
  if (p.isWord("PUBLIC")) {
    return p.parseName();
  }
  return p.parseIdentifier("a principal name");
}
