/** The form of a console user name. */

const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * Checks a new user name; returns what is wrong with it, or undefined.
 * Names are 1 to 64 ASCII letters, digits and `. _ @ -`, starting with a
 * letter or digit, so that they read the same in logs, the audit log and
 * pages, and cannot pass for another name.
 */
export function checkUserName(name: string): string | undefined {
  if (USER_NAME.test(name)) {
    return undefined;
  }
  return (
    `invalid user name '${name}': use 1 to 64 letters, digits, '.', '_', '@' ` +
    "or '-', starting with a letter or digit"
  );
}
