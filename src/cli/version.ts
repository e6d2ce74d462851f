/** infio's version, read from package.json once. */

import { readFileSync } from "node:fs";

let cached: string | undefined;

export function infioVersion(): string {
  if (cached === undefined) {
    // From dist/src/cli/ the package root is three folders up.
    const url = new URL("../../../package.json", import.meta.url);
    const json = JSON.parse(readFileSync(url, "utf8")) as { version?: unknown };
    cached = typeof json.version === "string" ? json.version : "0.0.0";
  }
  return cached;
}
