/** Paths of the application-code fixtures, which stay in the source tree because tsc does not compile them. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
export const FIXTURES = join(REPO, "test", "sources", "app-code", "fixtures");
export const SHOP = join(FIXTURES, "shop");

export function readShop(relative: string): string {
  return readFileSync(join(SHOP, ...relative.split("/")), "utf8");
}
