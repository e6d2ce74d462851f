/**
 * Commands of the Agent job steps of the Kestrel fixture server, with the
 * CRLF line endings of examples/kestrel-cold-chain/50-agent-jobs.sql. The
 * T-SQL ones call procedures of the example, and the weekly report also
 * uses xp_cmdshell and sp_send_dbmail.
 */

export const GENERATE_INVOICES_COMMAND = [
  "DECLARE @failures int;",
  "DECLARE @upTo date = DATEADD(DAY, -1, CAST(GETDATE() AS date));",
  "EXEC @failures = billing.usp_GenerateInvoices @UpTo = @upTo;",
  "IF @failures > 0",
  "    RAISERROR('%d customers could not be invoiced; see the job history.', 16, 1, @failures);",
].join("\r\n");

export const ISSUE_DRAFTS_COMMAND = [
  "DECLARE @id int;",
  "DECLARE drafts CURSOR LOCAL FAST_FORWARD FOR",
  "    SELECT InvoiceId FROM billing.Invoice WHERE Status = 'D' AND NetAmount > 0;",
  "OPEN drafts;",
  "FETCH NEXT FROM drafts INTO @id;",
  "WHILE @@FETCH_STATUS = 0",
  "BEGIN",
  "    EXEC billing.usp_IssueInvoice @InvoiceId = @id;",
  "    FETCH NEXT FROM drafts INTO @id;",
  "END;",
  "CLOSE drafts;",
  "DEALLOCATE drafts;",
].join("\r\n");

export const EXPORT_STATEMENTS_COMMAND =
  "bcp \"EXEC KestrelColdChain.billing.usp_ExportInvoicesJson 1000, '20250101', '20251231', NULL\" " +
  'queryout "\\\\kestrel-print\\inbox\\statements_$(ESCAPE_NONE(STRTDT)).json" -c -T -S $(ESCAPE_NONE(SRVR))';

export const ARCHIVE_FILES_COMMAND = [
  'Get-ChildItem "\\\\kestrel-edi\\inbound\\processed" -Filter *.xml |',
  "    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } |",
  '    Move-Item -Destination "\\\\kestrel-edi\\archive"',
].join("\r\n");

export const MAIL_REPORT_COMMAND = [
  "DECLARE @body nvarchar(max) = N'Weekly maintenance finished on ' + @@SERVERNAME + N'. Backup files:';",
  "CREATE TABLE #files (line nvarchar(4000) NULL);",
  "INSERT INTO #files (line)",
  "EXEC master..xp_cmdshell 'dir /b \\\\kestrel-backup\\sql\\KestrelColdChain';",
  "SELECT @body = @body + NCHAR(10) + line FROM #files WHERE line IS NOT NULL;",
  "EXEC msdb.dbo.sp_send_dbmail",
  "    @profile_name = N'Kestrel Alerts',",
  "    @recipients = N'dba-team@kestrel-coldchain.example',",
  "    @subject = N'Weekly maintenance report',",
  "    @body = @body,",
  "    @query = N'SELECT TOP (20) database_name, backup_finish_date, type FROM msdb.dbo.backupset ORDER BY backup_finish_date DESC;';",
  "DROP TABLE #files;",
].join("\r\n");

export const PURGE_HISTORY_COMMAND = [
  "DECLARE @before datetime = DATEADD(DAY, -60, GETDATE());",
  "EXEC msdb.dbo.sp_purge_jobhistory @oldest_date = @before;",
  "EXEC msdb.dbo.sp_delete_backuphistory @oldest_date = @before;",
].join("\r\n");

export const SYSPOLICY_CHECK_COMMAND = [
  "IF (msdb.dbo.fn_syspolicy_is_automation_enabled() != 1)",
  "    BEGIN",
  "        RAISERROR(34022, 16, 1)",
  "    END",
].join("\r\n");
