/** Examples for the error handling family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const ERROR_HANDLING: FamilyExamples = {
  group: "Error handling",
  problem:
    "TRY ... CATCH, THROW, RAISERROR with a message, severity and state, " +
    "@@ERROR, the ERROR_* functions and FORMATMESSAGE with a message text " +
    "work on Babelfish. The old form RAISERROR number 'text' is " +
    "rejected and sp_addmessage does not exist, so RAISERROR or " +
    "FORMATMESSAGE with a message number finds no user message. " +
    "RAISERROR WITH LOG needs a check that the message reaches a log. " +
    "Native PostgreSQL needs exception blocks and RAISE.",
  solution:
    "Raise errors with THROW, or with RAISERROR('text', 16, 1), and build " +
    "message texts with CONCAT or FORMATMESSAGE with a text instead of " +
    "looking them up by number. Keep custom message texts in a table of " +
    "your own if several modules share them.",
  flagged: tsql`
BEGIN TRY
    UPDATE dbo.Account SET Balance = Balance - 100 WHERE AccountId = 1;
    IF NOT EXISTS (SELECT 1 FROM dbo.Account WHERE AccountId = 1)
        RAISERROR 50001 'Account 1 not found';
END TRY
BEGIN CATCH
    DECLARE @Message nvarchar(2048) =
        FORMATMESSAGE('Transfer failed: %s', ERROR_MESSAGE());
    RAISERROR (@Message, 16, 1) WITH LOG;
END CATCH;
`,
  findings: [
    { featureId: "error.try_catch", line: 1, column: 1, status: "supported" },
    { featureId: "error.raiserror_legacy", line: 4, column: 9, status: "notSupported" },
    { featureId: "error.formatmessage", line: 8, column: 9, status: "supported" },
    { featureId: "error.function", line: 8, column: 46, status: "supported" },
    { featureId: "error.raiserror", detail: "with_log", line: 9, column: 5, status: "reviewManually" },
  ],
  fine: tsql`
BEGIN TRY
    UPDATE dbo.Account SET Balance = Balance - 100 WHERE AccountId = 1;
    IF NOT EXISTS (SELECT 1 FROM dbo.Account WHERE AccountId = 1)
        THROW 50001, 'Account 1 not found', 1;
END TRY
BEGIN CATCH
    DECLARE @Message nvarchar(2048) =
        CONCAT('Transfer failed: ', ERROR_MESSAGE());
    THROW 50002, @Message, 1;
END CATCH;
`,
};
