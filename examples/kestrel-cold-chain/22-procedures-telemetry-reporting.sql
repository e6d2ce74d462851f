/*
    Telemetry ingestion and excursion detection, partition maintenance,
    reports and audit housekeeping.
*/
USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

/*-----------------------------------------------------------------------------
  telemetry.usp_IngestReadings
  Stores a batch of readings from the telemetry gateway. The gateway resends
  a batch when it does not get an answer, so readings that already exist
  are updated instead of duplicated. Returns how many were new.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE telemetry.usp_IngestReadings
    @Readings   telemetry.ReadingBatch READONLY,
    @Inserted   int = 0 OUTPUT,
    @Updated    int = 0 OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @actions TABLE (MergeAction nvarchar(10) NOT NULL, SensorId int NOT NULL);
    DECLARE @unknown nvarchar(max);

    SELECT @unknown = STRING_AGG(CONVERT(nvarchar(max), r.SensorSerial), N', ')
                      WITHIN GROUP (ORDER BY r.SensorSerial)
    FROM (SELECT DISTINCT SensorSerial FROM @Readings) AS r
    WHERE NOT EXISTS (SELECT 1 FROM telemetry.Sensor AS s WHERE s.SensorSerial = r.SensorSerial);

    IF @unknown IS NOT NULL
    BEGIN
        -- RAISERROR arguments cannot be nvarchar(max).
        DECLARE @unknownText nvarchar(2000) = LEFT(@unknown, 2000);
        RAISERROR(N'Readings from unregistered sensors ignored: %s', 10, 1, @unknownText);
    END;

    MERGE telemetry.SensorReading AS target
    USING
    (
        SELECT s.SensorId, r.ReadingTime, r.TemperatureC, r.HumidityPct, r.DoorOpen, r.BatteryPct
        FROM @Readings AS r
        JOIN telemetry.Sensor AS s ON s.SensorSerial = r.SensorSerial
    ) AS source
        ON target.SensorId = source.SensorId
       AND target.ReadingTime = source.ReadingTime
    WHEN MATCHED AND (target.TemperatureC <> source.TemperatureC OR target.DoorOpen <> source.DoorOpen) THEN
        UPDATE SET TemperatureC = source.TemperatureC,
                   HumidityPct = source.HumidityPct,
                   DoorOpen = source.DoorOpen,
                   BatteryPct = source.BatteryPct,
                   ReceivedAt = SYSUTCDATETIME()
    WHEN NOT MATCHED THEN
        INSERT (SensorId, ReadingTime, TemperatureC, HumidityPct, DoorOpen, BatteryPct)
        VALUES (source.SensorId, source.ReadingTime, source.TemperatureC, source.HumidityPct, source.DoorOpen, source.BatteryPct)
    OUTPUT $action, inserted.SensorId INTO @actions (MergeAction, SensorId);

    SELECT @Inserted = COUNT(CASE WHEN MergeAction = N'INSERT' THEN 1 END),
           @Updated = COUNT(CASE WHEN MergeAction = N'UPDATE' THEN 1 END)
    FROM @actions;

    UPDATE telemetry.Sensor
    SET IsActive = 1
    WHERE SensorId IN (SELECT SensorId FROM @actions)
      AND IsActive = 0;
END
GO

/*-----------------------------------------------------------------------------
  telemetry.usp_DetectExcursions
  Finds new temperature excursions since the last run for every sensor on a
  loaded trailer, records them and raises an event for each critical one.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE telemetry.usp_DetectExcursions
    @Since datetime2(0) = NULL
AS
BEGIN
    SET NOCOUNT ON;

    IF @Since IS NULL
        SELECT @Since = ISNULL(MAX(StartedAt), DATEADD(HOUR, -1, SYSUTCDATETIME()))
        FROM telemetry.TemperatureExcursion;

    -- Sensors to check, with the strictest band of what they carry.
    SELECT DISTINCT se.SensorId,
           sh.ShipmentId,
           FIRST_VALUE(pc.BandCode) OVER (PARTITION BY se.SensorId
                                          ORDER BY tb.MaxTempC - tb.MinTempC, tb.BandCode) AS BandCode
    INTO #sensors
    FROM telemetry.Sensor AS se
    JOIN ops.Route AS r ON r.TrailerId = se.TrailerId AND r.Status = 'D'
    JOIN ops.Shipment AS sh ON sh.RouteId = r.RouteId AND sh.Status IN ('LOADED', 'IN_TRANSIT')
    JOIN ops.ShipmentLine AS sl ON sl.ShipmentId = sh.ShipmentId
    JOIN ref.ProductClass AS pc ON pc.ProductClassCode = sl.ProductClassCode
    JOIN ref.TemperatureBand AS tb ON tb.BandCode = pc.BandCode
    WHERE se.IsActive = 1;

    CREATE CLUSTERED INDEX IX_sensors ON #sensors (SensorId);

    CREATE TABLE #found
    (
        SensorId    int NOT NULL,
        ShipmentId  bigint NULL,
        StartedAt   datetime2(0) NOT NULL,
        EndedAt     datetime2(0) NOT NULL,
        PeakTempC   decimal(5, 2) NOT NULL,
        LimitTempC  decimal(5, 2) NOT NULL
    );

    INSERT INTO #found (SensorId, ShipmentId, StartedAt, EndedAt, PeakTempC, LimitTempC)
    SELECT s.SensorId,
           s.ShipmentId,
           w.StartedAt,
           w.EndedAt,
           w.PeakTempC,
           CASE WHEN w.PeakTempC > tb.MaxTempC THEN tb.MaxTempC ELSE tb.MinTempC END
    FROM #sensors AS s
    JOIN ref.TemperatureBand AS tb ON tb.BandCode = s.BandCode
    CROSS APPLY telemetry.fn_ExcursionWindows(s.SensorId, s.BandCode, @Since, SYSUTCDATETIME()) AS w
    WHERE NOT EXISTS
    (
        SELECT 1
        FROM telemetry.TemperatureExcursion AS te
        WHERE te.SensorId = s.SensorId
          AND te.StartedAt = w.StartedAt
    );

    DECLARE @new TABLE (ExcursionId int, ShipmentId bigint, Severity varchar(8));

    INSERT INTO telemetry.TemperatureExcursion (SensorId, ShipmentId, StartedAt, EndedAt, PeakTempC, LimitTempC)
    OUTPUT inserted.ExcursionId, inserted.ShipmentId, inserted.Severity INTO @new
    SELECT SensorId, ShipmentId, StartedAt, EndedAt, PeakTempC, LimitTempC
    FROM #found;

    INSERT INTO integration.OutboundEvent (EventType, ShipmentId, Payload)
    SELECT 'excursion.critical',
           n.ShipmentId,
           (SELECT n.ExcursionId AS excursionId, s.Reference AS shipment, n.Severity AS severity
            FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
    FROM @new AS n
    LEFT JOIN ops.Shipment AS s ON s.ShipmentId = n.ShipmentId
    WHERE n.Severity = 'CRITICAL';

    SELECT COUNT(*) AS NewExcursions, SUM(CASE WHEN Severity = 'CRITICAL' THEN 1 ELSE 0 END) AS Critical
    FROM @new;

    DROP TABLE IF EXISTS #found;
    DROP TABLE IF EXISTS #sensors;
END
GO

/*-----------------------------------------------------------------------------
  telemetry.usp_ArchiveMonth
  Moves the oldest month of readings to the archive table by partition
  switching, merges the emptied boundary away and adds next month's
  boundary. Object names come from metadata, so the statements are built
  as strings.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE telemetry.usp_ArchiveMonth
    @KeepMonths int = 13,
    @WhatIf     bit = 0
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @oldest datetime2(0), @newest datetime2(0), @next datetime2(0);
    DECLARE @partition int, @rows bigint, @sql nvarchar(max);

    SELECT TOP (1) @oldest = CAST(prv.value AS datetime2(0))
    FROM sys.partition_functions AS pf
    JOIN sys.partition_range_values AS prv ON prv.function_id = pf.function_id
    WHERE pf.name = N'pfReadingMonth'
    ORDER BY prv.boundary_id;

    SELECT TOP (1) @newest = CAST(prv.value AS datetime2(0))
    FROM sys.partition_functions AS pf
    JOIN sys.partition_range_values AS prv ON prv.function_id = pf.function_id
    WHERE pf.name = N'pfReadingMonth'
    ORDER BY prv.boundary_id DESC;

    IF DATEDIFF(MONTH, @oldest, SYSUTCDATETIME()) <= @KeepMonths
    BEGIN
        PRINT N'Nothing to archive: oldest boundary is ' + CONVERT(nvarchar(19), @oldest, 120) + N'.';
        RETURN;
    END;

    -- Readings before the first boundary live in partition 1.
    SET @partition = $PARTITION.pfReadingMonth(DATEADD(SECOND, -1, @oldest));

    SELECT @rows = SUM(p.rows)
    FROM sys.partitions AS p
    WHERE p.object_id = OBJECT_ID(N'telemetry.SensorReading')
      AND p.partition_number = @partition
      AND p.index_id IN (0, 1);

    SET @next = DATEADD(MONTH, 1, @newest);

    SET @sql = N'ALTER TABLE telemetry.SensorReading SWITCH PARTITION ' + CAST(@partition AS nvarchar(10))
             + N' TO telemetry.SensorReadingStage;' + NCHAR(13) + NCHAR(10)
             + N'INSERT INTO telemetry.SensorReadingArchive WITH (TABLOCK) SELECT * FROM telemetry.SensorReadingStage;' + NCHAR(13) + NCHAR(10)
             + N'TRUNCATE TABLE telemetry.SensorReadingStage;' + NCHAR(13) + NCHAR(10)
             + N'ALTER PARTITION FUNCTION pfReadingMonth() MERGE RANGE (''' + CONVERT(nchar(19), @oldest, 126) + N''');' + NCHAR(13) + NCHAR(10)
             + N'ALTER PARTITION SCHEME psReadingMonth NEXT USED [TELEMETRY];' + NCHAR(13) + NCHAR(10)
             + N'ALTER PARTITION FUNCTION pfReadingMonth() SPLIT RANGE (''' + CONVERT(nchar(19), @next, 126) + N''');';

    IF @WhatIf = 1
    BEGIN
        PRINT @sql;
        RETURN;
    END;

    -- The staging table must match the source exactly, on the same
    -- filegroup, for SWITCH to succeed.
    IF OBJECT_ID(N'telemetry.SensorReadingStage', N'U') IS NULL
    BEGIN
        EXEC (N'SELECT TOP (0) * INTO telemetry.SensorReadingStage ON [TELEMETRY] FROM telemetry.SensorReading;');
        EXEC (N'CREATE CLUSTERED COLUMNSTORE INDEX CCI_SensorReadingStage ON telemetry.SensorReadingStage;');
    END;

    BEGIN TRANSACTION;
    EXEC sys.sp_executesql @sql;
    COMMIT TRANSACTION;

    RAISERROR(N'Archived partition %d (%I64d rows) before %s.', 0, 1, @partition, @rows, N'boundary') WITH NOWAIT;
END
GO

/*-----------------------------------------------------------------------------
  telemetry.usp_HourlyTemperaturePivot
  Average temperature per hour of the day for one trailer, one column per
  sensor. Sensors vary per trailer, so the PIVOT column list is built from
  the data and the query runs as dynamic SQL.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE telemetry.usp_HourlyTemperaturePivot
    @TrailerCode    varchar(10),
    @Day            date
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @columns nvarchar(max), @query nvarchar(max);
    DECLARE @from nvarchar(30) = CONVERT(nvarchar(30), CAST(@Day AS datetime2(0)), 126);
    DECLARE @to nvarchar(30) = CONVERT(nvarchar(30), DATEADD(DAY, 1, CAST(@Day AS datetime2(0))), 126);

    -- The older FOR XML PATH idiom is kept here because this procedure also
    -- runs on a reporting replica that is still on SQL Server 2016.
    SET @columns = STUFF(
        (
            SELECT N',' + QUOTENAME(s.SensorSerial)
            FROM telemetry.Sensor AS s
            JOIN ops.Trailer AS t ON t.TrailerId = s.TrailerId
            WHERE t.TrailerCode = @TrailerCode
            ORDER BY s.Compartment, s.SensorSerial
            FOR XML PATH(''), TYPE
        ).value('.', 'nvarchar(max)'), 1, 1, N'');

    IF @columns IS NULL
    BEGIN
        RAISERROR('Trailer %s has no sensors.', 16, 1, @TrailerCode);
        RETURN;
    END;

    SET @query = 'SELECT ReadingHour, ' + @columns + '
FROM
(
    SELECT DATEPART(HOUR, r.ReadingTime) AS ReadingHour, s.SensorSerial, r.TemperatureC
    FROM telemetry.SensorReading AS r
    JOIN telemetry.Sensor AS s ON s.SensorId = r.SensorId
    JOIN ops.Trailer AS t ON t.TrailerId = s.TrailerId
    WHERE t.TrailerCode = ''' + REPLACE(@TrailerCode, '''', '''''') + '''
      AND r.ReadingTime >= ''' + @from + '''
      AND r.ReadingTime < ''' + @to + '''
) AS src
PIVOT (AVG(TemperatureC) FOR SensorSerial IN (' + @columns + ')) AS p
ORDER BY ReadingHour;';

    EXEC (@query);
END
GO

/*-----------------------------------------------------------------------------
  report.usp_DailyKpi
  Computes yesterday's KPIs per depot into report.KpiSnapshot. Runs as the
  owner so the reporting login needs EXECUTE only.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE report.usp_DailyKpi
    @Day date = NULL
WITH EXECUTE AS OWNER, RECOMPILE
AS
BEGIN
    SET NOCOUNT ON;
    SET ANSI_WARNINGS OFF;        -- AVG over no rows must give NULL quietly
    SET ARITHABORT ON;
    SET LOCK_TIMEOUT 30000;
    SET DEADLOCK_PRIORITY LOW;
    SET TRANSACTION ISOLATION LEVEL SNAPSHOT;

    SET @Day = ISNULL(@Day, DATEADD(DAY, -1, CAST(SYSUTCDATETIME() AS date)));

    DECLARE @start datetime2(0) = @Day, @end datetime2(0) = DATEADD(DAY, 1, @Day);

    MERGE report.KpiSnapshot AS k
    USING
    (
        SELECT d.DepotId,
               ISNULL(x.Delivered, 0) AS Delivered,
               x.OnTimePct,
               ISNULL(e.Excursions, 0) AS Excursions,
               x.PalletKm,
               rev.RevenueEur
        FROM ops.Depot AS d
        OUTER APPLY
        (
            SELECT COUNT(*) AS Delivered,
                   CAST(AVG(CASE WHEN r.ActualArrival <= s.RequiredBy THEN 100.0 ELSE 0 END) AS decimal(5, 2)) AS OnTimePct,
                   SUM(s.TotalPallets * r.DistanceKm) AS PalletKm
            FROM ops.Shipment AS s
            JOIN ops.Route AS r ON r.RouteId = s.RouteId
            WHERE s.OriginDepotId = d.DepotId
              AND s.Status = 'DELIVERED'
              AND r.ActualArrival >= @start AND r.ActualArrival < @end
        ) AS x
        OUTER APPLY
        (
            SELECT COUNT(*) AS Excursions
            FROM telemetry.TemperatureExcursion AS te
            JOIN ops.Shipment AS s ON s.ShipmentId = te.ShipmentId
            WHERE s.OriginDepotId = d.DepotId
              AND te.StartedAt >= @start AND te.StartedAt < @end
        ) AS e
        OUTER APPLY
        (
            SELECT CAST(SUM(ref.fn_ConvertCurrency(il.LineAmount, i.CurrencyCode, 'EUR')) AS money) AS RevenueEur
            FROM billing.InvoiceLine AS il
            JOIN billing.Invoice AS i ON i.InvoiceId = il.InvoiceId
            JOIN ops.Shipment AS s ON s.ShipmentId = il.ShipmentId
            WHERE s.OriginDepotId = d.DepotId
              AND i.InvoiceDate = @Day
        ) AS rev
        WHERE d.IsActive = 1
    ) AS src
        ON k.SnapshotDate = @Day AND k.DepotId = src.DepotId
    WHEN MATCHED THEN
        UPDATE SET ShipmentsDelivered = src.Delivered,
                   OnTimePct = src.OnTimePct,
                   ExcursionCount = src.Excursions,
                   PalletKm = src.PalletKm,
                   RevenueEur = src.RevenueEur,
                   ComputedAt = GETDATE()
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (SnapshotDate, DepotId, ShipmentsDelivered, OnTimePct, ExcursionCount, PalletKm, RevenueEur)
        VALUES (@Day, src.DepotId, src.Delivered, src.OnTimePct, src.Excursions, src.PalletKm, src.RevenueEur);

    SELECT report.fn_IsoWeekLabel(k.SnapshotDate) AS IsoWeek,
           DATENAME(MONTH, k.SnapshotDate) AS MonthName,
           DATEPART(WEEK, k.SnapshotDate) AS WeekOfYear,
           DATEPART(DW, k.SnapshotDate) AS Weekday,
           DATEPART(YY, k.SnapshotDate) AS YearNumber,
           DATEPART(MM, k.SnapshotDate) AS MonthNumber,
           DATEPART(DD, k.SnapshotDate) AS DayNumber,
           DATEPART(TZOFFSET, SYSDATETIMEOFFSET()) AS ServerOffsetMinutes,
           d.DepotCode,
           k.ShipmentsDelivered,
           FORMAT(k.OnTimePct / 100, 'P1') AS OnTime,
           FORMAT(k.RevenueEur, 'C', 'de-DE') AS Revenue,
           SUM(k.ShipmentsDelivered) OVER () AS NetworkDelivered,
           PERCENT_RANK() OVER (ORDER BY k.OnTimePct) AS OnTimePercentRank,
           CUME_DIST() OVER (ORDER BY k.PalletKm) AS PalletKmCumeDist,
           PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY k.OnTimePct) OVER () AS MedianOnTime
    FROM report.KpiSnapshot AS k
    JOIN ops.Depot AS d ON d.DepotId = k.DepotId
    WHERE k.SnapshotDate = @Day
    ORDER BY k.OnTimePct DESC;
END
GO

/*-----------------------------------------------------------------------------
  report.usp_RunNamedReport
  Runs one of the saved reports by name for the reporting portal. Saved
  reports are views in the report schema; the portal passes the name and
  an optional depot filter. The portal's login is impersonated so row
  filters that depend on the user apply.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE report.usp_RunNamedReport
    @ReportName     sysname,
    @DepotCode      char(5) = NULL,
    @Top            int = 1000,
    @AsUser         sysname = NULL
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @object nvarchar(300);
    DECLARE @sql nvarchar(4000);
    DECLARE @topText varchar(10) = CAST(@Top AS varchar(10));

    SELECT @object = QUOTENAME(SCHEMA_NAME(v.schema_id)) + N'.' + QUOTENAME(v.name)
    FROM sys.views AS v
    WHERE v.schema_id = SCHEMA_ID(N'report')
      AND v.name = @ReportName;

    IF @object IS NULL
    BEGIN
        RAISERROR(N'Unknown report "%s"; choose one of the views in the report schema.', 16, 1, @ReportName);
        RETURN 1;
    END;

    IF @AsUser IS NOT NULL
        EXECUTE AS USER = @AsUser;

    IF @DepotCode IS NULL
        -- EXEC() concatenates only literals and variables, hence @topText.
        EXEC('SELECT TOP (' + @topText + ') * FROM ' + @object + ';');
    ELSE
    BEGIN
        SET @sql = N'SELECT TOP (@top) * FROM ' + @object + N' WHERE DepotCode = @depot;';
        EXEC sp_executesql @sql, N'@top int, @depot char(5)', @top = @Top, @depot = @DepotCode;
    END;

    IF @AsUser IS NOT NULL
        REVERT;

    RETURN 0;
END
GO

/*-----------------------------------------------------------------------------
  report.usp_TableSizes
  Row counts and space per table, for the capacity review. Uses a cursor
  over the catalog and builds one statement per table.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE report.usp_TableSizes
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @schema sysname, @table sysname, @cmd nvarchar(1000);

    CREATE TABLE #sizes
    (
        name        nvarchar(300),
        [rows]      varchar(30),
        reserved    varchar(30),
        data        varchar(30),
        index_size  varchar(30),
        unused      varchar(30)
    );

    DECLARE tables_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT s.name, t.name
        FROM sys.tables AS t
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        WHERE t.is_ms_shipped = 0
        ORDER BY s.name, t.name;

    OPEN tables_cursor;
    FETCH NEXT FROM tables_cursor INTO @schema, @table;

    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @cmd = 'EXEC sp_spaceused ''' + QUOTENAME(@schema) + '.' + QUOTENAME(@table) + '''';

        INSERT INTO #sizes (name, [rows], reserved, data, index_size, unused)
        EXEC (@cmd);

        IF @@ERROR <> 0
            PRINT 'sp_spaceused failed for ' + @schema + '.' + @table;

        FETCH NEXT FROM tables_cursor INTO @schema, @table;
    END;

    CLOSE tables_cursor;
    DEALLOCATE tables_cursor;

    SELECT name,
           CAST([rows] AS bigint) AS [rows],
           CAST(REPLACE(reserved, ' KB', '') AS bigint) / 1024 AS ReservedMb,
           CAST(REPLACE(data, ' KB', '') AS bigint) / 1024 AS DataMb,
           CAST(REPLACE(index_size, ' KB', '') AS bigint) / 1024 AS IndexMb
    FROM #sizes
    ORDER BY CAST(REPLACE(reserved, ' KB', '') AS bigint) DESC;
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_SearchIncidents
  Full-text search over incident reports for the claims team.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_SearchIncidents
    @Words      nvarchar(200),
    @Exact      bit = 0,
    @Top        int = 50
AS
BEGIN
    SET NOCOUNT ON;

    IF @Exact = 1
    BEGIN
        DECLARE @phrase nvarchar(210) = N'"' + REPLACE(@Words, N'"', N'') + N'"';

        SELECT TOP (@Top) ir.IncidentId, ir.ReportedAt, ir.Category, ir.Title
        FROM ops.IncidentReport AS ir
        WHERE CONTAINS((ir.Title, ir.Body), @phrase)
        ORDER BY ir.ReportedAt DESC;
    END
    ELSE
        SELECT TOP (@Top) ir.IncidentId, ir.ReportedAt, ir.Category, ir.Title, k.[RANK] AS Relevance
        FROM FREETEXTTABLE(ops.IncidentReport, (Title, Body), @Words, LANGUAGE 1033) AS k
        JOIN ops.IncidentReport AS ir ON ir.IncidentId = k.[KEY]
        ORDER BY k.[RANK] DESC;

    -- Near matches for temperature incidents, weighted towards recent wording.
    SELECT TOP (10) ir.IncidentId, ct.[RANK]
    FROM CONTAINSTABLE(ops.IncidentReport, Body,
                       N'NEAR((reefer, alarm), 5) OR FORMSOF(INFLECTIONAL, thaw) OR ISABOUT(temperature WEIGHT(0.8), door WEIGHT(0.2))') AS ct
    JOIN ops.IncidentReport AS ir ON ir.IncidentId = ct.[KEY]
    WHERE ir.Category = 'TEMPERATURE' AND FREETEXT(ir.Body, @Words)
    ORDER BY ct.[RANK] DESC;
END
GO

/*-----------------------------------------------------------------------------
  audit.usp_PurgeChangeLog
  Deletes change log rows older than the retention period in small batches,
  pausing between batches so log backups and replicas keep up.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE audit.usp_PurgeChangeLog
    @RetentionDays  int = 400,
    @BatchSize      int = 5000,
    @Pause          char(8) = '00:00:02'
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @cutoff datetime2(3) = DATEADD(DAY, -@RetentionDays, SYSDATETIME());
    DECLARE @deleted int = 1, @total bigint = 0, @started datetime2(3) = SYSDATETIME();

    WHILE @deleted > 0
    BEGIN
        DELETE TOP (@BatchSize)
        FROM audit.ChangeLog
        WHERE ChangedAt < @cutoff;

        SET @deleted = @@ROWCOUNT;
        SET @total += @deleted;

        IF @deleted > 0
            WAITFOR DELAY @Pause;

        IF DATEDIFF(MINUTE, @started, SYSDATETIME()) >= 30
        BEGIN
            RAISERROR(N'Stopping after 30 minutes; %I64d rows deleted, more remain.', 10, 1, @total) WITH NOWAIT;
            BREAK;
        END;
    END;

    -- Let the ghost cleanup catch up before the nightly backup starts.
    WAITFOR TIME '01:45';

    SELECT @total AS RowsDeleted, DATEDIFF(SECOND, @started, SYSDATETIME()) AS Seconds;
END
GO
