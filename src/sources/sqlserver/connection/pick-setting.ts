import { ConnectionSettingsError } from "./settings-error.js";

/**
 * Takes a setting that may come from an option or from the connection
 * string. When both give it, they must agree, so that a connection never
 * goes to a server or as a user that one of them did not name.
 */
export function pickSetting<T>(
  option: string,
  fromOption: T | undefined,
  keyword: string,
  fromString: T | undefined,
  equal: (a: T, b: T) => boolean = (a, b) => a === b,
  show: (value: T) => string = String,
): T | undefined {
  if (fromOption !== undefined && fromString !== undefined && !equal(fromOption, fromString)) {
    throw new ConnectionSettingsError(
      option,
      `${option} '${show(fromOption)}' differs from ${keyword}=${show(fromString)} in --connection-string; ` +
        "give the setting once",
    );
  }
  return fromOption ?? fromString;
}
