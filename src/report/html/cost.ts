/**
 * The "Cost" section: the yearly cost of the SQL Server estate today
 * against each target option, the effort cost and the payback period,
 * with the price book's name, date, currency and sources. Every text
 * comes from the stored section and is escaped, because an edited price
 * book or a config file can hold any text.
 */

import type { CostLine, CostSection, EstateMetrics, TargetCost } from "../../assessment/cost/model.js";
import { escapeClipped } from "./escape.js";
import type { HtmlLimits } from "./limits.js";

/** Estate fields in display order, with their labels. */
const ESTATE_LABELS: readonly [keyof EstateMetrics, string][] = [
  ["edition", "Edition"],
  ["version", "Version"],
  ["cores", "Licensed cores per instance"],
  ["vCpus", "Logical processors"],
  ["memoryGiB", "Memory (GiB)"],
  ["storageGiB", "Data (GiB)"],
  ["replicas", "Replicas"],
  ["passiveReplicas", "Passive replicas"],
  ["clientAccessLicences", "Client access licences"],
  ["ioMillionsPerMonth", "I/O requests per month (millions)"],
  ["cpuPeakPercent", "Peak processor use (%)"],
  ["memoryUsedGiB", "Memory used (GiB)"],
];

export function renderCost(cost: CostSection, limits: HtmlLimits): string {
  const text = (value: string) => escapeClipped(value, limits.textChars);
  const money = moneyFormatter(cost.priceBook.currency);
  const book = cost.priceBook;

  return [
    `<section id="cost"><h2>Cost</h2>`,
    `<p class="lead">Prices from the price book ${text(`'${book.name}'`)} of ` +
      `${text(book.asOf)}, in ${text(book.currency)}, for ${text(book.region)} ` +
      `(${book.origin === "shipped" ? "shipped with infio" : `file ${text(book.origin)}`}). ` +
      `List and on-demand prices: an estimate to compare options, not a quote.</p>`,
    missingList(cost, text),
    estateTable(cost, text),
    `<h3>Yearly cost today</h3>`,
    cost.today.lines.length === 0 && cost.today.yearly === 0
      ? `<p>This edition needs no licence.</p>`
      : linesTable(cost.today.lines, cost.today.yearly, money, text),
    `<h3>Target options</h3>`,
    sizingText(cost, text),
    targetsTable(cost, money, text),
    ...cost.targets.map((t) => targetDetails(t, money, text)),
    `<h3>Migration effort</h3>`,
    `<p>${hours(cost.inputs.effortHours.low)} to ${hours(cost.inputs.effortHours.high)} hours at ` +
      `${money(cost.settings.dayRate)} a day of ${cost.settings.hoursPerDay} hours: ` +
      `${money(cost.effortCost.low)} to ${money(cost.effortCost.high)}.</p>`,
    sourcesList(cost, text),
    `</section>`,
  ].join("\n");
}

function missingList(cost: CostSection, text: (value: string) => string): string {
  if (cost.missing.length === 0) {
    return "";
  }
  const items = cost.missing.map((m) => `<li>${text(m.message)}</li>`).join("\n");
  return `<h3>Missing figures</h3><ul>\n${items}\n</ul>`;
}

function estateTable(cost: CostSection, text: (value: string) => string): string {
  const rows = ESTATE_LABELS.filter(([field]) => cost.inputs.estate[field] !== undefined).map(([field, label]) => {
    const source = cost.inputs.estateSources[field] ?? "";
    return `<tr><td>${label}</td><td>${text(String(cost.inputs.estate[field]))}</td><td>${text(source)}</td></tr>`;
  });
  const s = cost.settings;
  rows.push(
    `<tr><td>Licensing</td><td>${text(s.licensing)}${s.softwareAssurance ? ", with Software Assurance" : ""}` +
      `</td><td>settings</td></tr>`,
  );
  return (
    `<h3>Estate</h3><table class="counts"><thead><tr><th>Figure</th><th>Value</th><th>From</th></tr></thead>` +
    `<tbody>\n${rows.join("\n")}\n</tbody></table>`
  );
}

function sizingText(cost: CostSection, text: (value: string) => string): string {
  if (cost.sizing === null) {
    return `<p>The targets are not sized: the processor count or the memory is unknown.</p>`;
  }
  return (
    `<p>Each replica gets one instance with at least ${cost.sizing.vCpus} vCPUs and ` +
    `${cost.sizing.memoryGiB} GiB (${text(cost.sizing.rule)}); the cheapest such class is chosen.</p>`
  );
}

function targetsTable(cost: CostSection, money: (n: number) => string, text: (value: string) => string): string {
  const rows = cost.targets.map((t) => {
    const payback =
      t.paybackMonths === null ? "none" : `${t.paybackMonths.low} to ${t.paybackMonths.high} months`;
    return (
      `<tr><td>${text(t.title)}</td><td>${t.instanceClass === undefined ? "" : text(t.instanceClass.name)}` +
      `${t.fits ? "" : " (too small)"}</td><td class="num">${t.instances}</td>` +
      `<td class="num">${optionalMoney(t.yearly, money)}</td>` +
      `<td class="num">${optionalMoney(t.yearlySaving, money)}</td><td>${payback}</td></tr>`
    );
  });
  return (
    `<table class="counts"><thead><tr><th>Option</th><th>Instance class</th><th>Instances</th>` +
    `<th>Yearly cost</th><th>Yearly saving</th><th>Payback</th></tr></thead>` +
    `<tbody>\n${rows.join("\n")}\n</tbody></table>`
  );
}

function targetDetails(t: TargetCost, money: (n: number) => string, text: (value: string) => string): string {
  const notes = t.notes.map((n) => `<li>${text(n)}</li>`).join("");
  return (
    `<details><summary>${text(t.title)}</summary>` +
    linesTable(t.lines, t.yearly, money, text) +
    (notes === "" ? "" : `<ul>${notes}</ul>`) +
    `</details>`
  );
}

function linesTable(
  lines: readonly CostLine[],
  yearly: number | null,
  money: (n: number) => string,
  text: (value: string) => string,
): string {
  const rows = lines.map(
    (l) =>
      `<tr><td>${text(l.item)}</td><td class="num">${l.units.toLocaleString("en-US")}</td>` +
      `<td>${text(l.unit)}</td><td class="num">${money(l.unitPrice)}</td><td class="num">${money(l.yearly)}</td></tr>`,
  );
  rows.push(
    `<tr><th colspan="4">Yearly total</th><th class="num">${optionalMoney(yearly, money)}</th></tr>`,
  );
  return (
    `<table class="counts"><thead><tr><th>Item</th><th>Units</th><th>Unit</th><th>Unit price</th>` +
    `<th>Per year</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`
  );
}

function sourcesList(cost: CostSection, text: (value: string) => string): string {
  const items = cost.priceBook.sources.map((s) => `<li>${text(s)}</li>`).join("\n");
  return (
    `<h3>Price sources</h3><p><small>Each price in the book names one of these pages and the date it was ` +
    `read; 'infio price-book' writes the book with every note.</small></p><ul>\n${items}\n</ul>`
  );
}

function optionalMoney(value: number | null, money: (n: number) => string): string {
  return value === null ? "unknown" : money(value);
}

function hours(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/**
 * Formats amounts with the currency code: whole amounts without decimals,
 * others with two to four, because hourly prices such as 0.0816 need four.
 */
function moneyFormatter(currency: string): (amount: number) => string {
  return (amount) => {
    const minimumFractionDigits = Number.isInteger(amount) ? 0 : 2;
    const number = amount.toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits: 4 });
    return `${escapeClipped(currency, 8)} ${number}`;
  };
}
