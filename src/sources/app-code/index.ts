/**
 * SQL in application source code: C#, Java, Python, JavaScript and
 * TypeScript trees scanned for string literals that hold T-SQL, assessed
 * with their source file, line and column. docs/app-code.md describes
 * what is found and what is skipped.
 */

export { ApplicationCodeScan, type AppCodeFeed, type AppCodeRoot, type AppCodeScanOptions } from "./scan.js";
export { extractStatements, type ExtractedStatement } from "./extract.js";
export { languageOf } from "./languages.js";
export type { AppCodeFile, AppCodeStatement, ApplicationCodeSource, ScannedLanguage } from "./model.js";
