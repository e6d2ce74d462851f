/**
 * SQL Server errors that tests inject, with the numbers, severities and
 * message texts of the Database Engine events and errors reference on
 * Microsoft Learn (MSSQLSERVER_<number> pages, SQL Server 2022).
 */
import type { ServerMessage } from "./tokens.js";

/** 18456, severity 14: the login or password is wrong. */
export function loginFailed(userName: string): ServerMessage {
  return {
    number: 18456,
    state: 1,
    class: 14,
    message: `Login failed for user '${userName}'.`,
  };
}

/** 4060, severity 11: the database named in the login cannot be opened. */
export function cannotOpenDatabase(database: string): ServerMessage {
  return {
    number: 4060,
    state: 1,
    class: 11,
    message:
      `Cannot open database "${database}" requested by the login. ` +
      `The login failed.`,
  };
}

/** 1205, severity 13: the session was chosen as a deadlock victim. */
export function deadlockVictim(processId = 52): ServerMessage {
  return {
    number: 1205,
    state: 51,
    class: 13,
    message:
      `Transaction (Process ID ${processId}) was deadlocked on lock resources ` +
      `with another process and has been chosen as the deadlock victim. ` +
      `Rerun the transaction.`,
  };
}

/** 229, severity 14: a permission on an object was denied. */
export function permissionDenied(
  permission: string,
  object: string,
  database: string,
  schema: string,
): ServerMessage {
  return {
    number: 229,
    state: 5,
    class: 14,
    message:
      `The ${permission} permission was denied on the object '${object}', ` +
      `database '${database}', schema '${schema}'.`,
  };
}

/** 297, severity 16: the user lacks a permission the statement needs. */
export function noPermissionForAction(): ServerMessage {
  return {
    number: 297,
    state: 1,
    class: 16,
    message: "The user does not have permission to perform this action.",
  };
}

/** 208, severity 16: an object name did not resolve. */
export function invalidObjectName(name: string): ServerMessage {
  return {
    number: 208,
    state: 1,
    class: 16,
    message: `Invalid object name '${name}'.`,
  };
}
