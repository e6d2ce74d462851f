/*
    Linked servers: the carrier hub (SQL Server), the finance ERP (Oracle
    through an ODBC DSN) and the procedures that read and write through
    them with four-part names, OPENQUERY and EXECUTE ... AT.
*/
USE [master]
GO

-------------------------------------------------------------------------------
-- CARRIERHUB: SQL Server 2019 run by the subcontractor network.
-------------------------------------------------------------------------------
IF EXISTS (SELECT 1 FROM sys.servers WHERE name = N'CARRIERHUB')
    EXEC master.dbo.sp_dropserver @server = N'CARRIERHUB', @droplogins = 'droplogins';
GO
EXEC master.dbo.sp_addlinkedserver
    @server = N'CARRIERHUB',
    @srvproduct = N'',
    @provider = N'MSOLEDBSQL',
    @datasrc = N'carrierhub.partners.kestrel-coldchain.example,14330',
    @provstr = N'Encrypt=Mandatory;TrustServerCertificate=No',
    @catalog = N'CarrierHub';
GO
EXEC master.dbo.sp_addlinkedsrvlogin
    @rmtsrvname = N'CARRIERHUB',
    @useself = N'False',
    @locallogin = NULL,
    @rmtuser = N'kestrel_reader',
    @rmtpassword = N'<placeholder-carrierhub-password>';
GO
EXEC master.dbo.sp_addlinkedsrvlogin
    @rmtsrvname = N'CARRIERHUB',
    @useself = N'True',
    @locallogin = N'KESTREL\SQL-Operations';
GO
EXEC master.dbo.sp_serveroption @server = N'CARRIERHUB', @optname = N'rpc', @optvalue = N'true';
EXEC master.dbo.sp_serveroption @server = N'CARRIERHUB', @optname = N'rpc out', @optvalue = N'true';
EXEC master.dbo.sp_serveroption @server = N'CARRIERHUB', @optname = N'data access', @optvalue = N'true';
EXEC master.dbo.sp_serveroption @server = N'CARRIERHUB', @optname = N'remote proc transaction promotion', @optvalue = N'false';
EXEC master.dbo.sp_serveroption @server = N'CARRIERHUB', @optname = N'query timeout', @optvalue = N'120';
EXEC master.dbo.sp_serveroption @server = N'CARRIERHUB', @optname = N'collation compatible', @optvalue = N'true';
GO

-------------------------------------------------------------------------------
-- FINANCE_ERP: Oracle 19c through the ODBC driver, used for the month-end
-- ledger export.
-------------------------------------------------------------------------------
EXEC master.dbo.sp_addlinkedserver
    @server = N'FINANCE_ERP',
    @srvproduct = N'Oracle',
    @provider = N'MSDASQL',
    @datasrc = N'KestrelErpDsn';
GO
EXEC master.dbo.sp_addlinkedsrvlogin
    @rmtsrvname = N'FINANCE_ERP',
    @useself = 'FALSE',
    @rmtuser = N'KCC_LEDGER',
    @rmtpassword = N'<placeholder-erp-password>';
GO

-- Ad hoc distributed queries are needed for the spreadsheet import below.
EXEC sys.sp_configure N'show advanced options', 1;
RECONFIGURE;
EXEC sys.sp_configure N'Ad Hoc Distributed Queries', 1;
RECONFIGURE;
GO

USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

/*-----------------------------------------------------------------------------
  integration.usp_SyncCarrierTracking
  Copies new tracking events from the carrier hub. The filter runs on the
  remote server through OPENQUERY because a four-part query would pull the
  whole remote table across before filtering.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_SyncCarrierTracking
    @Hours int = 2
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @since datetimeoffset(0) = DATEADD(HOUR, -@Hours, SYSDATETIMEOFFSET());
    DECLARE @remote nvarchar(max);

    -- OPENQUERY needs a literal query, so the whole statement is built and
    -- the date is written into the inner query as text.
    SET @remote = N'INSERT INTO integration.CarrierTracking
    (TrackingId, CarrierCode, ShipmentNumber, EventCode, EventTime, Latitude, Longitude)
SELECT q.TrackingId, q.CarrierCode, q.ShipmentNumber, q.EventCode, q.EventTime, q.Latitude, q.Longitude
FROM OPENQUERY(CARRIERHUB, ''SELECT TrackingId, CarrierCode, ShipmentNumber, EventCode, EventTime, Latitude, Longitude
    FROM dbo.TrackingEvent WHERE EventTime >= ''''' + CONVERT(nvarchar(30), @since, 127) + N''''''') AS q
WHERE NOT EXISTS (SELECT 1 FROM integration.CarrierTracking AS t
                  WHERE t.CarrierCode = q.CarrierCode AND t.TrackingId = q.TrackingId);';

    EXEC (@remote);

    -- Carriers whose names changed: a small table, so four-part names are fine.
    SELECT c.CarrierCode, c.CarrierName, c.ContactEmail
    FROM [CARRIERHUB].[CarrierHub].[dbo].[Carrier] AS c
    WHERE c.ModifiedAt >= @since;

    -- Same table through the synonym defined in 04-tables-telemetry-audit.sql.
    SELECT COUNT(*) AS RemoteCarriers FROM integration.RemoteCarrier;

    -- Tell the hub which shipments Kestrel has closed, so carriers stop
    -- reporting on them.
    UPDATE rt
    SET rt.Closed = 1
    FROM CARRIERHUB.CarrierHub.dbo.TrackingSubscription AS rt
    JOIN ops.Shipment AS s ON s.ShipmentNumber = rt.ShipmentNumber
    WHERE s.Status IN ('DELIVERED', 'CANCELLED')
      AND rt.Closed = 0;

    PRINT CONCAT(@@ROWCOUNT, N' subscriptions closed on the carrier hub.');
END
GO

/*-----------------------------------------------------------------------------
  integration.usp_ExportLedgerToErp
  Sends a month of ledger entries to the ERP inside a distributed
  transaction, then asks the ERP to post them.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_ExportLedgerToErp
    @Month date
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;   -- required for most OLE DB providers in a distributed transaction

    DECLARE @from date = DATEFROMPARTS(YEAR(@Month), MONTH(@Month), 1);
    DECLARE @to date = DATEADD(MONTH, 1, @from);
    DECLARE @period char(6) = CONVERT(char(6), @from, 112);
    DECLARE @count int;

    BEGIN DISTRIBUTED TRANSACTION;

    INSERT INTO OPENQUERY(FINANCE_ERP, 'SELECT PERIOD, ACCOUNT, DEBIT, CREDIT, NARRATIVE FROM KCC_LEDGER.GL_STAGING WHERE 1 = 0')
    SELECT @period, Account, Debit, Credit, LEFT(Narrative, 100)
    FROM billing.LedgerEntry
    WHERE PostingDate >= @from AND PostingDate < @to;

    SET @count = @@ROWCOUNT;

    EXEC ('BEGIN KCC_LEDGER.POST_PERIOD(?, ?); END;', @period, @count) AT FINANCE_ERP;

    COMMIT TRANSACTION;

    SELECT *
    FROM OPENQUERY(FINANCE_ERP, 'SELECT PERIOD, STATUS, POSTED_AT FROM KCC_LEDGER.GL_PERIODS WHERE ROWNUM <= 12 ORDER BY PERIOD DESC');
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_ImportFuelPrices
  Reads the weekly fuel price spreadsheet that purchasing drops on a share,
  and the depot list from the old Access database, through ad hoc OLE DB.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_ImportFuelPrices
AS
BEGIN
    SET NOCOUNT ON;

    SELECT f.[Country], f.[Week], f.[DieselPerLitre]
    FROM OPENROWSET('Microsoft.ACE.OLEDB.12.0',
                    'Excel 12.0 Xml;HDR=YES;Database=\\kestrel-files\purchasing\fuel-prices.xlsx',
                    'SELECT * FROM [Prices$]') AS f;

    SELECT d.DepotCode, d.FuelCardAccount
    FROM OPENDATASOURCE('Microsoft.ACE.OLEDB.12.0',
                        'Data Source=\\kestrel-files\legacy\depots.accdb')...Depots AS d;

    SELECT BulkColumn
    FROM OPENROWSET(BULK N'\\kestrel-files\purchasing\fuel-surcharge.json', SINGLE_CLOB) AS j;
END
GO

-- Checks that each linked server answers, for the morning checklist.
DECLARE @server sysname;
DECLARE servers CURSOR LOCAL FAST_FORWARD FOR
    SELECT name FROM sys.servers WHERE is_linked = 1;
OPEN servers;
FETCH NEXT FROM servers INTO @server;
WHILE @@FETCH_STATUS = 0
BEGIN
    BEGIN TRY
        EXEC sys.sp_testlinkedserver @server;
        PRINT @server + N': ok';
    END TRY
    BEGIN CATCH
        PRINT @server + N': ' + ERROR_MESSAGE();
    END CATCH;
    FETCH NEXT FROM servers INTO @server;
END;
CLOSE servers;
DEALLOCATE servers;
GO
