/**
 * The configuration part: every server configuration option (sp_configure),
 * with the options that matter to a migration flagged when their running
 * value is not the default.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import { CONFIGURATION_DEFAULTS } from "./configuration-defaults.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf } from "./row-values.js";

// value, value_in_use, minimum and maximum are sql_variant holding int
// ("sys.configurations", Microsoft Learn), converted so every driver reads
// them as numbers.
const CONFIGURATIONS = defineQuery({
  id: "inventory.configurations",
  scope: "server",
  sql: `
SELECT
    c.configuration_id,
    c.name,
    CONVERT(bigint, c.value) AS value,
    CONVERT(bigint, c.value_in_use) AS value_in_use,
    CONVERT(bigint, c.minimum) AS minimum,
    CONVERT(bigint, c.maximum) AS maximum,
    c.is_dynamic,
    c.is_advanced
FROM sys.configurations AS c
ORDER BY c.configuration_id;`,
  reads: ["sys.configurations"],
  // Visible to the public role.
  permission: "CONNECT SQL",
});

export const configurationPart: InventoryPart = {
  name: "configuration",
  title: "Server configuration options",
  scope: "server",
  queries: [CONFIGURATIONS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(CONFIGURATIONS);
    return { items: rows.map(configurationItem) };
  },
};

function configurationItem(row: Row): InventoryItem {
  const name = requiredTextOf(row, "name");
  const value = numberOf(row, "value");
  const valueInUse = numberOf(row, "value_in_use");
  const known = CONFIGURATION_DEFAULTS[name];
  // The configured value, not value_in_use: it is what the server runs
  // with after RECONFIGURE or a restart, and value_in_use can differ from
  // a default the server adjusts itself ('min server memory (MB)' 0 runs
  // as 16 on 64-bit servers).
  const isDefault = known === undefined ? null : value === known.value;
  const flagged = isDefault === false;

  return {
    name,
    value,
    valueInUse,
    minimum: numberOf(row, "minimum"),
    maximum: numberOf(row, "maximum"),
    isDynamic: flagOf(row, "is_dynamic"),
    isAdvanced: flagOf(row, "is_advanced"),
    // Set with sp_configure but not yet applied by RECONFIGURE or a
    // restart, or adjusted by the server itself.
    valueInUseDiffers: value !== valueInUse,
    defaultValue: known?.value ?? null,
    isDefault,
    flagged,
    reason: flagged ? (known?.reason ?? null) : null,
  };
}
