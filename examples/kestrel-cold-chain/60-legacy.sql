/*
    Legacy code still deployed from the 2008 system, kept in one file so
    the migration team can see it together. Several of these constructs
    block a move to Azure SQL, Babelfish or PostgreSQL; the comment above
    each says why it is here. Everything is valid on SQL Server 2022 unless
    its comment says it is deliberately legacy and would fail there.
*/
USE [master]
GO

-- CLR: the route optimiser's distance matrix and a concatenation aggregate
-- are .NET code. 'clr strict security' (on by default since SQL Server
-- 2017) requires the assembly to be signed or trusted with sp_add_trusted_assembly.
EXEC sys.sp_configure N'show advanced options', 1;
RECONFIGURE;
EXEC sys.sp_configure N'clr enabled', 1;
RECONFIGURE;
GO

-- xp_cmdshell is switched on for the nightly file export below.
EXEC sys.sp_configure N'xp_cmdshell', 1;
RECONFIGURE;
EXEC sys.sp_configure N'Ole Automation Procedures', 1;
RECONFIGURE;
GO

IF NOT EXISTS (SELECT 1 FROM sys.messages WHERE message_id = 50001)
    EXEC sp_addmessage 50001, 16, N'Legacy order %s cannot be changed.';
GO

USE [KestrelColdChain]
GO

CREATE ASSEMBLY [Kestrel.Routing]
    AUTHORIZATION [dbo]
    FROM N'D:\SQLAssemblies\Kestrel.Routing.dll'
    WITH PERMISSION_SET = EXTERNAL_ACCESS;
GO

CREATE PROCEDURE legacy.usp_OptimiseRoute
    @RouteId    int,
    @MaxStops   int = 25,
    @Result     nvarchar(max) OUTPUT
AS EXTERNAL NAME [Kestrel.Routing].[Kestrel.Routing.Optimiser].[OptimiseRoute];
GO

CREATE FUNCTION legacy.fn_RoadDistanceKm (@fromLat float, @fromLon float, @toLat float, @toLon float)
RETURNS float
WITH EXECUTE AS CALLER
AS EXTERNAL NAME [Kestrel.Routing].[Kestrel.Routing.RoadNetwork].[DistanceKm];
GO

CREATE AGGREGATE legacy.JoinText (@value nvarchar(4000))
RETURNS nvarchar(max)
EXTERNAL NAME [Kestrel.Routing].[Kestrel.Routing.JoinText];
GO

-- Orders from the 2008 system: text and image columns, never converted.
CREATE TABLE legacy.OldOrder
(
    OrderNo         varchar(12) NOT NULL PRIMARY KEY,
    CustomerNo      varchar(10) NOT NULL,
    OrderDate       datetime NOT NULL DEFAULT (GETDATE()),
    Instructions    text NULL,
    InstructionsUni ntext NULL,
    ScannedForm     image NULL,
    Amount          money NOT NULL DEFAULT (0),
    Stamp           timestamp NOT NULL
);
GO

CREATE TABLE legacy.OldCustomer
(
    CustomerNo      varchar(10) NOT NULL PRIMARY KEY,
    Name            varchar(80) NOT NULL,
    Region          char(2) NULL
);
GO

-- Deliberately legacy: the old-style outer join operator *= is accepted
-- only under database compatibility level 80 (SQL Server 2000). SQL Server
-- 2022 rejects this view at level 160 with error 4147; it is kept because
-- the archived 2008 instance still runs at level 80 and the view must be
-- rewritten with LEFT OUTER JOIN before migration.
CREATE VIEW legacy.vOrdersWithCustomer
AS
SELECT o.OrderNo, o.OrderDate, o.Amount, c.Name, c.Region
FROM legacy.OldOrder o, legacy.OldCustomer c
WHERE o.CustomerNo *= c.CustomerNo
  AND o.Amount > 0;
GO

-- Same problem in the other direction (right outer join, =*), also only
-- valid under compatibility level 80.
CREATE VIEW legacy.vCustomersWithOrders
AS
SELECT c.CustomerNo, c.Name, o.OrderNo
FROM legacy.OldOrder o, legacy.OldCustomer c
WHERE o.CustomerNo =* c.CustomerNo;
GO

SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

-- Deliberately legacy: RAISERROR with a message number and text but no
-- parentheses was removed in SQL Server 2012; this procedure no longer
-- compiles on 2022 and is kept as the archive instance has it.
CREATE PROCEDURE legacy.usp_ChangeOldOrder
    @OrderNo    varchar(12),
    @Amount     money
AS
BEGIN
    IF EXISTS (SELECT 1 FROM legacy.OldOrder WHERE OrderNo = @OrderNo AND OrderDate < '20100101')
    BEGIN
        RAISERROR 50001 'Orders before 2010 are frozen.'
        RETURN
    END

    -- SET ROWCOUNT limits the UPDATE; deprecated for DML statements.
    SET ROWCOUNT 1
    UPDATE legacy.OldOrder SET Amount = @Amount WHERE OrderNo = @OrderNo
    SET ROWCOUNT 0

    IF @@ERROR <> 0
        RAISERROR (50001, 16, 1, @OrderNo)
END
GO

-- Text pointer functions for the text column: deprecated, and not
-- available in Babelfish or PostgreSQL.
CREATE PROCEDURE legacy.usp_AppendInstructions
    @OrderNo    varchar(12),
    @Text       varchar(1000)
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @ptr varbinary(16);

    SELECT @ptr = TEXTPTR(Instructions)
    FROM legacy.OldOrder
    WHERE OrderNo = @OrderNo;

    IF @ptr IS NULL OR TEXTVALID('legacy.OldOrder.Instructions', @ptr) = 0
        RETURN;

    UPDATETEXT legacy.OldOrder.Instructions @ptr NULL 0 @Text;
    READTEXT legacy.OldOrder.Instructions @ptr 0 200;
END
GO

-- Writes the day's delivery notes to the customer share with bcp through
-- xp_cmdshell, then forces the dirty pages to disk with CHECKPOINT before
-- the SAN snapshot that the storage team takes at 23:00.
CREATE PROCEDURE legacy.usp_ExportDeliveryNotes
    @Day date
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @cmd varchar(8000), @folder varchar(200), @rc int;
    DECLARE @output TABLE (line nvarchar(4000));

    SET @folder = '\\kestrel-files\delivery-notes\' + CONVERT(varchar(8), @Day, 112);

    SET @cmd = 'mkdir "' + @folder + '"';
    EXEC @rc = master..xp_cmdshell @cmd, no_output;

    SET @cmd = 'bcp "SELECT Reference, Status FROM KestrelColdChain.ops.Shipment WHERE CAST(BookedAt AS date) = '''
             + CONVERT(varchar(10), @Day, 120) + '''" queryout "' + @folder + '\notes.csv" -c -t, -T -S ' + @@SERVERNAME;

    INSERT INTO @output (line)
    EXEC master.dbo.xp_cmdshell @cmd;

    IF EXISTS (SELECT 1 FROM @output WHERE line LIKE '%Error%')
    BEGIN
        SELECT line FROM @output WHERE line IS NOT NULL;
        RAISERROR('bcp export failed for %s.', 16, 1, @folder);
        RETURN;
    END;

    CHECKPOINT;
    CHECKPOINT 30;
END
GO

-- Calls the old courier web service through OLE Automation.
CREATE PROCEDURE legacy.usp_NotifyCourier
    @Reference varchar(30)
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @http int, @hr int, @status int, @url varchar(400);

    SET @url = 'http://courier.legacy.kestrel.internal/notify?ref=' + @Reference;

    EXEC @hr = sp_OACreate 'MSXML2.ServerXMLHTTP.6.0', @http OUT;
    IF @hr <> 0
    BEGIN
        EXEC sp_OAGetErrorInfo @http;
        RETURN;
    END;

    EXEC @hr = sp_OAMethod @http, 'open', NULL, 'GET', @url, 'false';
    EXEC @hr = sp_OAMethod @http, 'send';
    EXEC @hr = sp_OAGetProperty @http, 'status', @status OUT;
    EXEC sp_OADestroy @http;

    IF @status <> 200
        PRINT 'Courier notification returned HTTP ' + CAST(@status AS varchar(5));
END
GO

-- Undocumented extended procedures that the old installer used.
DECLARE @exists int, @path nvarchar(512);
EXEC master.dbo.xp_fileexist N'D:\SQLAssemblies\Kestrel.Routing.dll', @exists OUTPUT;
EXEC master.dbo.xp_instance_regread
    N'HKEY_LOCAL_MACHINE',
    N'Software\Microsoft\MSSQLServer\MSSQLServer',
    N'BackupDirectory',
    @path OUTPUT;
SELECT @exists AS AssemblyFilePresent, @path AS BackupDirectory;
GO

-- Reports that still use GROUP BY ALL and the deprecated index options.
SELECT CustomerNo, COUNT(*) AS Orders, SUM(Amount) AS Total
FROM legacy.OldOrder
WHERE OrderDate >= '20080101'
GROUP BY ALL CustomerNo;
GO
DBCC DBREINDEX (N'legacy.OldOrder', N'', 90);
GO
SETUSER 'kestrel_app';
SELECT USER_NAME() AS ActingAs;
SETUSER;
GO
