/*
    Triggers: DML (AFTER and INSTEAD OF), database DDL triggers and a
    server logon trigger.
*/
USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

-- Records every status change of a shipment. Multi-row safe: joins the
-- inserted and deleted pseudo-tables instead of reading one row.
CREATE OR ALTER TRIGGER ops.trg_Shipment_StatusHistory
ON ops.Shipment
AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;

    IF NOT UPDATE(Status)
        RETURN;

    -- Procedures that write the history themselves set this context flag.
    IF SESSION_CONTEXT(N'skip_status_history') = 1
        RETURN;

    INSERT INTO ops.ShipmentStatusHistory (ShipmentId, OldStatus, NewStatus)
    SELECT i.ShipmentId, d.Status, i.Status
    FROM inserted AS i
    JOIN deleted AS d ON d.ShipmentId = i.ShipmentId
    WHERE i.Status <> d.Status;

    -- RouteId is column 11, which COLUMNS_UPDATED() reports as bit value 4
    -- of its second byte. A route change on a delivered shipment is an error.
    IF (SUBSTRING(COLUMNS_UPDATED(), 2, 1) & 4) > 0
       AND EXISTS (SELECT 1 FROM inserted WHERE Status = 'DELIVERED')
    BEGIN
        ROLLBACK TRANSACTION;
        THROW 50070, N'The route of a delivered shipment cannot change.', 1;
    END;
END
GO

-- Issued invoices are legal documents: they may not be deleted, and only
-- their payment fields may change.
CREATE OR ALTER TRIGGER billing.trg_Invoice_ProtectIssued
ON billing.Invoice
AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;

    IF NOT EXISTS (SELECT 1 FROM deleted WHERE Status IN ('I', 'P'))
        RETURN;

    IF NOT EXISTS (SELECT 1 FROM inserted)
    BEGIN
        RAISERROR(N'Issued invoices cannot be deleted; issue a credit note instead.', 16, 1);
        ROLLBACK TRANSACTION;
        RETURN;
    END;

    IF UPDATE(NetAmount) OR UPDATE(VatAmount) OR UPDATE(CustomerId) OR UPDATE(InvoiceDate) OR UPDATE(CurrencyCode)
    BEGIN
        IF EXISTS
        (
            SELECT 1
            FROM inserted AS i
            JOIN deleted AS d ON d.InvoiceId = i.InvoiceId
            WHERE d.Status IN ('I', 'P')
              AND (i.NetAmount <> d.NetAmount
                   OR i.VatAmount <> d.VatAmount
                   OR i.CustomerId <> d.CustomerId
                   OR i.InvoiceDate <> d.InvoiceDate
                   OR i.CurrencyCode <> d.CurrencyCode)
        )
        BEGIN
            ROLLBACK TRANSACTION;
            THROW 50071, N'Amounts, customer, date and currency of an issued invoice are fixed.', 1;
        END;
    END;
END
GO

-- Audit trail of payments for the external auditors: before and after
-- images as XML.
CREATE OR ALTER TRIGGER billing.trg_Payment_Audit
ON billing.Payment
AFTER INSERT, UPDATE, DELETE
NOT FOR REPLICATION
AS
BEGIN
    -- Must come first: SET statements reset @@ROWCOUNT to 0.
    IF @@ROWCOUNT = 0
        RETURN;

    SET NOCOUNT ON;

    DECLARE @operation char(1) =
        CASE
            WHEN EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted) THEN 'U'
            WHEN EXISTS (SELECT 1 FROM inserted) THEN 'I'
            ELSE 'D'
        END;

    INSERT INTO audit.ChangeLog (TableName, KeyValue, Operation, OldValues, NewValues)
    SELECT N'billing.Payment',
           CAST(COALESCE(i.PaymentId, d.PaymentId) AS nvarchar(100)),
           @operation,
           (SELECT d.CustomerId, d.InvoiceId, d.Amount, d.CurrencyCode, d.AllocatedAmount, d.BankReference
            FOR XML RAW('payment'), TYPE),
           (SELECT i.CustomerId, i.InvoiceId, i.Amount, i.CurrencyCode, i.AllocatedAmount, i.BankReference
            FOR XML RAW('payment'), ELEMENTS, TYPE)
    FROM inserted AS i
    FULL OUTER JOIN deleted AS d ON d.PaymentId = i.PaymentId;
END
GO

-- Employees: audit and keep ModifiedAt current. Runs as the owner so the
-- HR application's login needs no rights on the audit schema.
CREATE OR ALTER TRIGGER hr.trg_Employee_Audit
ON hr.Employee
WITH EXECUTE AS OWNER
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;

    -- The ModifiedAt update below fires this trigger again; stop there.
    IF TRIGGER_NESTLEVEL(OBJECT_ID(N'hr.trg_Employee_Audit'), 'AFTER', 'DML') > 1
        RETURN;

    UPDATE e
    SET ModifiedAt = SYSDATETIME()
    FROM hr.Employee AS e
    JOIN inserted AS i ON i.EmployeeId = e.EmployeeId;

    INSERT INTO audit.ChangeLog (TableName, KeyValue, Operation, OldValues, NewValues)
    SELECT N'hr.Employee',
           CAST(ISNULL(i.EmployeeId, d.EmployeeId) AS nvarchar(100)),
           CASE WHEN d.EmployeeId IS NULL THEN 'I' WHEN i.EmployeeId IS NULL THEN 'D' ELSE 'U' END,
           (SELECT d.EmployeeId, d.PayrollNumber, d.JobTitle, d.HomeDepotId, d.OrgNode.ToString() AS OrgPath
            FOR XML RAW('employee'), TYPE),
           (SELECT i.EmployeeId, i.PayrollNumber, i.JobTitle, i.HomeDepotId, i.OrgNode.ToString() AS OrgPath
            FOR XML RAW('employee'), TYPE)
    FROM inserted AS i
    FULL JOIN deleted AS d ON d.EmployeeId = i.EmployeeId;
END
GO

-- A new critical excursion pages the duty manager through the outbox.
CREATE OR ALTER TRIGGER telemetry.trg_Excursion_Notify
ON telemetry.TemperatureExcursion
FOR INSERT
AS
BEGIN
    SET NOCOUNT ON;

    INSERT INTO integration.OutboundEvent (EventType, ShipmentId, Payload)
    SELECT 'pager.excursion',
           i.ShipmentId,
           CONCAT(N'{"sensor":', i.SensorId, N',"peak":', i.PeakTempC, N',"started":"',
                  CONVERT(nvarchar(19), i.StartedAt, 126), N'"}')
    FROM inserted AS i
    WHERE i.Severity = 'CRITICAL';

    IF @@ERROR <> 0
        RAISERROR(N'Excursion paging failed; the excursion is still recorded.', 10, 1);
END
GO

-- Vehicles are never deleted: a DELETE marks them decommissioned instead.
CREATE OR ALTER TRIGGER ops.trg_Vehicle_SoftDelete
ON ops.Vehicle
INSTEAD OF DELETE
AS
BEGIN
    SET NOCOUNT ON;

    UPDATE v
    SET IsDeleted = 1,
        DeletedAt = ISNULL(v.DeletedAt, SYSUTCDATETIME())
    FROM ops.Vehicle AS v
    JOIN deleted AS d ON d.VehicleId = v.VehicleId;

    PRINT CAST(@@ROWCOUNT AS varchar(10)) + ' vehicle(s) marked deleted instead of removed.';
END
GO

-- Inserting through the depot contact view creates the depot and, when a
-- manager is named who does not exist yet, the manager as an employee.
CREATE OR ALTER TRIGGER ops.trg_vDepotContact_Insert
ON ops.vDepotContact
INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @newManagers TABLE (EmployeeId int, Email nvarchar(254));
    DECLARE @parent hierarchyid = hierarchyid::Parse('/1/');
    DECLARE @lastSibling hierarchyid;

    -- Each new manager takes the next free position under the operations
    -- director, so only one depot can be added per statement.
    IF (SELECT COUNT(*) FROM inserted) > 1
        THROW 50072, N'Insert one depot at a time through vDepotContact.', 1;

    SELECT @lastSibling = MAX(OrgNode) FROM hr.Employee WHERE OrgNode.GetAncestor(1) = @parent;

    INSERT INTO hr.Employee (OrgNode, PayrollNumber, FirstName, LastName, JobTitle, Email, Phone, HireDate)
    OUTPUT inserted.EmployeeId, inserted.Email INTO @newManagers
    SELECT @parent.GetDescendant(@lastSibling, NULL),
           'M' + RIGHT('0000' + CAST(NEXT VALUE FOR integration.BatchIdSeq AS varchar(10)), 4),
           i.ManagerFirstName,
           i.ManagerLastName,
           N'Depot Manager ' + i.City,
           i.ManagerEmail,
           i.ManagerPhone,
           CAST(GETDATE() AS date)
    FROM inserted AS i
    WHERE i.ManagerId IS NULL
      AND i.ManagerLastName IS NOT NULL;

    INSERT INTO ops.Depot (DepotCode, Name, CountryCode, City, Phone, ColdRoomPallets, ManagerEmployeeId, OpenedOn)
    SELECT i.DepotCode,
           i.DepotName,
           i.CountryCode,
           i.City,
           i.DepotPhone,
           0,
           COALESCE(i.ManagerId, m.EmployeeId),
           CAST(GETDATE() AS date)
    FROM inserted AS i
    LEFT JOIN @newManagers AS m ON m.Email = i.ManagerEmail;
END
GO

CREATE OR ALTER TRIGGER ops.trg_vDepotContact_Update
ON ops.vDepotContact
INSTEAD OF UPDATE
AS
BEGIN
    SET NOCOUNT ON;

    IF UPDATE(DepotId) OR UPDATE(ManagerId)
    BEGIN
        RAISERROR(N'DepotId and ManagerId cannot be changed through vDepotContact.', 16, 1);
        RETURN;
    END;

    UPDATE d
    SET Name = i.DepotName,
        City = i.City,
        Phone = i.DepotPhone
    FROM ops.Depot AS d
    JOIN inserted AS i ON i.DepotId = d.DepotId;

    UPDATE e
    SET FirstName = i.ManagerFirstName,
        LastName = i.ManagerLastName,
        Email = i.ManagerEmail,
        Phone = i.ManagerPhone
    FROM hr.Employee AS e
    JOIN inserted AS i ON i.ManagerId = e.EmployeeId;
END
GO

EXEC sp_settriggerorder @triggername = N'ops.trg_Shipment_StatusHistory', @order = N'First', @stmttype = N'UPDATE';
GO

-------------------------------------------------------------------------------
-- Database DDL triggers
-------------------------------------------------------------------------------
-- Keeps a record of every schema change, for the change advisory board.
CREATE OR ALTER TRIGGER trg_AuditDdl
ON DATABASE
FOR DDL_DATABASE_LEVEL_EVENTS
AS
BEGIN
    SET NOCOUNT ON;
    SET ANSI_PADDING ON;

    DECLARE @event xml = EVENTDATA();

    -- Statistics updates are too frequent to be worth keeping.
    IF @event.value('(/EVENT_INSTANCE/EventType)[1]', 'nvarchar(64)') IN (N'UPDATE_STATISTICS', N'CREATE_STATISTICS')
        RETURN;

    INSERT INTO audit.DdlEvent (PostTime, LoginName, UserName, EventType, SchemaName, ObjectName, CommandText, EventData)
    VALUES
    (
        @event.value('(/EVENT_INSTANCE/PostTime)[1]', 'datetime2(3)'),
        @event.value('(/EVENT_INSTANCE/LoginName)[1]', 'sysname'),
        @event.value('(/EVENT_INSTANCE/UserName)[1]', 'sysname'),
        @event.value('(/EVENT_INSTANCE/EventType)[1]', 'nvarchar(64)'),
        @event.value('(/EVENT_INSTANCE/SchemaName)[1]', 'sysname'),
        @event.value('(/EVENT_INSTANCE/ObjectName)[1]', 'sysname'),
        @event.value('(/EVENT_INSTANCE/TSQLCommand/CommandText)[1]', 'nvarchar(max)'),
        @event
    );
END
GO

-- Production tables may only be dropped during a release, when the release
-- script sets the context flag first.
CREATE OR ALTER TRIGGER trg_ProtectTables
ON DATABASE
FOR DROP_TABLE, ALTER_TABLE, RENAME
AS
BEGIN
    IF ISNULL(CAST(SESSION_CONTEXT(N'release_window') AS bit), 0) = 0
    BEGIN
        PRINT 'Tables can only be dropped, renamed or altered during a release window.';
        ROLLBACK;
    END;
END
GO

DISABLE TRIGGER trg_ProtectTables ON DATABASE;
GO
ENABLE TRIGGER trg_ProtectTables ON DATABASE;
GO
DISABLE TRIGGER ops.trg_Vehicle_SoftDelete ON ops.Vehicle;
GO
ENABLE TRIGGER ALL ON ops.Vehicle;
GO
