import { test } from "node:test";
import assert from "node:assert/strict";

import { costOf, targetOf } from "./round-book.js";

/** Two replicas of 4 logical processors and 32 GiB, 100 GiB of data, 10 million I/O requests a month. */
const ESTATE = {
  edition: "enterprise",
  cores: 6,
  vCpus: 4,
  memoryGiB: 32,
  storageGiB: 100,
  replicas: 2,
  passiveReplicas: 0,
  ioMillionsPerMonth: 10,
} as const;

test("Aurora Standard: instances, cluster storage and I/O", () => {
  const aurora = targetOf(costOf(ESTATE), "aurora-standard");

  assert.deepEqual(aurora.instanceClass, { name: "a.medium", vCpus: 4, memoryGiB: 32 });
  assert.equal(aurora.fits, true);
  assert.equal(aurora.instances, 2);
  assert.deepEqual(aurora.lines, [
    { item: "Aurora instances (writer and readers)", units: 17520, unit: "instance-hour", unitPrice: 2, yearly: 35040 },
    { item: "Aurora cluster storage", units: 1200, unit: "GiB-month", unitPrice: 0.1, yearly: 120 },
    { item: "Aurora I/O requests", units: 120, unit: "million requests", unitPrice: 0.2, yearly: 24 },
  ]);
  assert.equal(aurora.yearly, 35184);
});

test("Aurora I/O-Optimized: instance factor, no I/O", () => {
  const aurora = targetOf(costOf(ESTATE), "aurora-io-optimized");

  assert.deepEqual(
    aurora.lines.map((l) => [l.item, l.unitPrice, l.yearly]),
    [
      ["Aurora instances (writer and readers)", 3, 52560],
      ["Aurora cluster storage", 0.2, 240],
    ],
  );
  assert.equal(aurora.yearly, 52800);
});

test("RDS class choice needs memory too", () => {
  const rds = targetOf(costOf(ESTATE), "rds-postgresql");

  // r.medium has 4 vCPUs but 16 GiB; r.large fits but costs more.
  assert.equal(rds.instanceClass?.name, "r.mem");
});

test("RDS Multi-AZ for two replicas", () => {
  const rds = targetOf(costOf(ESTATE), "rds-postgresql");

  assert.deepEqual(
    rds.lines.map((l) => [l.item, l.units, l.unitPrice, l.yearly]),
    [
      ["RDS Multi-AZ deployment (primary and standby)", 8760, 3, 26280],
      ["RDS gp3 storage, Multi-AZ", 1200, 0.2, 240],
    ],
  );
  assert.equal(rds.yearly, 26520);
});

test("RDS read replica beyond the pair", () => {
  const rds = targetOf(costOf({ ...ESTATE, replicas: 3 }), "rds-postgresql");

  assert.deepEqual(
    rds.lines.map((l) => [l.item, l.yearly]),
    [
      ["RDS Multi-AZ deployment (primary and standby)", 26280],
      ["RDS read replicas", 13140],
      ["RDS gp3 storage, Multi-AZ", 240],
      ["RDS gp3 storage of read replicas", 120],
    ],
  );
  assert.equal(rds.yearly, 39780);
});

test("RDS Single-AZ for one replica", () => {
  const rds = targetOf(costOf({ ...ESTATE, replicas: 1 }), "rds-postgresql");

  assert.deepEqual(
    rds.lines.map((l) => [l.item, l.yearly]),
    [
      ["RDS instance, Single-AZ", 13140],
      ["RDS gp3 storage", 120],
    ],
  );
  assert.equal(rds.yearly, 13260);
});

test("EC2: a VM and a volume per replica", () => {
  const ec2 = targetOf(costOf(ESTATE), "postgresql-ec2");

  assert.equal(ec2.instanceClass?.name, "e.medium");
  assert.deepEqual(
    ec2.lines.map((l) => [l.item, l.units, l.yearly]),
    [
      ["EC2 instances", 17520, 13140],
      ["EBS gp3 volumes", 2400, 120],
    ],
  );
  assert.equal(ec2.yearly, 13260);
});

test("class too small: largest priced, fits false", () => {
  const cost = costOf({ ...ESTATE, memoryGiB: 128 });
  const aurora = targetOf(cost, "aurora-standard");

  assert.equal(aurora.instanceClass?.name, "a.large");
  assert.equal(aurora.fits, false);
  assert.ok(aurora.notes.some((n) => n.includes("a.large")));
});

test("peak processor use right-sizes the target", () => {
  const cost = costOf({ ...ESTATE, vCpus: 8, memoryGiB: 16, cpuPeakPercent: 35 });

  // 8 processors at 35% need 2.8 at full use, 4 at the 70% aim.
  assert.equal(cost.sizing?.vCpus, 4);
  assert.equal(targetOf(cost, "aurora-standard").instanceClass?.name, "a.medium");
});

test("measured memory replaces the server's", () => {
  const cost = costOf({ ...ESTATE, memoryGiB: 64, memoryUsedGiB: 16 });

  assert.equal(cost.sizing?.memoryGiB, 16);
  assert.equal(targetOf(cost, "postgresql-ec2").instanceClass?.name, "e.medium");
});

test("saving and payback against today", () => {
  const cost = costOf(ESTATE);
  const ec2 = targetOf(cost, "postgresql-ec2");

  assert.equal(cost.today.yearly, 21000);
  assert.equal(ec2.yearlySaving, 7740);
  // 1,000 and 2,500 over 645 a month: 1.55 and 3.88, rounded up to tenths.
  assert.deepEqual(ec2.paybackMonths, { low: 1.6, high: 3.9 });
});

test("no payback when the target costs more", () => {
  const cost = costOf(ESTATE);
  const ioOptimized = targetOf(cost, "aurora-io-optimized");

  assert.equal(ioOptimized.yearlySaving, -31800);
  assert.equal(ioOptimized.paybackMonths, null);
});

test("effort cost is hours times day rate", () => {
  const cost = costOf(ESTATE, {}, { low: 10, high: 25 });

  assert.deepEqual(cost.effortCost, { low: 1000, high: 2500 });
});

test("configured day rate replaces the book's", () => {
  const cost = costOf(ESTATE, { dayRate: 1200, hoursPerDay: 6 }, { low: 3, high: 7.5 });

  assert.deepEqual(cost.effortCost, { low: 600, high: 1500 });
  assert.equal(cost.settings.dayRate, 1200);
});

test("unknown I/O leaves Aurora Standard open", () => {
  const { ioMillionsPerMonth: _, ...withoutIo } = ESTATE;
  const cost = costOf(withoutIo);

  assert.equal(targetOf(cost, "aurora-standard").yearly, null);
  assert.equal(targetOf(cost, "aurora-io-optimized").yearly, 52800);
  assert.ok(cost.missing.some((m) => m.field === "ioMillionsPerMonth"));
});

test("scripts without an estate list the missing figures", () => {
  const cost = costOf({});

  assert.equal(cost.today.yearly, null);
  assert.equal(cost.sizing, null);
  assert.ok(cost.targets.every((t) => t.yearly === null && t.instances === 0));
  assert.deepEqual(
    cost.missing.map((m) => m.field),
    ["edition", "vCpus", "memoryGiB", "storageGiB", "ioMillionsPerMonth"],
  );
  for (const m of cost.missing) {
    assert.match(m.message, /cost\.estate\./, `no fix in: ${m.message}`);
  }
  assert.deepEqual(cost.effortCost, { low: 1000, high: 2500 });
});
