import assert from "node:assert/strict";
import { test } from "node:test";

import { endpointsPart } from "../../../../src/sources/sqlserver/inventory/endpoints.js";
import { assertNoSecrets, itemNamed, runPart } from "./part-runner.js";

test("endpoints lists the T-SQL endpoints and the mirroring endpoint", async () => {
  const { items } = await runPart(endpointsPart);

  assert.deepEqual(
    items.map((item) => [item["name"], item["endpointType"], item["protocol"], item["state"]]),
    [
      ["Dedicated Admin Connection", "TSQL", "TCP", "STARTED"],
      ["TSQL Local Machine", "TSQL", "SHARED_MEMORY", "STARTED"],
      ["TSQL Named Pipes", "TSQL", "NAMED_PIPES", "STARTED"],
      ["TSQL Default TCP", "TSQL", "TCP", "STARTED"],
      ["TSQL Default VIA", "TSQL", "VIA", "STARTED"],
      ["Hadr_endpoint", "DATABASE_MIRRORING", "TCP", "STARTED"],
    ],
  );
  assertNoSecrets(items);
});

test("endpoints item of the availability group endpoint", async () => {
  const { items } = await runPart(endpointsPart);

  assert.deepEqual(itemNamed(items, "Hadr_endpoint"), {
    name: "Hadr_endpoint",
    endpointType: "DATABASE_MIRRORING",
    protocol: "TCP",
    state: "STARTED",
    port: 5022,
    dynamicPort: false,
    ipAddress: null,
    mirroringRole: "ALL",
    authentication: "NEGOTIATE",
    encryption: "AES",
    messageForwarding: null,
    isAdminEndpoint: false,
  });
  assert.equal(itemNamed(items, "TSQL Named Pipes")["port"], null);
  assert.equal(itemNamed(items, "Dedicated Admin Connection")["isAdminEndpoint"], true);
});
