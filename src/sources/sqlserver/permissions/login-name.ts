/**
 * Checks the login and database names a grant script quotes. Quoting
 * makes any name safe in the T-SQL, so these checks reject only names SQL
 * Server would reject and names of built-in principals. Rules from
 * "CREATE LOGIN" and "Database Identifiers" on Microsoft Learn: sysname
 * has at most 128 characters, and a SQL Server login name cannot contain
 * a backslash, which marks a Windows DOMAIN\name.
 */

export type Authentication = "sql" | "windows";

/** Principals of every server and database, which the script must not create or drop. */
const BUILT_IN = new Set(["sa", "public", "guest", "dbo", "sys", "information_schema"]);

const CONTROL = /[\u0000-\u001f\u007f]/;

function invalid(kind: string, name: string, why: string, fix: string): RangeError {
  return new RangeError(`invalid ${kind} name ${JSON.stringify(name)}: ${why}; ${fix}`);
}

function checkSysname(kind: string, name: string): void {
  const fix = `choose another ${kind} name`;
  if (name.length === 0) {
    throw invalid(kind, name, "it is empty", fix);
  }
  if (name.length > 128) {
    throw invalid(kind, `${name.slice(0, 40)}…`, `it has ${name.length} characters, more than sysname's 128`, fix);
  }
  if (CONTROL.test(name)) {
    throw invalid(kind, name, "it contains a control character", fix);
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
