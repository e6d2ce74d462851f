/**
 * Assessments that the console's read pages have loaded, kept in memory so
 * that each request does not read and decrypt the whole assessment again,
 * and the store's listing, kept briefly for access checks.
 *
 * Loaded assessments are evicted least recently used first once the
 * findings they contain pass a budget, but the newest one is always kept.
 * Concurrent requests for one assessment share one load. A purge or a run
 * of this process invalidates what it changes at once. A change made by
 * another process (the CLI's `infio purge`) shows once the listing is older
 * than its maximum age: a refreshed listing drops the assessments it no
 * longer lists as complete.
 */

import type { Assessment } from "../../assessment/model.js";
import type { AssessmentListing, Store } from "../../store/store.js";

/** Findings held in memory across loaded assessments, by default. */
export const DEFAULT_CACHE_FINDINGS_BUDGET = 1_000_000;

/** Milliseconds a listing serves access checks before it is read again, by default. */
export const DEFAULT_LISTING_MAX_AGE_MS = 2_000;

export interface AssessmentCacheOptions {
  readonly store: Store;
  /** Findings kept across loaded assessments; at least 1. */
  readonly findingsBudget?: number;
  readonly listingMaxAgeMs?: number;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: () => number;
}

/**
 * A loaded assessment, with values derived from it that the pages compute
 * once and share, such as indexes of its findings.
 */
export class CachedAssessment {
  readonly assessment: Assessment;
  readonly #derived = new Map<string, unknown>();

  constructor(assessment: Assessment) {
    this.assessment = assessment;
  }

  /**
   * Returns the value stored under `key`, built by `build` on first use.
   * Each key must always be used with a builder of the same type.
   */
  derived<T>(key: string, build: (assessment: Assessment) => T): T {
    if (this.#derived.has(key)) {
      return this.#derived.get(key) as T;
    }
    const value = build(this.assessment);
    this.#derived.set(key, value);
    return value;
  }
}

interface Listings {
  readonly byId: ReadonlyMap<string, AssessmentListing>;
  readonly all: readonly AssessmentListing[];
  readonly readAt: number;
}

export class AssessmentCache {
  readonly #store: Store;
  readonly #budget: number;
  readonly #listingMaxAgeMs: number;
  readonly #clock: () => number;

  /** Loaded assessments, least recently used first (Map keeps insertion order). */
  readonly #entries = new Map<string, CachedAssessment>();
  #heldFindings = 0;
  readonly #loading = new Map<string, Promise<CachedAssessment | undefined>>();
  /** Bumped by each invalidation of an id, so that a load begun before it is not kept. */
  readonly #generations = new Map<string, number>();

  #listings: Listings | undefined;
  #listingLoad: Promise<Listings> | undefined;
  #listingGeneration = 0;

  constructor(options: AssessmentCacheOptions) {
    const budget = options.findingsBudget ?? DEFAULT_CACHE_FINDINGS_BUDGET;
    if (!Number.isSafeInteger(budget) || budget < 1) {
      throw new RangeError(`invalid findingsBudget ${budget}: give a whole number of at least 1`);
    }
    this.#store = options.store;
    this.#budget = budget;
    this.#listingMaxAgeMs = options.listingMaxAgeMs ?? DEFAULT_LISTING_MAX_AGE_MS;
    this.#clock = options.clock ?? Date.now;
  }

  /** Findings held by the loaded assessments. */
  get heldFindings(): number {
    return this.#heldFindings;
  }

  /** Ids of the loaded assessments, least recently used first. */
  loadedIds(): string[] {
    return [...this.#entries.keys()];
  }

  /**
   * Returns the listing of assessment `id`, or undefined when the store
   * has none. A complete one may come from a listing up to the maximum
   * age old. An id that is missing or not complete there is looked up in
   * a new listing, so that new assessments and finished runs show at once.
   */
  async findListing(id: string): Promise<AssessmentListing | undefined> {
    const cached = (await this.#currentListings()).byId.get(id);
    if (cached?.status === "complete") {
      return cached;
    }
    return (await this.listAssessments()).find((listing) => listing.id === id);
  }

  /** Reads the store's listing now, and keeps it for later access checks. */
  async listAssessments(): Promise<AssessmentListing[]> {
    this.invalidateListing();
    return [...(await this.#currentListings()).all];
  }

  /**
   * Returns assessment `id` with its derived values, or undefined when the
   * store has no such assessment. It is read from the store only when it
   * is neither loaded nor being loaded.
   */
  async getAssessment(id: string): Promise<CachedAssessment | undefined> {
    const entry = this.#entries.get(id);
    if (entry !== undefined) {
      // Move it to the most recently used end.
      this.#entries.delete(id);
      this.#entries.set(id, entry);
      return entry;
    }

    const pending = this.#loading.get(id);
    if (pending !== undefined) {
      return pending;
    }
    const load = this.#load(id);
    this.#loading.set(id, load);
    return load;
  }

  /**
   * Forgets assessment `id` and the listing, for after it is deleted or
   * its run has changed state. A load still under way is not kept.
   */
  invalidate(id: string): void {
    this.#generations.set(id, (this.#generations.get(id) ?? 0) + 1);
    this.#loading.delete(id);
    this.#drop(id);
    this.invalidateListing();
  }

  /** Forgets the listing, so that the next access check reads a new one. */
  invalidateListing(): void {
    this.#listingGeneration++;
    this.#listings = undefined;
    this.#listingLoad = undefined;
  }

  async #load(id: string): Promise<CachedAssessment | undefined> {
    const generation = this.#generations.get(id) ?? 0;
    const current = () => this.#generations.get(id) ?? 0;
    try {
      const assessment = await this.#store.getAssessment(id);
      if (assessment === undefined) {
        return undefined;
      }

      const entry = new CachedAssessment(assessment);
      if (current() === generation) {
        this.#keep(id, entry);
      }
      return entry;
    } finally {
      if (current() === generation) {
        this.#loading.delete(id);
      }
    }
  }

  #keep(id: string, entry: CachedAssessment): void {
    this.#drop(id);
    this.#entries.set(id, entry);
    this.#heldFindings += sizeOf(entry);

    // Evict from the least recently used end, but keep the newest entry.
    for (const [oldId] of this.#entries) {
      if (this.#heldFindings <= this.#budget || oldId === id) {
        break;
      }
      this.#drop(oldId);
    }
  }

  #drop(id: string): void {
    const entry = this.#entries.get(id);
    if (entry !== undefined) {
      this.#entries.delete(id);
      this.#heldFindings -= sizeOf(entry);
    }
  }

  async #currentListings(): Promise<Listings> {
    const listings = this.#listings;
    if (listings !== undefined && this.#clock() - listings.readAt <= this.#listingMaxAgeMs) {
      return listings;
    }

    if (this.#listingLoad === undefined) {
      const load = this.#loadListings().finally(() => {
        if (this.#listingLoad === load) {
          this.#listingLoad = undefined;
        }
      });
      this.#listingLoad = load;
    }
    return this.#listingLoad;
  }

  async #loadListings(): Promise<Listings> {
    const generation = this.#listingGeneration;
    const all = await this.#store.listAssessments();
    const listings: Listings = {
      byId: new Map(all.map((listing) => [listing.id, listing])),
      all,
      readAt: this.#clock(),
    };

    // A listing read before an invalidation serves its own callers only.
    if (generation === this.#listingGeneration) {
      this.#listings = listings;
      this.#dropUnlisted(listings.byId);
    }
    return listings;
  }

  /** Drops loaded assessments that another process deleted. */
  #dropUnlisted(byId: ReadonlyMap<string, AssessmentListing>): void {
    for (const id of [...this.#entries.keys()]) {
      if (byId.get(id)?.status !== "complete") {
        this.#drop(id);
      }
    }
  }
}

/** Size of an entry against the budget: its findings, and at least 1. */
function sizeOf(entry: CachedAssessment): number {
  return Math.max(1, entry.assessment.findings.length);
}
