/**
 * Where infio keeps its state (the embedded store, later keys and logs):
 * `--data-dir`, else `INFIO_HOME`, else `%LOCALAPPDATA%\infio` on Windows
 * (local, not roaming: the store is large and per machine) and `~/.infio`
 * elsewhere.
 */

import { posix, win32 } from "node:path";

export interface DataDirInputs {
  readonly flag?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  readonly cwd: string;
}

export function resolveDataDir(inputs: DataDirInputs): string {
  const path = inputs.platform === "win32" ? win32 : posix;
  const chosen = nonEmpty(inputs.flag) ?? nonEmpty(inputs.env.INFIO_HOME);
  if (chosen !== undefined) {
    return path.resolve(inputs.cwd, chosen);
  }

  const localAppData = nonEmpty(inputs.env.LOCALAPPDATA);
  if (inputs.platform === "win32" && localAppData !== undefined) {
    return path.join(localAppData, "infio");
  }
  return path.join(inputs.homedir, ".infio");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
