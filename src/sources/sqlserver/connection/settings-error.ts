/**
 * An invalid connection option or connection-string keyword. The message
 * quotes the bad value (never a password) and names what to pass instead,
 * so the command line can report it as invalid usage.
 */
export class ConnectionSettingsError extends Error {
  override readonly name = "ConnectionSettingsError";
  /** The option or keyword at fault, e.g. `--server` or `Encrypt`. */
  readonly option: string;

  constructor(option: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.option = option;
  }
}
