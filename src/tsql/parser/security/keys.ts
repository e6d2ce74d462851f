/**
 * Certificates, symmetric keys and asymmetric keys: CREATE and ALTER share
 * their clauses, so one loop reads them in any order.
 * Reference: CREATE CERTIFICATE, ALTER CERTIFICATE, BACKUP CERTIFICATE,
 * CREATE SYMMETRIC KEY, ALTER SYMMETRIC KEY, OPEN SYMMETRIC KEY, CLOSE
 * SYMMETRIC KEY, CREATE ASYMMETRIC KEY and ALTER ASYMMETRIC KEY
 * (Transact-SQL), SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type {
  BackupCertificateStatement,
  CloseSymmetricKeyStatement,
  KeyEncryption,
  KeyStatement,
  OpenSymmetricKeyStatement,
  SecurityOption,
} from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import {
  hasPassword,
  parseKeyEncryptionList,
  parseMechanism,
  parsePrincipal,
  parsePrivateKey,
  parseSecurityOption,
} from "./security-options.js";
import { appendAll } from "../../../util/arrays.js";

type KeyType = "CERTIFICATE" | "SYMMETRIC KEY" | "ASYMMETRIC KEY";

const KINDS: Record<KeyType, [KeyStatement["kind"], KeyStatement["kind"]]> = {
  CERTIFICATE: ["CreateCertificateStatement", "AlterCertificateStatement"],
  "SYMMETRIC KEY": ["CreateSymmetricKeyStatement", "AlterSymmetricKeyStatement"],
  "ASYMMETRIC KEY": ["CreateAsymmetricKeyStatement", "AlterAsymmetricKeyStatement"],
};

interface KeyClauses {
  owner?: Identifier;
  options: SecurityOption[];
  encryptions: KeyEncryption[];
  privateKey: SecurityOption[];
  removePrivateKey: boolean;
}

/** `{CERTIFICATE | SYMMETRIC KEY | ASYMMETRIC KEY} name clauses`, from the type words on. */
export function parseKey(p: Parser, context: StatementContext, keyType: KeyType, isAlter: boolean): KeyStatement {
  p.expectWords(...keyType.split(" "));
  const name = p.parseIdentifier(`a ${keyType.toLowerCase()} name`);
  const clauses = parseKeyClauses(p);

  const passwordGiven =
    hasPassword(clauses.options) ||
    hasPassword(clauses.privateKey) ||
    clauses.encryptions.some((encryption) => encryption.passwordGiven);
  return p.finish<KeyStatement>(context.mark, {
    kind: KINDS[keyType][isAlter ? 1 : 0],
    name,
    ...clauses,
    passwordGiven,
  });
}

/**
 * Reads AUTHORIZATION, FROM source, WITH options and PRIVATE KEY,
 * [ADD | DROP] ENCRYPTION BY, REMOVE PRIVATE KEY and ACTIVE FOR
 * BEGIN_DIALOG until none follows.
 */
function parseKeyClauses(p: Parser): KeyClauses {
  const clauses: KeyClauses = { options: [], encryptions: [], privateKey: [], removePrivateKey: false };

  for (;;) {
    if (p.eatWord("AUTHORIZATION")) {
      clauses.owner = parsePrincipal(p);
    } else if (p.eatWord("FROM")) {
      clauses.options.push(parseKeySource(p));
    } else if (startsWithList(p)) {
      p.advance();
      parseWithList(p, clauses);
    } else if (p.isWord("ENCRYPTION")) {
      appendAll(clauses.encryptions, parseKeyEncryptionList(p));
    } else if ((p.isWord("ADD") || p.isWord("DROP")) && p.isWord("ENCRYPTION", 1)) {
      const action = p.advance().value as "ADD" | "DROP";
      appendAll(clauses.encryptions, parseKeyEncryptionList(p, action));
    } else if (p.eatWords("REMOVE", "PRIVATE", "KEY")) {
      clauses.removePrivateKey = true;
    } else if (p.isWords("ACTIVE", "FOR")) {
      clauses.options.push(parseSecurityOption(p));
    } else {
      return clauses;
    }
  }
}

/** WITH that opens options or PRIVATE KEY, not a common table expression of the next statement. */
function startsWithList(p: Parser): boolean {
  return p.isWord("WITH") && (p.isWords("WITH", "PRIVATE", "KEY") || p.isKind(TokenKind.Equals, 2) || p.isWords("WITH", "ACTIVE"));
}

/** `ASSEMBLY a`, `PROVIDER p`, or `[EXECUTABLE] FILE = 'path'` and `BINARY = 0x...`. */
function parseKeySource(p: Parser): SecurityOption {
  const mark = p.mark();
  if (p.isWord("ASSEMBLY") || p.isWord("PROVIDER")) {
    const name = p.advance().value;
    const value = p.parseSchemaObjectName(`a ${name.toLowerCase()} name`);
    return p.finish<SecurityOption>(mark, { kind: "SecurityOption", name, value: { type: "name", value } });
  }
  return parseSecurityOption(p);
}

/** Items after WITH: options and `PRIVATE KEY (...)`, separated by commas. */
function parseWithList(p: Parser, clauses: KeyClauses): void {
  do {
    if (p.isWords("PRIVATE", "KEY")) {
      appendAll(clauses.privateKey, parsePrivateKey(p));
    } else {
      clauses.options.push(parseSecurityOption(p));
    }
  } while (p.eat(TokenKind.Comma) && !p.isWord("ENCRYPTION"));
}

/** `BACKUP CERTIFICATE name TO {FILE | URL} = '...' [WITH [FORMAT = 'PFX',] PRIVATE KEY (...)]`. */
export function parseBackupCertificate(p: Parser, context: StatementContext): BackupCertificateStatement {
  p.expectWords("BACKUP", "CERTIFICATE");
  const name = p.parseIdentifier("a certificate name");
  p.expectWord("TO");
  const options = [parseSecurityOption(p)];
  const privateKey: SecurityOption[] = [];
  if (p.eatWord("WITH")) {
    do {
      if (p.isWords("PRIVATE", "KEY")) {
        appendAll(privateKey, parsePrivateKey(p));
      } else {
        options.push(parseSecurityOption(p));
      }
    } while (p.eat(TokenKind.Comma));
  }

  return p.finish<BackupCertificateStatement>(context.mark, {
    kind: "BackupCertificateStatement",
    name,
    options,
    privateKey,
    passwordGiven: hasPassword(privateKey),
  });
}

/** `OPEN SYMMETRIC KEY name DECRYPTION BY mechanism`. */
export function parseOpenSymmetricKey(p: Parser, context: StatementContext): OpenSymmetricKeyStatement {
  p.expectWords("OPEN", "SYMMETRIC", "KEY");
  const name = p.parseIdentifier("a symmetric key name");
  const mark = p.mark();
  p.expectWords("DECRYPTION", "BY");
  const decryption = parseMechanism(p, mark, "DECRYPTION");

  return p.finish<OpenSymmetricKeyStatement>(context.mark, {
    kind: "OpenSymmetricKeyStatement",
    name,
    decryption,
  });
}

/** `CLOSE SYMMETRIC KEY name` or `CLOSE ALL SYMMETRIC KEYS`. */
export function parseCloseSymmetricKey(p: Parser, context: StatementContext): CloseSymmetricKeyStatement {
  p.expectWord("CLOSE");
  if (p.eatWords("ALL", "SYMMETRIC", "KEYS")) {
    return p.finish<CloseSymmetricKeyStatement>(context.mark, { kind: "CloseSymmetricKeyStatement", all: true });
  }
  p.expectWords("SYMMETRIC", "KEY");
  const name = p.parseIdentifier("a symmetric key name");
  return p.finish<CloseSymmetricKeyStatement>(context.mark, {
    kind: "CloseSymmetricKeyStatement",
    name,
    all: false,
  });
}
