import assert from "node:assert/strict";
import { test } from "node:test";

import { serviceBrokerPart } from "../../../../src/sources/sqlserver/inventory/service-broker.js";
import { assertNoSecrets, itemNamed, runPart } from "./part-runner.js";

test("service-broker lists the user objects of each kind", async () => {
  const { items } = await runPart(serviceBrokerPart);

  assert.deepEqual(
    items.map((item) => [item["type"], item["name"]]),
    [
      ["queue", "integration.OutboundInitiatorQueue"],
      ["queue", "integration.OutboundTargetQueue"],
      ["service", "//kestrel/integration/OutboundSender"],
      ["service", "//kestrel/integration/WebhookDispatcher"],
      ["contract", "//kestrel/integration/OutboundContract"],
      ["message-type", "//kestrel/integration/DeliveryReceipt"],
      ["message-type", "//kestrel/integration/OutboundEvents"],
      ["message-type", "//kestrel/integration/Ping"],
      ["route", "WebhookDispatcherRoute"],
    ],
  );
  assertNoSecrets(items);
});

test("service-broker queue item shows internal activation", async () => {
  const { items } = await runPart(serviceBrokerPart);

  assert.deepEqual(itemNamed(items, "integration.OutboundInitiatorQueue"), {
    database: "KestrelColdChain",
    type: "queue",
    name: "integration.OutboundInitiatorQueue",
    receiveEnabled: true,
    enqueueEnabled: true,
    activationEnabled: true,
    activationProcedure: "[KestrelColdChain].[integration].[usp_OnInitiatorQueue]",
    maxReaders: 2,
    retention: false,
    poisonMessageHandling: true,
  });
});

test("service-broker service, contract and route details", async () => {
  const { items } = await runPart(serviceBrokerPart);

  const dispatcher = itemNamed(items, "//kestrel/integration/WebhookDispatcher");
  assert.equal(dispatcher["queue"], "integration.OutboundTargetQueue");
  assert.equal(dispatcher["contracts"], 1);
  assert.equal(itemNamed(items, "//kestrel/integration/OutboundContract")["messageTypes"], 3);
  assert.equal(itemNamed(items, "//kestrel/integration/Ping")["validation"], "EMPTY");
  assert.equal(itemNamed(items, "WebhookDispatcherRoute")["address"], "LOCAL");
});

test("service-broker has no items in a database without it", async () => {
  const { items } = await runPart(serviceBrokerPart, { database: "Archive" });

  assert.deepEqual(items, []);
});
