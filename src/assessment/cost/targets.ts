/**
 * The yearly cost of each target option: Babelfish on Aurora PostgreSQL
 * (Aurora Standard and I/O-Optimized), PostgreSQL on Amazon RDS, and
 * PostgreSQL on EC2 virtual machines. Each replica of the estate gets one
 * instance of the chosen class; storage and I/O are priced as each
 * service bills them. No target needs a database licence.
 */

import type { CostLine, EstateMetrics, MissingFigure, TargetCost, TargetOptionId, TargetSizing } from "./model.js";
import { HOURS_PER_YEAR, MONTHS_PER_YEAR, roundCents, sumCents } from "./money.js";
import type { InstanceClassPrice, PriceBook } from "./price-book.js";

/**
 * Processor use a right-sized target aims at when a peak is known:
 * 70% leaves room for growth and for the slower first weeks on a new engine.
 */
export const TARGET_CPU_PERCENT = 70;

/** The smallest instance class a target is sized to, in vCPUs. */
const MINIMUM_VCPUS = 2;

/**
 * Derives the target size from the estate; null when the processor count
 * or the memory is unknown.
 */
export function targetSizing(estate: EstateMetrics, missing: MissingFigure[]): TargetSizing | null {
  const vCpus = estate.vCpus ?? estate.cores;
  const memory = estate.memoryUsedGiB ?? estate.memoryGiB;
  if (vCpus === undefined) {
    missing.push({
      field: "vCpus",
      message: "the processor count is unknown; assess a live server or set cost.estate.cores in the --config file",
    });
  }
  if (memory === undefined) {
    missing.push({
      field: "memoryGiB",
      message: "the memory size is unknown; assess a live server or set cost.estate.memoryGiB in the --config file",
    });
  }
  if (vCpus === undefined || memory === undefined) {
    return null;
  }

  if (estate.cpuPeakPercent === undefined) {
    return {
      vCpus: Math.max(MINIMUM_VCPUS, vCpus),
      memoryGiB: memory,
      rule: "like for like: as many vCPUs as the server's logical processors and as much memory as it has",
    };
  }
  // The tolerance keeps binary error such as 4.000000000000001 from adding a vCPU.
  const needed = Math.ceil((vCpus * estate.cpuPeakPercent) / TARGET_CPU_PERCENT - 1e-9);
  return {
    vCpus: Math.max(MINIMUM_VCPUS, needed),
    memoryGiB: memory,
    rule:
      `right-sized: ${vCpus} logical processors at a ${estate.cpuPeakPercent}% peak, ` +
      `for ${TARGET_CPU_PERCENT}% use on the target`,
  };
}

/**
 * Chooses the class with the lowest hourly price among those with at least
 * the vCPUs and memory. Ties go to fewer vCPUs, then to the name. When no
 * class is large enough, the largest is chosen and `fits` is false.
 */
export function chooseClass(
  classes: readonly InstanceClassPrice[],
  sizing: TargetSizing,
): { readonly chosen: InstanceClassPrice; readonly fits: boolean } {
  const fitting = classes
    .filter((c) => c.vCpus >= sizing.vCpus && c.memoryGiB >= sizing.memoryGiB)
    .sort((a, b) => a.perHour.amount - b.perHour.amount || a.vCpus - b.vCpus || a.name.localeCompare(b.name));
  if (fitting.length > 0) {
    return { chosen: fitting[0]!, fits: true };
  }
  const largest = [...classes].sort(
    (a, b) => b.vCpus - a.vCpus || b.memoryGiB - a.memoryGiB || a.name.localeCompare(b.name),
  );
  return { chosen: largest[0]!, fits: false };
}

/** Computes every target option; `todayYearly` and `effortCost` give the savings and payback. */
export function targetCosts(
  book: PriceBook,
  estate: EstateMetrics,
  sizing: TargetSizing | null,
  missing: MissingFigure[],
): Omit<TargetCost, "yearlySaving" | "paybackMonths">[] {
  if (estate.storageGiB === undefined) {
    missing.push({
      field: "storageGiB",
      message: "the data size is unknown; assess a live server or set cost.estate.storageGiB in the --config file",
    });
  }
  if (estate.ioMillionsPerMonth === undefined) {
    missing.push({
      field: "ioMillionsPerMonth",
      message:
        "storage I/O requests are unknown, so Aurora Standard has no I/O cost; set cost.estate.ioMillionsPerMonth " +
        "(millions of requests per month, for example from the server's disk reads and writes)",
    });
  }

  const replicas = Math.max(1, estate.replicas ?? 1);
  return [
    option("aurora-standard", "Babelfish for Aurora PostgreSQL, Aurora Standard", book.aurora.instanceClasses, sizing, (c) =>
      auroraLines(c.perHour.amount, replicas, estate, book.aurora.storagePerGiBMonth.amount, book.aurora.ioPerMillionRequests.amount),
    ),
    option("aurora-io-optimized", "Babelfish for Aurora PostgreSQL, Aurora I/O-Optimized", book.aurora.instanceClasses, sizing, (c) =>
      auroraLines(
        c.perHour.amount * book.aurora.ioOptimized.instancePriceFactor.amount,
        replicas,
        estate,
        book.aurora.ioOptimized.storagePerGiBMonth.amount,
        undefined,
      ),
    ),
    option("rds-postgresql", "PostgreSQL on Amazon RDS", book.rdsPostgresql.instanceClasses, sizing, (c) =>
      rdsLines(book, c.perHour.amount, replicas, estate),
    ),
    option("postgresql-ec2", "PostgreSQL on Amazon EC2 virtual machines", book.ec2.instanceClasses, sizing, (c) =>
      perInstanceLines("EC2 instances", "EBS gp3 volumes", c.perHour.amount, replicas, estate.storageGiB, book.ec2.storagePerGiBMonth.amount),
    ),
  ];
}

interface PricedLines {
  readonly lines: CostLine[];
  /** False when a figure the option needs is missing. */
  readonly complete: boolean;
  readonly notes: string[];
}

function option(
  id: TargetOptionId,
  title: string,
  classes: readonly InstanceClassPrice[],
  sizing: TargetSizing | null,
  price: (chosen: InstanceClassPrice) => PricedLines & { readonly instances: number },
): Omit<TargetCost, "yearlySaving" | "paybackMonths"> {
  if (sizing === null) {
    return { id, title, fits: true, instances: 0, lines: [], yearly: null, notes: ["not sized: the processor count or memory is unknown"] };
  }

  const { chosen, fits } = chooseClass(classes, sizing);
  const priced = price(chosen);
  const notes = [...priced.notes];
  if (!fits) {
    notes.push(
      `no instance class in the price book has ${sizing.vCpus} vCPUs and ${sizing.memoryGiB} GiB; ` +
        `priced with the largest, ${chosen.name}`,
    );
  }
  return {
    id,
    title,
    instanceClass: { name: chosen.name, vCpus: chosen.vCpus, memoryGiB: chosen.memoryGiB },
    fits,
    instances: priced.instances,
    lines: priced.lines,
    yearly: priced.complete ? sumCents(priced.lines.map((l) => l.yearly)) : null,
    notes,
  };
}

/** Aurora bills each instance, and the cluster volume once, whatever the number of instances. */
function auroraLines(
  perHour: number,
  replicas: number,
  estate: EstateMetrics,
  storagePrice: number,
  ioPrice: number | undefined,
): PricedLines & { readonly instances: number } {
  const lines = [line("Aurora instances (writer and readers)", replicas * HOURS_PER_YEAR, "instance-hour", perHour)];
  const notes: string[] = [];
  let complete = true;
  if (estate.storageGiB === undefined) {
    complete = false;
  } else {
    lines.push(line("Aurora cluster storage", estate.storageGiB * MONTHS_PER_YEAR, "GiB-month", storagePrice));
  }
  if (ioPrice !== undefined) {
    if (estate.ioMillionsPerMonth === undefined) {
      complete = false;
      notes.push("no I/O cost: the I/O requests per month are unknown");
    } else {
      lines.push(line("Aurora I/O requests", estate.ioMillionsPerMonth * MONTHS_PER_YEAR, "million requests", ioPrice));
    }
  }
  return { lines, complete, notes, instances: replicas };
}

/**
 * Prices RDS: a single replica is a Single-AZ instance. Two or more make a Multi-AZ
 * deployment (primary and standby, both instance and storage at the
 * book's Multi-AZ factor), and each further replica is a read replica with
 * its own storage.
 */
function rdsLines(
  book: PriceBook,
  perHour: number,
  replicas: number,
  estate: EstateMetrics,
): PricedLines & { readonly instances: number } {
  const storagePrice = book.rdsPostgresql.storagePerGiBMonth.amount;
  if (replicas === 1) {
    return perInstanceLines("RDS instance, Single-AZ", "RDS gp3 storage", perHour, 1, estate.storageGiB, storagePrice);
  }

  const factor = book.rdsPostgresql.multiAzFactor.amount;
  const lines = [line("RDS Multi-AZ deployment (primary and standby)", HOURS_PER_YEAR, "deployment-hour", perHour * factor)];
  const readReplicas = replicas - 2;
  if (readReplicas > 0) {
    lines.push(line("RDS read replicas", readReplicas * HOURS_PER_YEAR, "instance-hour", perHour));
  }
  if (estate.storageGiB === undefined) {
    return { lines, complete: false, notes: [], instances: replicas };
  }
  lines.push(line("RDS gp3 storage, Multi-AZ", estate.storageGiB * MONTHS_PER_YEAR, "GiB-month", storagePrice * factor));
  if (readReplicas > 0) {
    lines.push(line("RDS gp3 storage of read replicas", readReplicas * estate.storageGiB * MONTHS_PER_YEAR, "GiB-month", storagePrice));
  }
  return { lines, complete: true, notes: [], instances: replicas };
}

/** Instances that each have their own copy of the data. */
function perInstanceLines(
  instanceItem: string,
  storageItem: string,
  perHour: number,
  instances: number,
  storageGiB: number | undefined,
  storagePrice: number,
): PricedLines & { readonly instances: number } {
  const lines = [line(instanceItem, instances * HOURS_PER_YEAR, "instance-hour", perHour)];
  if (storageGiB === undefined) {
    return { lines, complete: false, notes: [], instances };
  }
  lines.push(line(storageItem, instances * storageGiB * MONTHS_PER_YEAR, "GiB-month", storagePrice));
  return { lines, complete: true, notes: [], instances };
}

function line(item: string, units: number, unit: string, unitPrice: number): CostLine {
  // Units of hours and months are whole or tenths, so rounding them only trims binary error.
  const exactUnits = Math.round(units * 1000) / 1000;
  return { item, units: exactUnits, unit, unitPrice: roundPrice(unitPrice), yearly: roundCents(units * unitPrice) };
}

/** Unit prices keep up to four decimals, because hourly prices such as 0.0816 need them. */
function roundPrice(price: number): number {
  return Math.round(price * 10000 + 1e-7) / 10000;
}
