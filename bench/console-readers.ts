/**
 * The simulated readers of the console load benchmark. Each reader runs
 * rounds of four requests: the assessments list, the report page of the
 * seeded assessment, one page of its findings through the findings API
 * with a random filter, and the source view of a finding that an earlier
 * findings page linked to.
 */

import { FINDING_STATUSES } from "../src/assessment/model.js";
import type { ConsoleSession } from "./console-client.js";
import type { RouteStats } from "./console-report.js";

/** Search texts that match feature ids, files, objects or messages of the generated corpus, or nothing. */
const SEARCH_TEXTS: readonly string[] = ["", "", "cursor", "merge", "xml", "usp_Process1", "Item4", "trg_", "no such text"];

/** Page sizes the findings API accepts (at most 200). */
const PAGE_SIZES: readonly number[] = [25, 50, 100, 200];

/** Source links kept for the readers to choose from. */
const MAX_SOURCE_LINKS = 1_000;

export interface ReadTargets {
  readonly assessmentId: string;
  /** Findings of the assessment, which bounds the random page offsets. */
  readonly findingsTotal: number;
  /** Feature groups, as the report page's group select lists them. */
  readonly groups: readonly string[];
  /** Source view links from findings pages, which the readers add to. */
  readonly sourceLinks: string[];
}

export interface ReadStats {
  readonly list: RouteStats;
  readonly report: RouteStats;
  readonly findings: RouteStats;
  readonly source: RouteStats;
}

/** Reads the report page and a first findings page for the groups and source links to request. */
export async function findReadTargets(
  session: ConsoleSession,
  assessmentId: string,
  findingsTotal: number,
): Promise<ReadTargets> {
  const id = encodeURIComponent(assessmentId);
  const report = await session.expect(200, "GET", `/assessments/${id}`);
  const select = /<select name="group">([\s\S]*?)<\/select>/.exec(report.body)?.[1] ?? "";
  const groups = [...select.matchAll(/<option value="([^"]+)"/g)].map((match) => decodeEntities(match[1]!));

  const page = await session.expect(200, "GET", `/api/assessments/${id}/findings?limit=200`);
  const sourceLinks = (JSON.parse(page.body) as FindingsPage).findings.map((finding) => finding.href);
  if (sourceLinks.length === 0) {
    throw new Error(`assessment ${assessmentId} has no findings to open in the source view`);
  }
  return { assessmentId, findingsTotal, groups, sourceLinks };
}

/**
 * Reads rounds as `session` until `keepReading` returns false, recording
 * each request in `stats`. Errors are recorded and reading goes on, as a
 * user would reload. `seed` makes the random choices repeatable.
 */
export async function readLoop(
  session: ConsoleSession,
  targets: ReadTargets,
  stats: ReadStats,
  seed: number,
  keepReading: () => boolean,
): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const id = encodeURIComponent(targets.assessmentId);

  while (keepReading()) {
    await read(session, stats.list, "/assessments");
    await read(session, stats.report, `/assessments/${id}`);

    const limit = pick(PAGE_SIZES);
    const query = new URLSearchParams({
      status: pick(["", "", ...FINDING_STATUSES]),
      group: random() < 0.5 ? "" : pick(targets.groups),
      q: pick(SEARCH_TEXTS),
      offset: String(pick(offsetsOf(targets.findingsTotal, limit))),
      limit: String(limit),
    });
    const page = await read(session, stats.findings, `/api/assessments/${id}/findings?${query.toString()}`);
    if (page !== undefined) {
      keepSourceLink(targets.sourceLinks, page, stats.findings, random);
    }

    await read(session, stats.source, pick(targets.sourceLinks));
  }
}

interface FindingsPage {
  readonly total: number;
  readonly findings: readonly { readonly href: string }[];
}

/**
 * Returns the offsets of the first pages of `limit` findings, at most 20.
 * A filter usually matches fewer findings, so some offsets are past its
 * end and return an empty page, as a stale link would.
 */
function offsetsOf(total: number, limit: number): number[] {
  const pages = Math.max(1, Math.min(20, Math.ceil(total / limit)));
  return Array.from({ length: pages }, (_, i) => i * limit);
}

/** Sends a GET, records it in `stats`, and returns the body when the status was 200. */
async function read(session: ConsoleSession, stats: RouteStats, path: string): Promise<string | undefined> {
  try {
    const response = await session.send("GET", path);
    const ok = response.status === 200;
    stats.record(response.ms, ok ? undefined : `HTTP ${response.status} for ${path}`);
    return ok ? response.body : undefined;
  } catch (error) {
    stats.record(undefined, `${error instanceof Error ? error.message : String(error)} for ${path}`);
    return undefined;
  }
}

/** Adds one link of the findings page to the pool, replacing a random one once it is full. */
function keepSourceLink(links: string[], body: string, stats: RouteStats, random: () => number): void {
  let page: FindingsPage;
  try {
    page = JSON.parse(body) as FindingsPage;
  } catch {
    stats.recordInvalid("the findings API returned invalid JSON");
    return;
  }

  if (page.findings.length === 0) {
    return;
  }
  const href = page.findings[Math.floor(random() * page.findings.length)]!.href;
  if (links.length < MAX_SOURCE_LINKS) {
    links.push(href);
  } else {
    links[Math.floor(random() * links.length)] = href;
  }
}

/** Returns a repeatable generator of numbers in [0, 1) (xorshift32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
