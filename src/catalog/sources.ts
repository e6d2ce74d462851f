/**
 * Documents the catalog cites. Each reference names the product version
 * the cited text describes.
 */
import type { DocReference } from "./model.js";

function reference(url: string, title: string, version: string): DocReference {
  return Object.freeze({ url, title, version });
}

const AURORA = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide";
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
});

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
