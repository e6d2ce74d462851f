/*
    Security: logins, users, roles, permissions, encryption keys and the
    logon trigger. Passwords below are placeholders; the release pipeline
    replaces them from the vault before the script runs.
*/
USE [master]
GO

-------------------------------------------------------------------------------
-- Logins
-------------------------------------------------------------------------------
IF SUSER_ID(N'kestrel_app') IS NULL
    CREATE LOGIN [kestrel_app]
        WITH PASSWORD = N'<placeholder-app-password>' MUST_CHANGE,
             DEFAULT_DATABASE = [KestrelColdChain],
             DEFAULT_LANGUAGE = [us_english],
             CHECK_EXPIRATION = ON,
             CHECK_POLICY = ON;
GO
IF SUSER_ID(N'kestrel_reporting') IS NULL
    CREATE LOGIN [kestrel_reporting]
        WITH PASSWORD = 0x02005A3C9E11E32810683E3C068A70A3704D402F516AA41EDDFCAAE19EFD4B21AE3C30E9A44A32C4381D6148D1196DDA94CF322C879087620D663A9E0F40DBF79F6C6780BD1F HASHED,
             DEFAULT_DATABASE = [KestrelColdChain],
             CHECK_POLICY = OFF;
GO
IF SUSER_ID(N'kestrel_gateway') IS NULL
    CREATE LOGIN [kestrel_gateway] WITH PASSWORD = N'<placeholder-gateway-password>', CHECK_POLICY = ON;
GO
CREATE LOGIN [KESTREL\SQL-Operations] FROM WINDOWS WITH DEFAULT_DATABASE = [KestrelColdChain];
GO
CREATE LOGIN [KESTREL\SQL-Finance] FROM WINDOWS;
GO
CREATE LOGIN [KESTREL\svc-sqlagent] FROM WINDOWS;
GO
-- The logon trigger runs as this login; it is disabled so nobody can log
-- in with it.
CREATE LOGIN [KestrelLogonAuditor] WITH PASSWORD = N'<placeholder-auditor-password>', CHECK_POLICY = ON;
GO
ALTER LOGIN [KestrelLogonAuditor] DISABLE;
GO
GRANT VIEW SERVER STATE TO [KestrelLogonAuditor];
GO

-- Server roles: the operations group may look at server state and run
-- traces; nobody but the DBA team is sysadmin.
CREATE SERVER ROLE [kestrel_monitoring] AUTHORIZATION [sa];
GO
GRANT VIEW SERVER STATE TO [kestrel_monitoring];
GRANT VIEW ANY DEFINITION TO [kestrel_monitoring];
GRANT ALTER TRACE TO [kestrel_monitoring];
GO
ALTER SERVER ROLE [kestrel_monitoring] ADD MEMBER [KESTREL\SQL-Operations];
GO
ALTER SERVER ROLE [dbcreator] ADD MEMBER [KESTREL\SQL-Operations];
GO
DENY ALTER ANY LOGIN TO [KESTREL\SQL-Operations];
GO

-------------------------------------------------------------------------------
-- Database users and roles
-------------------------------------------------------------------------------
USE [KestrelColdChain]
GO
CREATE USER [kestrel_app] FOR LOGIN [kestrel_app] WITH DEFAULT_SCHEMA = [ops];
GO
CREATE USER [kestrel_reporting] FOR LOGIN [kestrel_reporting] WITH DEFAULT_SCHEMA = [report];
GO
CREATE USER [kestrel_gateway] FROM LOGIN [kestrel_gateway];
GO
CREATE USER [KESTREL\SQL-Operations] FOR LOGIN [KESTREL\SQL-Operations];
GO
CREATE USER [KESTREL\SQL-Finance] FOR LOGIN [KESTREL\SQL-Finance];
GO
CREATE USER [KestrelLogonAuditor] FOR LOGIN [KestrelLogonAuditor];
GO
-- Owns the signed procedures and the certificate; cannot log in.
CREATE USER [kestrel_signer] WITHOUT LOGIN;
GO
-- The portal impersonates these users in report.usp_RunNamedReport.
CREATE USER [portal_depot_user] WITHOUT LOGIN WITH DEFAULT_SCHEMA = [report];
GO

CREATE ROLE [db_operations] AUTHORIZATION [dbo];
GO
CREATE ROLE [db_billing] AUTHORIZATION [dbo];
GO
CREATE ROLE [db_reporting] AUTHORIZATION [dbo];
GO
CREATE ROLE [db_integration] AUTHORIZATION [dbo];
GO

ALTER ROLE [db_operations] ADD MEMBER [kestrel_app];
ALTER ROLE [db_operations] ADD MEMBER [KESTREL\SQL-Operations];
ALTER ROLE [db_billing] ADD MEMBER [KESTREL\SQL-Finance];
ALTER ROLE [db_reporting] ADD MEMBER [kestrel_reporting];
ALTER ROLE [db_reporting] ADD MEMBER [portal_depot_user];
ALTER ROLE [db_integration] ADD MEMBER [kestrel_gateway];
ALTER ROLE [db_datareader] ADD MEMBER [KESTREL\SQL-Operations];
GO

-- The old way, still in the script because the DR runbook calls it.
EXEC sp_addrolemember N'db_reporting', N'KESTREL\SQL-Finance';
GO

-- Application role for the legacy dock terminal software, which connects
-- with a shared login and then activates this role.
CREATE APPLICATION ROLE [dock_terminal]
    WITH PASSWORD = N'<placeholder-terminal-password>', DEFAULT_SCHEMA = [ops];
GO

-------------------------------------------------------------------------------
-- Permissions
-------------------------------------------------------------------------------
GRANT EXECUTE ON SCHEMA::[ops] TO [db_operations];
GRANT SELECT ON SCHEMA::[ops] TO [db_operations];
GRANT SELECT ON SCHEMA::[ref] TO [db_operations], [db_billing], [db_reporting];
GRANT EXECUTE ON SCHEMA::[billing] TO [db_billing];
GRANT SELECT, INSERT, UPDATE ON SCHEMA::[billing] TO [db_billing];
GRANT SELECT ON SCHEMA::[report] TO [db_reporting];
GRANT EXECUTE ON OBJECT::report.usp_RunNamedReport TO [db_reporting];
GRANT EXECUTE ON OBJECT::report.usp_DailyKpi TO [db_reporting];
GRANT EXECUTE ON integration.usp_BookFromJson TO [db_integration];
GRANT EXECUTE ON integration.usp_ImportCarrierManifest TO [db_integration];
GRANT EXECUTE ON telemetry.usp_IngestReadings TO [db_integration];
GRANT EXECUTE ON TYPE::telemetry.ReadingBatch TO [db_integration];
GRANT EXECUTE ON TYPE::ops.ShipmentLineList TO [db_integration], [db_operations];
GRANT INSERT ON integration.InboundMessage TO [db_integration];
GRANT SELECT ON ops.Shipment (ShipmentId, Reference, Status, RequiredBy) TO [db_integration];
GRANT UPDATE ON ops.vDepotContact TO [db_operations];
GRANT INSERT ON ops.vDepotContact TO [db_operations];
GRANT SELECT ON billing.vCustomerBalance TO [db_operations] WITH GRANT OPTION;
GRANT VIEW DEFINITION ON SCHEMA::[report] TO [db_reporting];
GRANT SHOWPLAN TO [KESTREL\SQL-Operations];
GRANT IMPERSONATE ON USER::[portal_depot_user] TO [kestrel_reporting];
GRANT INSERT ON audit.LoginAudit TO [KestrelLogonAuditor];
GRANT UPDATE ON OBJECT::ops.ShipmentNumberSeq TO [db_operations];
GRANT UPDATE ON OBJECT::billing.InvoiceNumberSeq TO [db_billing];
GRANT REFERENCES ON SCHEMA::[ref] TO [db_billing];
GRANT CONNECT TO [kestrel_signer];
GO

-- Nobody outside HR reads personal data, not even through db_datareader.
DENY SELECT ON hr.Employee (NationalIdEncrypted, Phone, Email) TO [db_operations], [db_reporting];
DENY SELECT ON SCHEMA::[audit] TO [db_operations], [db_billing], [db_reporting], [db_integration];
DENY DELETE ON SCHEMA::[billing] TO [db_billing];
DENY ALTER ON SCHEMA::[ops] TO [kestrel_app];
DENY EXECUTE ON billing.usp_GenerateInvoices TO [kestrel_app] CASCADE;
GO

REVOKE SELECT ON SCHEMA::[ops] FROM [db_reporting];
REVOKE GRANT OPTION FOR SELECT ON billing.vCustomerBalance FROM [db_operations] CASCADE;
GO

-------------------------------------------------------------------------------
-- Encryption: the national ID numbers of employees are encrypted with a
-- symmetric key protected by a certificate.
-------------------------------------------------------------------------------
IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')
    CREATE MASTER KEY ENCRYPTION BY PASSWORD = N'<placeholder-master-key-password>';
GO

CREATE CERTIFICATE [KestrelPiiCert]
    AUTHORIZATION [dbo]
    WITH SUBJECT = N'Kestrel personal data protection',
         START_DATE = '20250101',
         EXPIRY_DATE = '20300101';
GO

CREATE SYMMETRIC KEY [KestrelPiiKey]
    WITH ALGORITHM = AES_256,
         KEY_SOURCE = N'<placeholder-key-source>',
         IDENTITY_VALUE = N'<placeholder-identity-value>'
    ENCRYPTION BY CERTIFICATE [KestrelPiiCert];
GO

-- A second certificate signs procedures that need rights their callers
-- lack; the signature carries the permission, not the caller.
CREATE CERTIFICATE [KestrelSigningCert]
    ENCRYPTION BY PASSWORD = N'<placeholder-signing-password>'
    WITH SUBJECT = N'Kestrel procedure signing',
         EXPIRY_DATE = '20291231';
GO
CREATE USER [kestrel_signing_user] FROM CERTIFICATE [KestrelSigningCert];
GO
GRANT SELECT ON SCHEMA::[audit] TO [kestrel_signing_user];
GO

CREATE OR ALTER PROCEDURE hr.usp_SetNationalId
    @EmployeeId int,
    @NationalId nvarchar(20)
AS
BEGIN
    SET NOCOUNT ON;

    OPEN SYMMETRIC KEY [KestrelPiiKey] DECRYPTION BY CERTIFICATE [KestrelPiiCert];

    UPDATE hr.Employee
    SET NationalIdEncrypted = ENCRYPTBYKEY(KEY_GUID(N'KestrelPiiKey'), @NationalId, 1, CONVERT(varbinary(4), @EmployeeId))
    WHERE EmployeeId = @EmployeeId;

    CLOSE SYMMETRIC KEY [KestrelPiiKey];
END
GO

CREATE OR ALTER PROCEDURE hr.usp_GetNationalId
    @EmployeeId int
AS
BEGIN
    SET NOCOUNT ON;

    OPEN SYMMETRIC KEY [KestrelPiiKey] DECRYPTION BY CERTIFICATE [KestrelPiiCert];

    SELECT EmployeeId,
           FullName,
           CONVERT(nvarchar(20), DECRYPTBYKEY(NationalIdEncrypted, 1, CONVERT(varbinary(4), EmployeeId))) AS NationalId
    FROM hr.Employee
    WHERE EmployeeId = @EmployeeId;

    CLOSE ALL SYMMETRIC KEYS;
END
GO

-- Lets the operations team read the change log for one table without
-- SELECT on the audit schema.
CREATE OR ALTER PROCEDURE ops.usp_ShipmentChangeLog
    @ShipmentId bigint
AS
BEGIN
    SET NOCOUNT ON;

    SELECT ChangedAt, ChangedBy, Operation, OldValues, NewValues
    FROM audit.ChangeLog
    WHERE TableName = N'ops.Shipment'
      AND KeyValue = CAST(@ShipmentId AS nvarchar(100))
    ORDER BY ChangedAt;
END
GO
ADD SIGNATURE TO ops.usp_ShipmentChangeLog
    BY CERTIFICATE [KestrelSigningCert]
    WITH PASSWORD = N'<placeholder-signing-password>';
GO
GRANT EXECUTE ON ops.usp_ShipmentChangeLog TO [db_operations];
GO

-- Backups of the database are encrypted with a certificate in master.
USE [master]
GO
CREATE CERTIFICATE [KestrelBackupCert]
    WITH SUBJECT = N'Kestrel backup encryption', EXPIRY_DATE = '20301231';
GO
BACKUP CERTIFICATE [KestrelBackupCert]
    TO FILE = N'\\kestrel-vault\sql-certs\KestrelBackupCert.cer'
    WITH PRIVATE KEY
    (
        FILE = N'\\kestrel-vault\sql-certs\KestrelBackupCert.pvk',
        ENCRYPTION BY PASSWORD = N'<placeholder-export-password>'
    );
GO
-------------------------------------------------------------------------------
-- Server logon trigger: the reporting login may hold at most three sessions
-- and only outside the nightly batch window. Every logon is recorded.
-------------------------------------------------------------------------------
USE [master]
GO
CREATE OR ALTER TRIGGER trg_KestrelLogonLimits
ON ALL SERVER
WITH EXECUTE AS 'KestrelLogonAuditor'
FOR LOGON
AS
BEGIN
    DECLARE @login sysname = ORIGINAL_LOGIN();
    DECLARE @sessions int;
    DECLARE @rejected bit = 0;
    DECLARE @hour int = DATEPART(HOUR, GETDATE());

    IF @login = N'kestrel_reporting'
    BEGIN
        SELECT @sessions = COUNT(*)
        FROM sys.dm_exec_sessions
        WHERE is_user_process = 1
          AND original_login_name = @login;

        IF @sessions > 3 OR @hour BETWEEN 1 AND 4
            SET @rejected = 1;
    END;

    INSERT INTO KestrelColdChain.audit.LoginAudit (LoginName, ClientHost, AppName, WasRejected)
    VALUES (@login, HOST_NAME(), APP_NAME(), @rejected);

    IF @rejected = 1
        ROLLBACK;
END
GO
