/*
    Release 2025.03 deployment script. Run in SQLCMD mode (SSMS: Query >
    SQLCMD Mode) or with sqlcmd -i; the values below can be overridden on
    the command line with -v, for example -v Environment="TEST".
*/
:setvar DatabaseName "KestrelColdChain"
:setvar Environment "PROD"
:setvar AppLogin "kestrel_app"
:setvar ReleaseTag "2025.03"
:setvar DataPath "D:\SQLData\"
:setvar MaxRetries 3
:on error exit

PRINT N'Deploying release $(ReleaseTag) to [$(DatabaseName)] on $(SQLCMDSERVER) ($(Environment))';
GO

USE [$(DatabaseName)];
GO

IF DB_NAME() <> N'$(DatabaseName)'
BEGIN
    RAISERROR(N'Connected to the wrong database; expected $(DatabaseName).', 20, 1) WITH LOG;
END;
GO

-- Opens the release window so the DDL trigger lets table changes through.
EXEC sys.sp_set_session_context @key = N'release_window', @value = 1, @read_only = 0;
GO

SET XACT_ABORT ON;
BEGIN TRANSACTION Release$(MaxRetries);
GO

-- 1. New column: the customer's preferred delivery notification channel.
IF COL_LENGTH(N'billing.Customer', N'NotifyChannel') IS NULL
BEGIN
    ALTER TABLE billing.Customer
        ADD NotifyChannel varchar(10) NOT NULL
            CONSTRAINT DF_Customer_NotifyChannel DEFAULT ('EMAIL') WITH VALUES
            CONSTRAINT CK_Customer_NotifyChannel CHECK (NotifyChannel IN ('EMAIL', 'SMS', 'WEBHOOK', 'NONE'));
END;
GO

-- 2. Wider free-text reference on shipments, requested by the booking API.
ALTER TABLE ops.Shipment ALTER COLUMN CustomerReference nvarchar(80) NULL;
GO

-- 3. New index for the portal's "my open shipments" page.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_Shipment_Customer_Open' AND object_id = OBJECT_ID(N'ops.Shipment'))
    CREATE NONCLUSTERED INDEX IX_Shipment_Customer_Open
        ON ops.Shipment (CustomerId, RequiredBy)
        INCLUDE (Status, Reference)
        WHERE Status IN ('BOOKED', 'PLANNED', 'LOADED', 'IN_TRANSIT')
        WITH (ONLINE = ON, MAXDOP = 2);
GO

-- 4. A new temperature band for the pharmaceutical cold chain.
MERGE ref.TemperatureBand AS t
USING (VALUES ('PHARMA-FRZ', N'Pharma frozen (-25 °C to -15 °C)', -25.00, -15.00, 10)) AS s (BandCode, Name, MinTempC, MaxTempC, ToleranceMinutes)
    ON t.BandCode = s.BandCode
WHEN NOT MATCHED THEN
    INSERT (BandCode, Name, MinTempC, MaxTempC, ToleranceMinutes)
    VALUES (s.BandCode, s.Name, s.MinTempC, s.MaxTempC, s.ToleranceMinutes);
GO

-- 5. Environment-specific settings.
IF N'$(Environment)' <> N'PROD'
BEGIN
    -- Test systems must not page the duty manager or send customer mail.
    UPDATE integration.OutboundEvent SET SentAt = SYSUTCDATETIME() WHERE SentAt IS NULL;
    UPDATE billing.Customer SET BillingEmail = N'test-inbox@kestrel-coldchain.example';
    PRINT N'Customer e-mail addresses masked for $(Environment).';
END;
GO

-- 6. Permissions for the application login of this environment.
IF USER_ID(N'$(AppLogin)') IS NULL
    CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)] WITH DEFAULT_SCHEMA = [ops];
GRANT EXECUTE ON OBJECT::integration.usp_BookFromJson TO [$(AppLogin)];
GO

-- 7. Record the release.
IF OBJECT_ID(N'dbo.ReleaseHistory', N'U') IS NULL
    CREATE TABLE dbo.ReleaseHistory
    (
        ReleaseTag  varchar(20) NOT NULL PRIMARY KEY,
        AppliedAt   datetime2(0) NOT NULL DEFAULT (SYSUTCDATETIME()),
        AppliedBy   sysname NOT NULL DEFAULT (ORIGINAL_LOGIN()),
        HostName    nvarchar(128) NULL DEFAULT (HOST_NAME())
    );
GO
INSERT INTO dbo.ReleaseHistory (ReleaseTag) VALUES ('$(ReleaseTag)');
GO

COMMIT TRANSACTION;
GO

EXEC sys.sp_set_session_context @key = N'release_window', @value = 0;
GO

-- Refresh modules that depend on the changed table, so their metadata
-- picks up the wider column.
EXEC sys.sp_refreshview N'ops.vShipmentSummary';
EXEC sys.sp_refreshsqlmodule N'ops.usp_CreateShipment';
GO

PRINT N'Release $(ReleaseTag) applied to $(DatabaseName) at ' + CONVERT(nvarchar(19), SYSDATETIME(), 120) + N'.';
GO
