/**
 * Babelfish releases and the Aurora PostgreSQL version each ships with.
 *
 * Sources:
 * - Babelfish Compass (AWS), `CompassUtilities.java` at tag `v.2026-04`:
 *   the paired lists of Babelfish releases and Aurora PostgreSQL versions
 *   from 1.0.0 (13.4) to 5.5.0 (17.9); the branch prepared for 6.0.0
 *   (May 2026) adds 6.0.0 on Aurora PostgreSQL 18.3.
 * - Aurora User Guide "Supported functionalities in Babelfish by version"
 *   (docs.amazonaws.cn revision with columns up to 5.6.0): its column
 *   headers name 2.5.0 to 2.13.0, 3.6.0 to 3.10.0, 4.10.0 and 5.6.0, which
 *   Compass does not list because they added no T-SQL feature it tracks.
 * - Aurora User Guide, June 2023 revision, for 1.0.0 to 3.1.0.
 *
 * `auroraVerified: false` marks an Aurora version no opened document
 * states. A bare major (`"17"`) means the minor version is not known.
 */

export interface BabelfishRelease {
  /** Babelfish version, `major.minor.patch`. */
  readonly version: string;
  /** Aurora PostgreSQL version that ships it: `16.4`, or `16` when only the major is known. */
  readonly auroraPostgresql: string;
  readonly auroraVerified: boolean;
}

function release(
  version: string,
  auroraPostgresql: string,
  auroraVerified: boolean,
): BabelfishRelease {
  return Object.freeze({ version, auroraPostgresql, auroraVerified });
}

// NOTE: the Aurora versions of 2.5.0 to 2.13.0 and 3.6.0 to 3.10.0 follow
// the minor-release order and are not confirmed; 4.9.0 is left out because
// no opened document names it as an Aurora release.
export const BABELFISH_RELEASES: readonly BabelfishRelease[] = Object.freeze([
  release("1.0.0", "13.4", true),
  release("1.1.0", "13.5", true),
  release("1.2.0", "13.6", true),
  release("1.3.0", "13.7", true),
  release("1.4.0", "13.8", true),
  release("1.5.0", "13.9", true),
  release("2.1.0", "14.3", true),
  release("2.2.0", "14.5", true),
  release("2.3.0", "14.6", true),
  release("2.4.0", "14.7", true),
  release("2.5.0", "14.8", false),
  release("2.6.0", "14.9", false),
  release("2.7.0", "14.10", false),
  release("2.8.0", "14.11", false),
  release("2.9.0", "14.12", false),
  release("2.10.0", "14.13", false),
  release("2.11.0", "14.15", false),
  release("2.12.0", "14.17", false),
  release("2.13.0", "14.18", false),
  release("3.1.0", "15.2", true),
  release("3.2.0", "15.3", true),
  release("3.3.0", "15.4", true),
  release("3.4.0", "15.5", true),
  release("3.5.0", "15.6", true),
  release("3.6.0", "15.7", false),
  release("3.7.0", "15.8", false),
  release("3.8.0", "15.10", false),
  release("3.9.0", "15.12", false),
  release("3.10.0", "15.13", false),
  release("4.0.0", "16.1", true),
  release("4.1.0", "16.2", true),
  release("4.2.0", "16.3", true),
  release("4.3.0", "16.4", true),
  release("4.4.0", "16.6", true),
  release("4.5.0", "16.8", true),
  release("4.6.0", "16.9", true),
  release("4.7.0", "16.10", true),
  release("4.8.0", "16.11", true),
  release("4.10.0", "16", false),
  release("5.1.0", "17.4", true),
  release("5.2.0", "17.5", true),
  release("5.3.0", "17.6", true),
  release("5.4.0", "17.7", true),
  release("5.5.0", "17.9", true),
  release("5.6.0", "17", false),
  release("6.0.0", "18.3", true),
]);

/** PostgreSQL major versions the native target accepts. */
export const POSTGRESQL_MAJORS: readonly string[] = Object.freeze([
  "16",
  "17",
  "18",
]);
