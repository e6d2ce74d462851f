/**
 * Documents the catalog cites. Each reference names the product version
 * the cited text describes.
 */
import type { DocReference } from "./model.js";

function reference(url: string, title: string, version: string): DocReference {
  return Object.freeze({ url, title, version });
}

const AURORA = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide";
const AURORA_CN =
  "https://docs.amazonaws.cn/en_us/AmazonRDS/latest/AuroraUserGuide";
const EXTENSIONS =
  "https://github.com/babelfish-for-postgresql/babelfish_extensions/blob";

/** AWS Aurora User Guide pages on Babelfish. */
export const AWS = Object.freeze({
  unsupported: reference(
    `${AURORA}/babelfish-compatibility.tsql.limitations-unsupported.html`,
    "Unsupported functionalities in Babelfish",
    "Babelfish 3.1.0 (June 2023 revision)",
  ),
  supportedByVersion: reference(
    `${AURORA}/babelfish-compatibility.supported-functionality-table.html`,
    "Supported functionalities in Babelfish by version",
    "Babelfish 1.0.0 to 3.1.0 (June 2023 revision)",
  ),
  differences: reference(
    `${AURORA}/babelfish-compatibility.tsql.limitations.html`,
    "T-SQL differences in Babelfish",
    "Babelfish 3.1.0 (June 2023 revision)",
  ),
  limitedImplementation: reference(
    `${AURORA}/babelfish-compatibility.tsql.limited-implementation.html`,
    "Features with limited implementation",
    "Babelfish 3.1.0 (June 2023 revision)",
  ),
  partitioning: reference(
    `${AURORA}/babelfish-partition.html`,
    "Understanding partitioning in Babelfish",
    "Babelfish 4.3.0 and later",
  ),
  hints: reference(
    `${AURORA}/babelfish-tsql-hints.html`,
    "Using T-SQL query hints to improve Babelfish query performance",
    "Babelfish 2.3.0 and later (June 2023 revision)",
  ),
  collations: reference(
    `${AURORA}/babelfish-collations.html`,
    "Collations supported by Babelfish",
    "Babelfish 3.1.0 (June 2023 revision)",
  ),
  linkedServers: reference(
    `${AURORA}/babelfish-postgres-linkedservers.html`,
    "Babelfish supports linked servers",
    "Babelfish 3.1.0 and 2.4.0 (June 2023 revision)",
  ),
  configuration: reference(
    `${AURORA}/babelfish-configuration.html`,
    "DB cluster parameter group settings for Babelfish",
    "Babelfish 3.1.0 (June 2023 revision)",
  ),
  // Only the column headers (the release list) of this revision were read.
  supportedByVersionReleases: reference(
    `${AURORA_CN}/babelfish-compatibility.supported-functionality-table.md`,
    "Supported functionalities in Babelfish by version (release columns)",
    "Babelfish 2.1.0 to 5.6.0 (2026 revision)",
  ),
  // Only the table of contents was read: it has sections for 6.x and 5.x.
  releaseNotes: reference(
    "https://docs.amazonaws.cn/en_us/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/AuroraBabelfish.Updates.md",
    "Babelfish for Aurora PostgreSQL updates",
    "Babelfish 1.x to 6.x (2026 revision)",
  ),
});

const COMPASS =
  "https://github.com/babelfish-for-postgresql/babelfish_compass/blob";

/**
 * Babelfish Compass, the AWS assessment tool. Its `BabelfishFeatures.cfg`
 * states, per T-SQL feature, the first Babelfish release that supports it
 * (or that it is not supported, ignored or needs review). A rule such as
 * `supported-4.6.0-4.*` plus `supported-5.2.0` means the feature reached
 * the 4.x line in 4.6.0 and the 5.x line in 5.2.0.
 */
export const BABELFISH_COMPASS = Object.freeze({
  features: reference(
    `${COMPASS}/v.2026-04/BabelfishFeatures.cfg`,
    "Babelfish Compass: BabelfishFeatures.cfg",
    "Babelfish 1.0.0 to 5.5.0 (Compass v.2026-04)",
  ),
  features6: reference(
    `${COMPASS}/alpaca_18-3-compass-2026_04/BabelfishFeatures.cfg`,
    "Babelfish Compass: BabelfishFeatures.cfg (branch for 6.0.0)",
    "Babelfish 1.0.0 to 6.0.0 (Compass branch of May 2026)",
  ),
  versions: reference(
    `${COMPASS}/alpaca_18-3-compass-2026_04/src/main/java/compass/CompassUtilities.java`,
    "Babelfish Compass: Babelfish and Aurora PostgreSQL version lists",
    "Babelfish 1.0.0 to 6.0.0 (Compass branch of May 2026)",
  ),
});

/** The Compass feature table for every release the catalog lists. */
export const COMPASS_FEATURES = [
  BABELFISH_COMPASS.features,
  BABELFISH_COMPASS.features6,
] as const;

/**
 * The babelfish_extensions source at the branch for `version`, e.g. the
 * upgrade script that first creates a system function, or the handler
 * that rejects unsupported syntax.
 */
export function extensionsSource(
  branch: string,
  path: string,
  version: string,
): DocReference {
  return reference(
    `${EXTENSIONS}/${branch}/${path}`,
    `babelfish_extensions: ${path.split("/").pop()}`,
    version,
  );
}

/** The upgrade script that first creates a `sys` object in `version`. */
export function upgradeScript(from: string, to: string): DocReference {
  return extensionsSource(
    "BABEL_4_X_DEV",
    `contrib/babelfishpg_tsql/sql/upgrades/babelfishpg_tsql--${from}--${to}.sql`,
    `Babelfish ${to}`,
  );
}

/** The syntax handler that lists T-SQL the Babelfish parser rejects. */
export const UNSUPPORTED_HANDLER = extensionsSource(
  "BABEL_4_X_DEV",
  "contrib/babelfishpg_tsql/src/tsqlUnsupportedFeatureHandler.cpp",
  "Babelfish 4.4.0 (development branch)",
);

/** Escape-hatch defaults: what Babelfish accepts and ignores. */
export const ESCAPE_HATCHES = extensionsSource(
  "BABEL_4_X_DEV",
  "contrib/babelfishpg_tsql/src/guc.c",
  "Babelfish 4.4.0 (development branch)",
);

/**
 * A regression test of babelfish_extensions on a release branch: the
 * test's expected output shows the construct running on that release.
 */
export function extensionsTest(
  branch: string,
  file: string,
  version: string,
): DocReference {
  return extensionsSource(branch, `test/JDBC/input/${file}`, version);
}

/** The pull request that adds MERGE behind a parameter that is off by default. */
export const MERGE_PULL_REQUEST = reference(
  "https://github.com/babelfish-for-postgresql/babelfish_extensions/pull/4928",
  "babelfish_extensions: basic T-SQL MERGE behind babelfishpg_tsql.enable_tsql_merge",
  "babelfish_extensions development branch, August 2026; no release named",
);

/** The patch that lists the major features of PostgreSQL 18 in its release notes. */
export const POSTGRESQL_18_FEATURES = reference(
  "https://www.postgresql.org/message-id/attachment/181871/v5-0001-Add-list-of-major-features-to-the-v18-release-not.patch",
  "PostgreSQL 18 release notes: major features",
  "PostgreSQL 18",
);

/** A page of the PostgreSQL manual for one major version. */
export function postgresDocs(page: string, title: string, major = "17") {
  return reference(
    `https://www.postgresql.org/docs/${major}/${page}.html`,
    `PostgreSQL ${major}: ${title}`,
    `PostgreSQL ${major}`,
  );
}

/** A page of the Microsoft Learn T-SQL reference. */
export function microsoftDocs(path: string, title: string): DocReference {
  return reference(
    `https://learn.microsoft.com/en-us/sql/${path}`,
    `Microsoft Learn: ${title}`,
    "SQL Server 2022",
  );
}
