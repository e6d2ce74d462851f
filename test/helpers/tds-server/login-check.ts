/**
 * The login rules of the test server: which LOGIN7 messages it accepts.
 */
import type { Login7 } from "./login7.js";
import type { TdsTestServerOptions } from "./model.js";
import { cannotOpenDatabase, loginFailed } from "./server-messages.js";
import type { ServerMessage } from "./tokens.js";

/** Returns the messages that reject the login, or none to accept it. */
export function checkLogin(
  login: Login7,
  options: TdsTestServerOptions,
): ServerMessage[] {
  const { logins, databases } = options;

  // Windows (SSPI) authentication is not implemented, so it fails the way
  // a SQL Server without that login would.
  if (login.integratedSecurity) {
    return [loginFailed(login.userName)];
  }

  const known =
    !logins ||
    logins.some(
      (entry) =>
        entry.userName.toLowerCase() === login.userName.toLowerCase() &&
        entry.password === login.password,
    );

  if (!known) {
    return [loginFailed(login.userName)];
  }

  if (login.database && databases) {
    const exists = databases.some(
      (name) => name.toLowerCase() === login.database.toLowerCase(),
    );

    if (!exists) {
      return [cannotOpenDatabase(login.database), loginFailed(login.userName)];
    }
  }

  return [];
}
