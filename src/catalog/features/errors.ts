/** Error handling. */
import { always, family, pg, row, since } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  extensionsTest,
  postgresDocs,
} from "../sources.js";

const PG = postgresDocs("plpgsql-control-structures", "Trapping errors");
const PG_RAISE = postgresDocs("plpgsql-errors-and-messages", "Errors and messages");

export const ERROR_FEATURES = family("Error handling", [
  row("error.try_catch", "BEGIN TRY ... BEGIN CATCH", "Structured error handling.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use a BEGIN ... EXCEPTION WHEN OTHERS block; it rolls back to an implicit savepoint.", [AWS.supportedByVersion, PG], { postgresqlComplexity: "medium" }),
  row("error.throw", "THROW", "Raise or re-raise an error.", always("supported"), pg("reviewManually"), "low",
    "No change needed; a THROW that is the first statement of a batch needs no semicolon before it.", "Use RAISE EXCEPTION, or RAISE; to re-raise.", [AWS.supportedByVersion, PG_RAISE]),
  row("error.raiserror", "RAISERROR(msg, severity, state)", "Raise an error with a severity.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use RAISE EXCEPTION (severity 11+) or RAISE NOTICE (0 to 10).", [AWS.supportedByVersion, PG_RAISE], {
      details: [
        { detail: "with_nowait", title: "RAISERROR ... WITH NOWAIT" },
        { detail: "with_log", title: "RAISERROR ... WITH LOG", babelfish: always("reviewManually"), remedy: "Check that the message reaches a log." },
        { detail: "message_id", title: "RAISERROR with a sys.messages id", babelfish: always("reviewManually"), remedy: "User messages added with sp_addmessage are not available; pass the text." },
      ],
    }),
  row("error.raiserror_legacy", "RAISERROR number 'text' (old syntax)", "Deprecated RAISERROR form without parentheses.", always("notSupported"), pg("notSupported"), "low",
    "Rewrite as RAISERROR('text', 16, 1) or THROW.", "Use RAISE EXCEPTION.", [AWS.unsupported], { verified: false }),
  row("error.variable", "@@ERROR", "Error number of the last statement.", always("supported"), pg("notSupported"), "medium",
    "No change needed; some error numbers differ from SQL Server.", "Use exception blocks and SQLSTATE.", [AWS.supportedByVersion],
    { example: "INSERT t VALUES (1); IF @@ERROR = 2627 PRINT 'dup'; -- check the number Babelfish returns" }),
  row("error.function", "ERROR_* functions", "ERROR_MESSAGE, ERROR_NUMBER, ERROR_SEVERITY, ERROR_STATE, ERROR_LINE, ERROR_PROCEDURE.", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Use SQLERRM, SQLSTATE and GET STACKED DIAGNOSTICS.", [AWS.supportedByVersion, PG]),
  row("error.xact_state", "XACT_STATE()", "State of the current transaction.", always("supported"), pg("notSupported"), "low", "No change needed.", "Track the state in the exception block.", [AWS.supportedByVersion, ...COMPASS_FEATURES]),
  // sys.formatmessage is created by the 1.0.0 install script and tested from
  // the 1.0 branch on; Compass still lists FORMATMESSAGE as unsupported,
  // which fits the message-number form, as Babelfish has no user messages.
  row("error.formatmessage", "FORMATMESSAGE", "Format a message with arguments.", since("1.0.0"), pg("notSupported"), "low",
    "No change needed for a message text; FORMATMESSAGE with a message number has no sp_addmessage messages to use.", "Use format().", [AWS.supportedByVersion, extensionsTest("BABEL_1_0_STABLE", "BABEL-776.sql", "Babelfish 1.0.0 and later")]),
  row("error.sp_addmessage", "sp_addmessage", "User-defined error messages.", always("notSupported"), pg("notSupported"), "low",
    "Keep message texts in a table.", "Keep message texts in a table.", [AWS.unsupported, ...COMPASS_FEATURES]),
  row("error.print", "PRINT", "Message to the client.", always("supported"), pg("reviewManually"), "low", "No change needed.", "Use RAISE NOTICE.", [AWS.supportedByVersion]),
]);
