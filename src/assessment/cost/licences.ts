/**
 * The yearly cost of the SQL Server licences today, by licensing model.
 * Per-core models license every replica's cores rounded up to whole packs,
 * with the book's minimum per instance (4 cores in Microsoft's terms).
 * Perpetual licences are spread over `licenceTermYears`, and Software
 * Assurance adds its yearly share of the licence price.
 */

import type { CostLine, CostSettings, EstateMetrics, MissingFigure, TodayCost } from "./model.js";
import { MONTHS_PER_YEAR, roundCents, sumCents } from "./money.js";
import type { EditionPrices, PriceBook } from "./price-book.js";

/** Editions that need no licence: free, or for development and test only. */
const FREE_EDITIONS = new Set(["developer", "express", "evaluation"]);

/** Computes today's yearly licence cost; adds what is missing to `missing`. */
export function licenceCost(
  book: PriceBook,
  estate: EstateMetrics,
  settings: CostSettings,
  missing: MissingFigure[],
): TodayCost {
  const edition = estate.edition;
  if (edition === undefined) {
    missing.push({
      field: "edition",
      message: "the SQL Server edition is unknown; set cost.estate.edition (enterprise or standard) in the --config file",
    });
    return { lines: [], yearly: null };
  }
  if (FREE_EDITIONS.has(edition)) {
    return { lines: [], yearly: 0 };
  }
  if (edition === "web") {
    missing.push({
      field: "edition",
      message:
        "Web edition is sold only through hosting providers (SPLA), so the price book has no price for it; " +
        "set cost.estate.edition to the edition you would buy",
    });
    return { lines: [], yearly: null };
  }

  const prices = edition === "enterprise" ? book.sqlServer.enterprise : book.sqlServer.standard;
  const label = edition === "enterprise" ? "Enterprise" : "Standard";
  const instances = licensedInstances(estate, settings);
  if (settings.licensing === "serverCal") {
    return serverCalCost(book, edition, label, instances, estate, settings, missing);
  }

  if (estate.cores === undefined) {
    missing.push({
      field: "cores",
      message: "the number of cores is unknown; assess a live server or set cost.estate.cores in the --config file",
    });
    return { lines: [], yearly: null };
  }
  const rules = book.sqlServer.licensingRules;
  const coresPerInstance = Math.max(
    rules.minimumCoresPerInstance,
    Math.ceil(estate.cores / rules.coresPerPack) * rules.coresPerPack,
  );
  const packs = (coresPerInstance / rules.coresPerPack) * instances;
  const lines = perCoreLines(book, prices, label, packs, coresPerInstance * instances, settings);
  return { lines, yearly: sumCents(lines.map((l) => l.yearly)) };
}

/**
 * Instances that need a licence: every replica but the passive ones,
 * which Software Assurance (included in subscriptions and pay-as-you-go)
 * covers with its failover rights.
 */
export function licensedInstances(estate: EstateMetrics, settings: CostSettings): number {
  const replicas = Math.max(1, estate.replicas ?? 1);
  const covered = settings.softwareAssurance || settings.licensing !== "perCore";
  const passive = covered ? Math.min(estate.passiveReplicas ?? 0, replicas - 1) : 0;
  return replicas - passive;
}

function perCoreLines(
  book: PriceBook,
  prices: EditionPrices,
  label: string,
  packs: number,
  cores: number,
  settings: CostSettings,
): CostLine[] {
  const packUnit = `${book.sqlServer.licensingRules.coresPerPack}-core pack`;
  switch (settings.licensing) {
    case "subscription":
      return [line(`${label} subscription`, packs, `${packUnit} year`, prices.subscriptionPerCorePackYear.amount)];
    case "payAsYouGo":
      return [line(`${label} pay-as-you-go`, cores * MONTHS_PER_YEAR, "core-month", prices.payAsYouGoPerCoreMonth.amount)];
    default:
      return perpetualLines(book, `${label} per-core licences`, packs, packUnit, prices.perCorePack.amount, settings);
  }
}

function serverCalCost(
  book: PriceBook,
  edition: string,
  label: string,
  instances: number,
  estate: EstateMetrics,
  settings: CostSettings,
  missing: MissingFigure[],
): TodayCost {
  if (edition !== "standard") {
    missing.push({
      field: "licensing",
      message: `${label} edition is licensed per core only; set cost.estate.licensing to perCore, subscription or payAsYouGo`,
    });
    return { lines: [], yearly: null };
  }
  if (estate.clientAccessLicences === undefined) {
    missing.push({
      field: "clientAccessLicences",
      message: "Server + CAL needs the number of users or devices; set cost.estate.clientAccessLicences in the --config file",
    });
    return { lines: [], yearly: null };
  }

  const prices = book.sqlServer.standard;
  const lines = [
    ...perpetualLines(book, "Standard server licences", instances, "server", prices.serverLicence.amount, settings),
    ...perpetualLines(
      book,
      "Client access licences",
      estate.clientAccessLicences,
      "CAL",
      prices.clientAccessLicence.amount,
      settings,
    ),
  ];
  return { lines, yearly: sumCents(lines.map((l) => l.yearly)) };
}

/** Prices a perpetual licence spread over the term, and its Software Assurance. */
function perpetualLines(
  book: PriceBook,
  item: string,
  units: number,
  unit: string,
  price: number,
  settings: CostSettings,
): CostLine[] {
  const lines = [line(`${item}, spread over ${settings.licenceTermYears} years`, units, unit, price / settings.licenceTermYears)];
  if (settings.softwareAssurance) {
    const share = book.sqlServer.softwareAssuranceYearlyShare.amount;
    lines.push(line(`Software Assurance on ${item.toLowerCase()}`, units, unit, price * share));
  }
  return lines;
}

function line(item: string, units: number, unit: string, unitPrice: number): CostLine {
  return { item, units, unit, unitPrice: roundCents(unitPrice), yearly: roundCents(units * unitPrice) };
}
