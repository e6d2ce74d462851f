/**
 * Checks the login and database names a grant script quotes. Quoting
 * makes any name safe in the T-SQL, so these checks reject names SQL
 * Server would reject, names of built-in principals, and characters that
 * would make the script read differently from what it does. Rules from
 * "CREATE LOGIN" and "Database Identifiers" on Microsoft Learn: sysname
 * has at most 128 characters, and a SQL Server login name cannot contain
 * a backslash, which marks a Windows DOMAIN\name.
 */

export type Authentication = "sql" | "windows";

/** Principals of every server and database, which the script must not create or drop. */
const BUILT_IN = new Set(["sa", "public", "guest", "dbo", "sys", "information_schema"]);

/** C0 and C1 control characters, DEL included. */
const CONTROL = /\p{Cc}/u;

/**
 * Characters a reviewer cannot see: Unicode format characters (category
 * Cf: bidirectional overrides and isolates, zero-width spaces and joiners,
 * the byte order mark, ...) and the line and paragraph separators. A
 * bidirectional override in a name can make a comment or a statement of
 * the script display in another order than SQL Server reads it.
 */
const INVISIBLE = /[\p{Cf}\u2028\u2029]/u;

/** Names of the invisible characters most often used to disguise text. */
const INVISIBLE_NAMES: Readonly<Record<number, string>> = {
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or the code point alone for a character without a listed name. */
function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const point = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = INVISIBLE_NAMES[code];
  return name === undefined ? point : `${point} ${name}`;
}

function invalid(kind: string, name: string, why: string, fix: string): RangeError {
  return new RangeError(`invalid ${kind} name ${quoted(name)}: ${why}; ${fix}`);
}

/**
 * Quotes a name for a message with every control and invisible character
 * escaped, so that the message itself cannot be disguised. JSON.stringify
 * escapes only C0 controls, quotes and backslashes.
 */
function quoted(name: string): string {
  return JSON.stringify(name).replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

function checkSysname(kind: string, name: string): void {
  const fix = `choose another ${kind} name`;
  if (name.length === 0) {
    throw invalid(kind, name, "it is empty", fix);
  }
  if (name.length > 128) {
    throw invalid(kind, `${name.slice(0, 40)}…`, `it has ${name.length} characters, more than sysname's 128`, fix);
  }
  const control = CONTROL.exec(name);
  if (control !== null) {
    throw invalid(kind, name, `it contains the control character ${describeCharacter(control[0])}`, fix);
  }
  const invisible = INVISIBLE.exec(name);
  if (invisible !== null) {
    throw invalid(
      kind,
      name,
      `it contains ${describeCharacter(invisible[0])}, an invisible character that can make the ` +
        "script display differently from what it runs",
      `type the ${kind} name again without it`,
    );
  }
  if (name.trim() !== name) {
    throw invalid(kind, name, "it starts or ends with a space", fix);
  }
}

export function validateLoginName(name: string, authentication: Authentication): void {
  checkSysname("login", name);
  const fix = "choose another login name";

  if (BUILT_IN.has(name.toLowerCase()) || name.startsWith("##")) {
    throw invalid("login", name, "it is a built-in principal", fix);
  }
  if (authentication === "sql" && name.includes("\\")) {
    throw invalid("login", name, "a SQL Server login cannot contain a backslash", "give a Windows login as DOMAIN\\name with Windows authentication");
  }
  if (authentication === "windows" && !/^[^\\]+\\[^\\]+$/.test(name)) {
    throw invalid("login", name, "a Windows login is written DOMAIN\\name", "give the domain and the account name");
  }
}

export function validateDatabaseName(name: string): void {
  checkSysname("database", name);
}
