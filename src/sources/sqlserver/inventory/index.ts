/** Every inventory part, in collection and report order. */

import type { InventoryPart } from "./part.js";

export const SERVER_PARTS: readonly InventoryPart[] = [];

export const DATABASE_PARTS: readonly InventoryPart[] = [];
