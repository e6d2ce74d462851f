/*
    Maintenance for KestrelColdChain: integrity checks, backups, index and
    statistics upkeep. The Agent jobs in 50-agent-jobs.sql call the
    procedure; the ad hoc sections are run by the DBA on call.
*/
USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

/*-----------------------------------------------------------------------------
  dbo.usp_MaintainIndexes
  Reorganizes or rebuilds fragmented rowstore indexes and compresses open
  columnstore row groups, within a time budget. Rebuilds are online and
  resumable where the edition allows it.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE dbo.usp_MaintainIndexes
    @ReorganizeAbove    float = 10.0,
    @RebuildAbove       float = 30.0,
    @MinPages           int = 1000,
    @MaxMinutes         int = 120,
    @PrintOnly          bit = 0
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @started datetime2(0) = SYSDATETIME();
    DECLARE @objectId int, @indexId int, @partition int, @partitions int;
    DECLARE @schemaName sysname, @tableName sysname, @indexName sysname, @indexType tinyint;
    DECLARE @fragmentation float, @pages bigint, @command nvarchar(2000), @online bit;
    DECLARE @fragmentationText varchar(10);

    SET @online = CASE WHEN SERVERPROPERTY('EngineEdition') IN (3, 5, 8) THEN 1 ELSE 0 END;

    SELECT ps.object_id, ps.index_id, ps.partition_number, ps.avg_fragmentation_in_percent, ps.page_count
    INTO #work
    FROM sys.dm_db_index_physical_stats(DB_ID(), NULL, NULL, NULL, 'LIMITED') AS ps
    WHERE ps.index_id > 0
      AND ps.page_count >= @MinPages
      AND ps.avg_fragmentation_in_percent >= @ReorganizeAbove
      AND ps.alloc_unit_type_desc = N'IN_ROW_DATA';

    DECLARE index_cursor CURSOR LOCAL STATIC FORWARD_ONLY READ_ONLY FOR
        SELECT w.object_id, w.index_id, w.partition_number, w.avg_fragmentation_in_percent, w.page_count,
               s.name, o.name, i.name, i.type,
               (SELECT COUNT(*) FROM sys.partitions AS p WHERE p.object_id = w.object_id AND p.index_id = w.index_id)
        FROM #work AS w
        JOIN sys.objects AS o ON o.object_id = w.object_id
        JOIN sys.schemas AS s ON s.schema_id = o.schema_id
        JOIN sys.indexes AS i ON i.object_id = w.object_id AND i.index_id = w.index_id
        WHERE o.type IN ('U', 'V')
          AND i.type IN (1, 2, 5, 6)   -- rowstore and columnstore; not XML or spatial
        ORDER BY w.page_count * w.avg_fragmentation_in_percent DESC;

    OPEN index_cursor;

    WHILE 1 = 1
    BEGIN
        FETCH NEXT FROM index_cursor
        INTO @objectId, @indexId, @partition, @fragmentation, @pages,
             @schemaName, @tableName, @indexName, @indexType, @partitions;

        IF @@FETCH_STATUS <> 0
            BREAK;

        IF DATEDIFF(MINUTE, @started, SYSDATETIME()) >= @MaxMinutes
        BEGIN
            PRINT 'Time budget of ' + CAST(@MaxMinutes AS varchar(10)) + ' minutes used up; stopping.';
            BREAK;
        END;

        SET @command = N'ALTER INDEX ' + QUOTENAME(@indexName) + N' ON '
                     + QUOTENAME(@schemaName) + N'.' + QUOTENAME(@tableName);

        IF @indexType IN (5, 6)
            SET @command += N' REORGANIZE WITH (COMPRESS_ALL_ROW_GROUPS = ON)';
        ELSE IF @fragmentation >= @RebuildAbove
            SET @command += N' REBUILD'
                + CASE WHEN @partitions > 1 THEN N' PARTITION = ' + CAST(@partition AS nvarchar(10)) ELSE N'' END
                -- Resumable rebuilds cannot sort in tempdb, so only offline
                -- rebuilds use SORT_IN_TEMPDB.
                + CASE
                      WHEN @online = 1
                      THEN N' WITH (ONLINE = ON (WAIT_AT_LOW_PRIORITY (MAX_DURATION = 5 MINUTES, ABORT_AFTER_WAIT = SELF)), RESUMABLE = ON, MAXDOP = 2)'
                      ELSE N' WITH (SORT_IN_TEMPDB = ON, MAXDOP = 2)'
                  END;
        ELSE
            SET @command += N' REORGANIZE'
                + CASE WHEN @partitions > 1 THEN N' PARTITION = ' + CAST(@partition AS nvarchar(10)) ELSE N'' END;

        -- RAISERROR has no float format, so the percentage goes in as text.
        SET @fragmentationText = STR(@fragmentation, 5, 1);
        RAISERROR(N'%s -- %s%% of %I64d pages', 0, 1, @command, @fragmentationText, @pages) WITH NOWAIT;

        IF @PrintOnly = 0
        BEGIN
            BEGIN TRY
                EXEC sys.sp_executesql @command;
            END TRY
            BEGIN CATCH
                PRINT N'Failed: ' + ERROR_MESSAGE();
            END CATCH;
        END;
    END;

    CLOSE index_cursor;
    DEALLOCATE index_cursor;

    -- Statistics on the big tables get a full scan; sp_updatestats handles
    -- the rest with its sampled default.
    IF @PrintOnly = 0
    BEGIN
        UPDATE STATISTICS ops.Shipment WITH FULLSCAN, ALL;
        UPDATE STATISTICS ops.Route (ST_Route_Origin_Destination) WITH FULLSCAN, NORECOMPUTE;
        UPDATE STATISTICS billing.Invoice WITH SAMPLE 50 PERCENT;
        UPDATE STATISTICS telemetry.SensorReading WITH RESAMPLE;
        EXEC sp_updatestats @resample = 'resample';
    END;
END
GO

-------------------------------------------------------------------------------
-- Integrity checks
-------------------------------------------------------------------------------
DBCC CHECKDB (N'KestrelColdChain') WITH NO_INFOMSGS, ALL_ERRORMSGS, EXTENDED_LOGICAL_CHECKS;
GO
DBCC CHECKDB (KestrelColdChain, NOINDEX) WITH PHYSICAL_ONLY, MAXDOP = 4;
GO
DBCC CHECKTABLE (N'ops.Shipment') WITH ALL_ERRORMSGS, NO_INFOMSGS;
GO
DBCC CHECKCONSTRAINTS (N'ops.Depot') WITH ALL_CONSTRAINTS;
GO
DBCC CHECKALLOC (N'KestrelColdChain') WITH NO_INFOMSGS;
GO
DBCC CHECKCATALOG (N'KestrelColdChain');
GO
DBCC CHECKFILEGROUP (N'TELEMETRY') WITH NO_INFOMSGS;
GO
DBCC UPDATEUSAGE (0) WITH NO_INFOMSGS, COUNT_ROWS;
GO
DBCC SHOW_STATISTICS (N'ops.Shipment', IX_Shipment_Customer_BookedAt) WITH STAT_HEADER, HISTOGRAM;
GO
DBCC SQLPERF (LOGSPACE);
GO
DBCC OPENTRAN (N'KestrelColdChain') WITH TABLERESULTS, NO_INFOMSGS;
GO
DBCC TRACEON (3604);
DBCC PAGE (N'KestrelColdChain', 1, 9, 3) WITH TABLERESULTS;
DBCC TRACEOFF (3604);
GO
DBCC FREEPROCCACHE WITH NO_INFOMSGS;
GO
DBCC DROPCLEANBUFFERS;
GO
DBCC SHRINKFILE (N'KestrelColdChain_log', 2048);
GO
DBCC INPUTBUFFER (55);
GO
DBCC CHECKIDENT (N'ops.Shipment', NORESEED);
GO
DBCC CHECKIDENT (N'billing.Customer', RESEED, 1000);
GO

-------------------------------------------------------------------------------
-- Backups. Full weekly, differential nightly, log every 15 minutes; all
-- compressed, checksummed and encrypted with the certificate in master.
-------------------------------------------------------------------------------
DECLARE @stamp varchar(20) = FORMAT(SYSDATETIME(), 'yyyyMMdd_HHmmss');
DECLARE @file nvarchar(400);

SET @file = N'\\kestrel-backup\sql\KestrelColdChain\FULL_' + @stamp + N'.bak';
BACKUP DATABASE [KestrelColdChain]
    TO DISK = @file
    WITH COMPRESSION,
         CHECKSUM,
         INIT,
         FORMAT,
         MEDIANAME = N'KestrelFull',
         NAME = N'KestrelColdChain full backup',
         ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = [KestrelBackupCert]),
         STATS = 10,
         BUFFERCOUNT = 64,
         MAXTRANSFERSIZE = 4194304;

SET @file = N'\\kestrel-backup\sql\KestrelColdChain\DIFF_' + @stamp + N'.bak';
BACKUP DATABASE [KestrelColdChain]
    TO DISK = @file
    WITH DIFFERENTIAL, COMPRESSION, CHECKSUM, INIT;

SET @file = N'\\kestrel-backup\sql\KestrelColdChain\LOG_' + @stamp + N'.trn';
BACKUP LOG [KestrelColdChain]
    TO DISK = @file
    WITH COMPRESSION, CHECKSUM, NOINIT, NAME = N'KestrelColdChain log backup';

RESTORE VERIFYONLY FROM DISK = @file WITH CHECKSUM;
GO

-- Filegroup backup of the archive, which changes once a month.
BACKUP DATABASE [KestrelColdChain]
    FILEGROUP = N'ARCHIVE'
    TO DISK = N'\\kestrel-backup\sql\KestrelColdChain\ARCHIVE.bak'
    WITH COMPRESSION, CHECKSUM, INIT;
GO

-- Striped backup to Azure blob storage for the off-site copy.
BACKUP DATABASE [KestrelColdChain]
    TO URL = N'https://kestrelbackups.blob.core.windows.net/sql/KestrelColdChain_1.bak',
       URL = N'https://kestrelbackups.blob.core.windows.net/sql/KestrelColdChain_2.bak'
    WITH COMPRESSION, CHECKSUM, COPY_ONLY, FORMAT;
GO

-- Restore drill on the test server: the last full backup under a new name.
RESTORE FILELISTONLY FROM DISK = N'\\kestrel-backup\sql\KestrelColdChain\FULL_latest.bak';
GO
RESTORE DATABASE [KestrelColdChain_Drill]
    FROM DISK = N'\\kestrel-backup\sql\KestrelColdChain\FULL_latest.bak'
    WITH MOVE N'KestrelColdChain' TO N'T:\Drill\KestrelColdChain_Drill.mdf',
         MOVE N'KestrelColdChain_Ops01' TO N'T:\Drill\KestrelColdChain_Drill_Ops01.ndf',
         MOVE N'KestrelColdChain_Tel01' TO N'T:\Drill\KestrelColdChain_Drill_Tel01.ndf',
         MOVE N'KestrelColdChain_Tel02' TO N'T:\Drill\KestrelColdChain_Drill_Tel02.ndf',
         MOVE N'KestrelColdChain_Arc01' TO N'T:\Drill\KestrelColdChain_Drill_Arc01.ndf',
         MOVE N'KestrelColdChain_log' TO N'T:\Drill\KestrelColdChain_Drill_log.ldf',
         NORECOVERY, REPLACE, STATS = 5;
GO
RESTORE LOG [KestrelColdChain_Drill]
    FROM DISK = N'\\kestrel-backup\sql\KestrelColdChain\LOG_latest.trn'
    WITH RECOVERY, STOPAT = N'2025-03-01T23:59:59';
GO

-------------------------------------------------------------------------------
-- Instance settings the DBA team checks after patching.
-------------------------------------------------------------------------------
EXEC sys.sp_configure N'show advanced options', 1;
RECONFIGURE;
EXEC sys.sp_configure N'max server memory (MB)', 57344;
EXEC sys.sp_configure N'cost threshold for parallelism', 50;
EXEC sys.sp_configure N'backup compression default', 1;
EXEC sys.sp_configure N'backup checksum default', 1;
RECONFIGURE WITH OVERRIDE;
GO
ALTER SERVER CONFIGURATION SET PROCESS AFFINITY CPU = AUTO;
GO
