/*
    SQL Server Agent jobs for KestrelColdChain. The first job was scripted
    from SSMS ("Script Job as > CREATE To"); the others were written by hand
    with shared schedules. Kept with Windows line endings as exported.
*/
USE [msdb]
GO

/****** Object:  Job [Kestrel - Nightly invoicing]    Script Date: 03/02/2025 09:02:11 ******/
BEGIN TRANSACTION
DECLARE @ReturnCode INT
SELECT @ReturnCode = 0
/****** Object:  JobCategory [Kestrel Billing]    Script Date: 03/02/2025 09:02:11 ******/
IF NOT EXISTS (SELECT name FROM msdb.dbo.syscategories WHERE name=N'Kestrel Billing' AND category_class=1)
BEGIN
EXEC @ReturnCode = msdb.dbo.sp_add_category @class=N'JOB', @type=N'LOCAL', @name=N'Kestrel Billing'
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback

END

DECLARE @jobId BINARY(16)
EXEC @ReturnCode =  msdb.dbo.sp_add_job @job_name=N'Kestrel - Nightly invoicing', 
		@enabled=1, 
		@notify_level_eventlog=2, 
		@notify_level_email=2, 
		@notify_level_netsend=0, 
		@notify_level_page=0, 
		@delete_level=0, 
		@description=N'Invoices delivered shipments, issues the invoices and sends the statement files to the print house.', 
		@category_name=N'Kestrel Billing', 
		@owner_login_name=N'KESTREL\svc-sqlagent', 
		@notify_email_operator_name=N'Kestrel DBA Team', @job_id = @jobId OUTPUT
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
/****** Object:  Step [Generate invoices]    Script Date: 03/02/2025 09:02:11 ******/
EXEC @ReturnCode = msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Generate invoices', 
		@step_id=1, 
		@cmdexec_success_code=0, 
		@on_success_action=3, 
		@on_success_step_id=0, 
		@on_fail_action=2, 
		@on_fail_step_id=0, 
		@retry_attempts=2, 
		@retry_interval=10, 
		@os_run_priority=0, @subsystem=N'TSQL', 
		@command=N'DECLARE @failures int;
DECLARE @upTo date = DATEADD(DAY, -1, CAST(GETDATE() AS date));
EXEC @failures = billing.usp_GenerateInvoices @UpTo = @upTo;
IF @failures > 0
    RAISERROR(''%d customers could not be invoiced; see the job history.'', 16, 1, @failures);', 
		@database_name=N'KestrelColdChain', 
		@output_file_name=N'L:\SQLJobs\Logs\nightly-invoicing_$(ESCAPE_SQUOTE(STRTDT))_$(ESCAPE_SQUOTE(STRTTM)).txt', 
		@flags=2
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
/****** Object:  Step [Issue drafts]    Script Date: 03/02/2025 09:02:11 ******/
EXEC @ReturnCode = msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Issue drafts', 
		@step_id=2, 
		@cmdexec_success_code=0, 
		@on_success_action=3, 
		@on_success_step_id=0, 
		@on_fail_action=2, 
		@on_fail_step_id=0, 
		@retry_attempts=0, 
		@retry_interval=0, 
		@os_run_priority=0, @subsystem=N'TSQL', 
		@command=N'DECLARE @id int;
DECLARE drafts CURSOR LOCAL FAST_FORWARD FOR
    SELECT InvoiceId FROM billing.Invoice WHERE Status = ''D'' AND NetAmount > 0;
OPEN drafts;
FETCH NEXT FROM drafts INTO @id;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC billing.usp_IssueInvoice @InvoiceId = @id;
    FETCH NEXT FROM drafts INTO @id;
END;
CLOSE drafts;
DEALLOCATE drafts;', 
		@database_name=N'KestrelColdChain', 
		@flags=0
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
/****** Object:  Step [Export statements]    Script Date: 03/02/2025 09:02:11 ******/
EXEC @ReturnCode = msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Export statements', 
		@step_id=3, 
		@cmdexec_success_code=0, 
		@on_success_action=1, 
		@on_success_step_id=0, 
		@on_fail_action=2, 
		@on_fail_step_id=0, 
		@retry_attempts=1, 
		@retry_interval=5, 
		@os_run_priority=0, @subsystem=N'CmdExec', 
		@command=N'bcp "EXEC KestrelColdChain.billing.usp_ExportInvoicesJson 1000, ''20250101'', ''20251231'', NULL" queryout "\\kestrel-print\inbox\statements_$(ESCAPE_NONE(STRTDT)).json" -c -T -S $(ESCAPE_NONE(SRVR))', 
		@flags=0, 
		@proxy_name=N'Kestrel File Export'
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
EXEC @ReturnCode = msdb.dbo.sp_update_job @job_id = @jobId, @start_step_id = 1
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
EXEC @ReturnCode = msdb.dbo.sp_add_jobschedule @job_id=@jobId, @name=N'Nightly 02:30', 
		@enabled=1, 
		@freq_type=4, 
		@freq_interval=1, 
		@freq_subday_type=1, 
		@freq_subday_interval=0, 
		@freq_relative_interval=0, 
		@freq_recurrence_factor=0, 
		@active_start_date=20240101, 
		@active_end_date=99991231, 
		@active_start_time=23000, 
		@active_end_time=235959, 
		@schedule_uid=N'5b0f4a7e-2d51-4c1e-9a47-0e6d3c8f1a22'
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
EXEC @ReturnCode = msdb.dbo.sp_add_jobserver @job_id = @jobId, @server_name = N'(local)'
IF (@@ERROR <> 0 OR @ReturnCode <> 0) GOTO QuitWithRollback
COMMIT TRANSACTION
GOTO EndSave
QuitWithRollback:
    IF (@@TRANCOUNT > 0) ROLLBACK TRANSACTION
EndSave:
GO

-------------------------------------------------------------------------------
-- Operator, proxy and alerts used by the jobs below.
-------------------------------------------------------------------------------
IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysoperators WHERE name = N'Kestrel Duty Manager')
    EXEC msdb.dbo.sp_add_operator
        @name = N'Kestrel Duty Manager',
        @enabled = 1,
        @email_address = N'duty-manager@kestrel-coldchain.example',
        @pager_address = N'duty-pager@kestrel-coldchain.example',
        @weekday_pager_start_time = 0,
        @weekday_pager_end_time = 235959,
        @pager_days = 127;
GO

IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysproxies WHERE name = N'Kestrel File Export')
BEGIN
    EXEC msdb.dbo.sp_add_proxy
        @proxy_name = N'Kestrel File Export',
        @credential_name = N'KestrelFileShare',
        @enabled = 1,
        @description = N'Writes export files to the print house share.';

    EXEC msdb.dbo.sp_grant_proxy_to_subsystem @proxy_name = N'Kestrel File Export', @subsystem_id = 3;
    EXEC msdb.dbo.sp_grant_proxy_to_subsystem @proxy_name = N'Kestrel File Export', @subsystem_name = N'PowerShell';
END
GO

EXEC msdb.dbo.sp_add_alert
    @name = N'Kestrel - Severity 017',
    @message_id = 0,
    @severity = 17,
    @enabled = 1,
    @delay_between_responses = 300,
    @include_event_description_in = 1,
    @database_name = N'KestrelColdChain';
GO
EXEC msdb.dbo.sp_add_notification
    @alert_name = N'Kestrel - Severity 017',
    @operator_name = N'Kestrel DBA Team',
    @notification_method = 1;
GO

-------------------------------------------------------------------------------
-- Shared schedules
-------------------------------------------------------------------------------
DECLARE @scheduleId int;

IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysschedules WHERE name = N'Kestrel - every minute')
    EXEC msdb.dbo.sp_add_schedule
        @schedule_name = N'Kestrel - every minute',
        @enabled = 1,
        @freq_type = 4,             -- daily
        @freq_interval = 1,
        @freq_subday_type = 4,      -- minutes
        @freq_subday_interval = 1,
        @active_start_time = 0,
        @active_end_time = 235959,
        @schedule_id = @scheduleId OUTPUT;

IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysschedules WHERE name = N'Kestrel - every 15 minutes')
    EXEC msdb.dbo.sp_add_schedule
        @schedule_name = N'Kestrel - every 15 minutes',
        @freq_type = 4,
        @freq_interval = 1,
        @freq_subday_type = 4,
        @freq_subday_interval = 15;

IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysschedules WHERE name = N'Kestrel - Sunday 01:00')
    EXEC msdb.dbo.sp_add_schedule
        @schedule_name = N'Kestrel - Sunday 01:00',
        @freq_type = 8,             -- weekly
        @freq_interval = 1,         -- Sunday
        @freq_recurrence_factor = 1,
        @active_start_time = 10000;

IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysschedules WHERE name = N'Kestrel - first of month 04:00')
    EXEC msdb.dbo.sp_add_schedule
        @schedule_name = N'Kestrel - first of month 04:00',
        @freq_type = 16,            -- monthly
        @freq_interval = 1,
        @freq_recurrence_factor = 1,
        @active_start_time = 40000;
GO

-------------------------------------------------------------------------------
-- Telemetry: excursion detection every minute, outbox every minute.
-------------------------------------------------------------------------------
IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = N'Kestrel - Telemetry excursions')
    EXEC msdb.dbo.sp_delete_job @job_name = N'Kestrel - Telemetry excursions', @delete_unused_schedule = 0;
GO

EXEC msdb.dbo.sp_add_job
    @job_name = N'Kestrel - Telemetry excursions',
    @description = N'Detects temperature excursions and dispatches outbound events.',
    @owner_login_name = N'KESTREL\svc-sqlagent',
    @notify_level_email = 2,
    @notify_email_operator_name = N'Kestrel Duty Manager';

EXEC msdb.dbo.sp_add_jobstep
    @job_name = N'Kestrel - Telemetry excursions',
    @step_name = N'Detect excursions',
    @subsystem = N'TSQL',
    @database_name = N'KestrelColdChain',
    @command = N'EXEC telemetry.usp_DetectExcursions;',
    @on_success_action = 3,
    @on_fail_action = 3;

EXEC msdb.dbo.sp_add_jobstep
    @job_name = N'Kestrel - Telemetry excursions',
    @step_name = N'Dispatch outbox',
    @subsystem = N'TSQL',
    @database_name = N'KestrelColdChain',
    @command = N'EXEC integration.usp_DispatchOutbox @BatchSize = 200, @RunSeconds = 50;',
    @on_success_action = 1,
    @on_fail_action = 2;

EXEC msdb.dbo.sp_attach_schedule
    @job_name = N'Kestrel - Telemetry excursions',
    @schedule_name = N'Kestrel - every minute';

EXEC msdb.dbo.sp_add_jobserver @job_name = N'Kestrel - Telemetry excursions';
GO

-------------------------------------------------------------------------------
-- Integration: inbound messages and carrier tracking every 15 minutes.
-------------------------------------------------------------------------------
EXEC msdb.dbo.sp_add_job
    @job_name = N'Kestrel - Integration',
    @owner_login_name = N'KESTREL\svc-sqlagent';

EXEC msdb.dbo.sp_add_jobstep
    @job_name = N'Kestrel - Integration',
    @step_name = N'Process inbound messages',
    @subsystem = N'TSQL',
    @database_name = N'KestrelColdChain',
    @command = N'EXEC integration.usp_ProcessInboundMessages @MaxMessages = 500;',
    @on_success_action = 3,
    @on_fail_action = 3;

EXEC msdb.dbo.sp_add_jobstep
    @job_name = N'Kestrel - Integration',
    @step_name = N'Copy carrier tracking',
    @subsystem = N'TSQL',
    @database_name = N'KestrelColdChain',
    @command = N'EXEC integration.usp_SyncCarrierTracking @Hours = 2;',
    @retry_attempts = 3,
    @retry_interval = 2,
    @on_success_action = 3,
    @on_fail_action = 2;

EXEC msdb.dbo.sp_add_jobstep
    @job_name = N'Kestrel - Integration',
    @step_name = N'Archive processed files',
    @subsystem = N'PowerShell',
    @command = N'Get-ChildItem "\\kestrel-edi\inbound\processed" -Filter *.xml |
    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } |
    Move-Item -Destination "\\kestrel-edi\archive"',
    @proxy_name = N'Kestrel File Export',
    @on_success_action = 1,
    @on_fail_action = 2;

EXEC msdb.dbo.sp_attach_schedule
    @job_name = N'Kestrel - Integration',
    @schedule_name = N'Kestrel - every 15 minutes';

EXEC msdb.dbo.sp_add_jobserver @job_name = N'Kestrel - Integration', @server_name = N'(LOCAL)';
GO

-------------------------------------------------------------------------------
-- Weekly maintenance and monthly partition archiving.
-------------------------------------------------------------------------------
DECLARE @jobId uniqueidentifier;

EXEC msdb.dbo.sp_add_job
    @job_name = N'Kestrel - Weekly maintenance',
    @owner_login_name = N'sa',
    @job_id = @jobId OUTPUT;

EXEC msdb.dbo.sp_add_jobstep
    @job_id = @jobId,
    @step_name = N'Integrity check',
    @subsystem = N'TSQL',
    @database_name = N'master',
    @command = N'DBCC CHECKDB (N''KestrelColdChain'') WITH NO_INFOMSGS, ALL_ERRORMSGS, DATA_PURITY;',
    @on_success_action = 3,
    @on_fail_action = 2;

EXEC msdb.dbo.sp_add_jobstep
    @job_id = @jobId,
    @step_name = N'Index maintenance',
    @subsystem = N'TSQL',
    @database_name = N'KestrelColdChain',
    @command = N'EXEC dbo.usp_MaintainIndexes @ReorganizeAbove = 10, @RebuildAbove = 30, @MaxMinutes = 120;',
    @on_success_action = 3,
    @on_fail_action = 3;

EXEC msdb.dbo.sp_add_jobstep
    @job_id = @jobId,
    @step_name = N'Purge change log',
    @subsystem = N'TSQL',
    @database_name = N'KestrelColdChain',
    @command = N'EXEC audit.usp_PurgeChangeLog @RetentionDays = 400;',
    @on_success_action = 3,
    @on_fail_action = 3;

EXEC msdb.dbo.sp_add_jobstep
    @job_id = @jobId,
    @step_name = N'Purge job history',
    @subsystem = N'TSQL',
    @database_name = N'msdb',
    @command = N'DECLARE @before datetime = DATEADD(DAY, -60, GETDATE());
EXEC msdb.dbo.sp_purge_jobhistory @oldest_date = @before;
EXEC msdb.dbo.sp_delete_backuphistory @oldest_date = @before;',
    @on_success_action = 1,
    @on_fail_action = 2;

EXEC msdb.dbo.sp_attach_schedule @job_id = @jobId, @schedule_name = N'Kestrel - Sunday 01:00';
EXEC msdb.dbo.sp_add_jobserver @job_id = @jobId;

EXEC msdb.dbo.sp_add_job @job_name = N'Kestrel - Monthly telemetry archive', @enabled = 0;
EXEC msdb.dbo.sp_add_jobstep
    @job_name = N'Kestrel - Monthly telemetry archive',
    @step_name = N'Switch out oldest month',
    @subsystem = N'TSQL',
    @database_name = N'KestrelColdChain',
    @command = N'EXEC telemetry.usp_ArchiveMonth @KeepMonths = 13;';
EXEC msdb.dbo.sp_attach_schedule
    @job_name = N'Kestrel - Monthly telemetry archive',
    @schedule_name = N'Kestrel - first of month 04:00';
EXEC msdb.dbo.sp_add_jobserver @job_name = N'Kestrel - Monthly telemetry archive';
EXEC msdb.dbo.sp_update_job @job_name = N'Kestrel - Monthly telemetry archive', @enabled = 1;
GO

-- Run the excursion job once now so the first results do not wait a minute.
EXEC msdb.dbo.sp_start_job @job_name = N'Kestrel - Telemetry excursions';
GO
