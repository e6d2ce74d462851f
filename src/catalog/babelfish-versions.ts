/**
 * Babelfish releases and the Aurora PostgreSQL version each ships with.
 *
 * Sources: the Aurora User Guide page "Upgrading your Babelfish cluster to a
 * new version" (revision of June 2023, covering Babelfish 1.0.0 to 3.1.0),
 * the page "Identifying your version of Babelfish" (Babelfish 3.4.0 on
 * Aurora PostgreSQL 15.5), and the release list in "Supported
 * functionalities in Babelfish by version" (columns 2.1.0 to 5.6.0).
 * Entries with `auroraVerified: false` carry the Aurora minor version we
 * believe ships the release but did not find in an opened document.
 */

export interface BabelfishRelease {
  /** Babelfish version, `major.minor.patch`. */
  readonly version: string;
  /** Aurora PostgreSQL version that ships it, e.g. `16.4`. */
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

// NOTE: the Aurora release notes list a "Babelfish 6.x" section for Aurora
// PostgreSQL 18, but no opened document named a 6.x release number, so
// none is listed here yet. Releases 4.7.0 to 4.9.0 are left out likewise.
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
  release("3.2.0", "15.3", false),
  release("3.3.0", "15.4", false),
  release("3.4.0", "15.5", true),
  release("3.5.0", "15.6", false),
  release("3.6.0", "15.7", false),
  release("3.7.0", "15.8", false),
  release("3.8.0", "15.10", false),
  release("3.9.0", "15.12", false),
  release("3.10.0", "15.13", false),
  release("4.0.0", "16.1", false),
  release("4.1.0", "16.2", false),
  release("4.2.0", "16.3", false),
  release("4.3.0", "16.4", false),
  release("4.4.0", "16.6", false),
  release("4.5.0", "16.8", false),
  release("4.6.0", "16.9", false),
  release("4.10.0", "16.10", false),
  release("5.1.0", "17.4", false),
  release("5.2.0", "17.5", false),
  release("5.3.0", "17.6", false),
  release("5.4.0", "17.7", false),
  release("5.5.0", "17.7", false),
  release("5.6.0", "17.7", false),
]);

/** PostgreSQL major versions the native target accepts. */
export const POSTGRESQL_MAJORS: readonly string[] = Object.freeze([
  "16",
  "17",
  "18",
]);
