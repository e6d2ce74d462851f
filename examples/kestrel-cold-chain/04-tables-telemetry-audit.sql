/*
    Tables added after the first release, written by hand rather than
    generated: sensor telemetry (partitioned, columnstore), rate cards
    (system-versioned), contracts (typed XML with XML indexes), incident
    reports (full-text), integration staging and audit tables, synonyms.
*/
USE [KestrelColdChain];
GO
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
SET ANSI_PADDING ON;
GO

-------------------------------------------------------------------------------
-- Telemetry
-------------------------------------------------------------------------------
CREATE TABLE telemetry.Sensor
(
    SensorId        int IDENTITY(1, 1) NOT NULL
        CONSTRAINT PK_Sensor PRIMARY KEY CLUSTERED,
    SensorSerial    varchar(24) NOT NULL
        CONSTRAINT UQ_Sensor_Serial UNIQUE,
    TrailerId       int NULL
        CONSTRAINT FK_Sensor_Trailer REFERENCES ops.Trailer (TrailerId),
    Compartment     tinyint NOT NULL
        CONSTRAINT DF_Sensor_Compartment DEFAULT (1)
        CONSTRAINT CK_Sensor_Compartment CHECK (Compartment BETWEEN 1 AND 3),
    Firmware        varchar(16) NULL,
    CalibratedOn    date NULL,
    CalibrationDue  AS DATEADD(MONTH, 12, CalibratedOn),
    IsActive        bit NOT NULL CONSTRAINT DF_Sensor_IsActive DEFAULT (1)
) ON [OPERATIONS];
GO

-- One row per sensor per minute; about 40 million rows a month. The table
-- is a clustered columnstore, partitioned by month so old months can be
-- switched out to the archive table in one metadata operation.
CREATE TABLE telemetry.SensorReading
(
    SensorId        int NOT NULL,
    ReadingTime     datetime2(0) NOT NULL,
    TemperatureC    decimal(5, 2) NOT NULL,
    HumidityPct     decimal(5, 2) NULL,
    DoorOpen        bit NOT NULL,
    BatteryPct      tinyint NULL,
    ReceivedAt      datetime2(0) NOT NULL
        CONSTRAINT DF_SensorReading_ReceivedAt DEFAULT (SYSUTCDATETIME())
) ON psReadingMonth (ReadingTime);
GO

CREATE CLUSTERED COLUMNSTORE INDEX CCI_SensorReading
    ON telemetry.SensorReading
    WITH (DATA_COMPRESSION = COLUMNSTORE, MAXDOP = 2)
    ON psReadingMonth (ReadingTime);
GO

CREATE NONCLUSTERED INDEX IX_SensorReading_Sensor_Time
    ON telemetry.SensorReading (SensorId, ReadingTime)
    INCLUDE (TemperatureC)
    ON psReadingMonth (ReadingTime);
GO

-- Same shape as SensorReading, on the archive filegroup, for partition
-- switching. Columnstore archive compression trades CPU for space.
CREATE TABLE telemetry.SensorReadingArchive
(
    SensorId        int NOT NULL,
    ReadingTime     datetime2(0) NOT NULL,
    TemperatureC    decimal(5, 2) NOT NULL,
    HumidityPct     decimal(5, 2) NULL,
    DoorOpen        bit NOT NULL,
    BatteryPct      tinyint NULL,
    ReceivedAt      datetime2(0) NOT NULL,
    INDEX CCI_SensorReadingArchive CLUSTERED COLUMNSTORE
        WITH (DATA_COMPRESSION = COLUMNSTORE_ARCHIVE)
) ON [ARCHIVE];
GO

CREATE TABLE telemetry.TemperatureExcursion
(
    ExcursionId     int IDENTITY(1, 1) NOT NULL,
    SensorId        int NOT NULL,
    ShipmentId      bigint NULL,
    StartedAt       datetime2(0) NOT NULL,
    EndedAt         datetime2(0) NULL,
    PeakTempC       decimal(5, 2) NOT NULL,
    LimitTempC      decimal(5, 2) NOT NULL,
    DurationMinutes AS DATEDIFF(MINUTE, StartedAt, ISNULL(EndedAt, StartedAt)),
    Severity        AS CASE
                           WHEN ABS(PeakTempC - LimitTempC) >= 5 THEN 'CRITICAL'
                           WHEN ABS(PeakTempC - LimitTempC) >= 2 THEN 'MAJOR'
                           ELSE 'MINOR'
                       END,
    AcknowledgedBy  int NULL,
    AcknowledgedAt  datetime2(0) NULL,
    Notes           nvarchar(1000) NULL,
    CONSTRAINT PK_TemperatureExcursion PRIMARY KEY CLUSTERED (ExcursionId),
    CONSTRAINT FK_TemperatureExcursion_Sensor FOREIGN KEY (SensorId)
        REFERENCES telemetry.Sensor (SensorId),
    CONSTRAINT FK_TemperatureExcursion_Shipment FOREIGN KEY (ShipmentId)
        REFERENCES ops.Shipment (ShipmentId) ON DELETE SET NULL,
    CONSTRAINT FK_TemperatureExcursion_AckBy FOREIGN KEY (AcknowledgedBy)
        REFERENCES hr.Employee (EmployeeId),
    CONSTRAINT CK_TemperatureExcursion_Ack CHECK
        ((AcknowledgedBy IS NULL AND AcknowledgedAt IS NULL)
         OR (AcknowledgedBy IS NOT NULL AND AcknowledgedAt IS NOT NULL)),
    INDEX IX_TemperatureExcursion_Open NONCLUSTERED (SensorId, StartedAt)
        WHERE EndedAt IS NULL
);
GO

-------------------------------------------------------------------------------
-- Rate cards are system-versioned so that an invoice can be re-priced with
-- the rates in force on the day of the shipment.
-------------------------------------------------------------------------------
CREATE TABLE billing.RateCard
(
    RateCardId          int IDENTITY(1, 1) NOT NULL
        CONSTRAINT PK_RateCard PRIMARY KEY CLUSTERED,
    CustomerId          int NULL
        CONSTRAINT FK_RateCard_Customer REFERENCES billing.Customer (CustomerId),
    OriginCountry       char(2) NOT NULL,
    DestinationCountry  char(2) NOT NULL,
    BandCode            varchar(10) NOT NULL
        CONSTRAINT FK_RateCard_Band REFERENCES ref.TemperatureBand (BandCode),
    RatePerPallet       decimal(19, 4) NOT NULL,
    RatePerKm           decimal(19, 4) NOT NULL
        CONSTRAINT DF_RateCard_RatePerKm DEFAULT (0),
    MinimumCharge       decimal(19, 4) NOT NULL
        CONSTRAINT DF_RateCard_MinimumCharge DEFAULT (0),
    FuelSurchargePct    decimal(5, 2) NOT NULL
        CONSTRAINT DF_RateCard_Fuel DEFAULT (0)
        CONSTRAINT CK_RateCard_Fuel CHECK (FuelSurchargePct BETWEEN 0 AND 40),
    ValidFrom           datetime2(2) GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,
    ValidTo             datetime2(2) GENERATED ALWAYS AS ROW END HIDDEN NOT NULL,
    ChangedBy           sysname NOT NULL
        CONSTRAINT DF_RateCard_ChangedBy DEFAULT (ORIGINAL_LOGIN()),
    PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo),
    CONSTRAINT UQ_RateCard_Lane UNIQUE (CustomerId, OriginCountry, DestinationCountry, BandCode)
)
WITH
(
    SYSTEM_VERSIONING = ON
    (
        HISTORY_TABLE = billing.RateCardHistory,
        DATA_CONSISTENCY_CHECK = ON,
        HISTORY_RETENTION_PERIOD = 7 YEARS
    )
);
GO

-------------------------------------------------------------------------------
-- Contracts keep their negotiated terms as typed XML.
-------------------------------------------------------------------------------
CREATE TABLE billing.Contract
(
    ContractId      int IDENTITY(1, 1) NOT NULL,
    CustomerId      int NOT NULL,
    ContractCode    varchar(20) NOT NULL,
    StartsOn        date NOT NULL,
    EndsOn          date NULL,
    Terms           xml (CONTENT billing.ContractTermsSchema) NOT NULL,
    SignedDocument  varbinary(max) NULL,
    CreatedAt       datetime2(0) NOT NULL DEFAULT (SYSUTCDATETIME()),
    CONSTRAINT PK_Contract PRIMARY KEY CLUSTERED (ContractId),
    CONSTRAINT UQ_Contract_Code UNIQUE NONCLUSTERED (ContractCode),
    CONSTRAINT FK_Contract_Customer FOREIGN KEY (CustomerId)
        REFERENCES billing.Customer (CustomerId),
    CONSTRAINT CK_Contract_Dates CHECK (EndsOn IS NULL OR EndsOn > StartsOn)
) ON [OPERATIONS] TEXTIMAGE_ON [ARCHIVE];
GO

CREATE PRIMARY XML INDEX PXML_Contract_Terms
    ON billing.Contract (Terms);
GO

CREATE XML INDEX SXML_Contract_Terms_Path
    ON billing.Contract (Terms)
    USING XML INDEX PXML_Contract_Terms FOR PATH;
GO

CREATE XML INDEX SXML_Contract_Terms_Value
    ON billing.Contract (Terms)
    USING XML INDEX PXML_Contract_Terms FOR VALUE;
GO

-------------------------------------------------------------------------------
-- Ledger entries for the finance export, partitioned by posting year.
-------------------------------------------------------------------------------
CREATE TABLE billing.LedgerEntry
(
    EntryId         bigint IDENTITY(1, 1) NOT NULL,
    PostingDate     date NOT NULL,
    Account         char(6) NOT NULL,
    InvoiceId       int NULL,
    PaymentId       int NULL,
    Debit           decimal(19, 4) NOT NULL DEFAULT (0),
    Credit          decimal(19, 4) NOT NULL DEFAULT (0),
    Narrative       nvarchar(200) NULL,
    CONSTRAINT PK_LedgerEntry PRIMARY KEY CLUSTERED (PostingDate, EntryId)
        WITH (DATA_COMPRESSION = PAGE),
    CONSTRAINT CK_LedgerEntry_OneSide CHECK ((Debit = 0 AND Credit > 0) OR (Debit > 0 AND Credit = 0))
) ON psInvoiceYear (PostingDate);
GO

-------------------------------------------------------------------------------
-- Incident reports written by drivers, searched by the claims team.
-------------------------------------------------------------------------------
CREATE TABLE ops.IncidentReport
(
    IncidentId      int IDENTITY(1, 1) NOT NULL,
    ShipmentId      bigint NULL,
    RouteId         int NULL,
    ReportedBy      int NOT NULL,
    ReportedAt      datetime2(0) NOT NULL DEFAULT (SYSUTCDATETIME()),
    Category        varchar(20) NOT NULL,
    Severity        tinyint NOT NULL,
    Title           nvarchar(200) NOT NULL,
    Body            nvarchar(max) NOT NULL,
    Photo           varbinary(max) NULL,
    PhotoExtension  varchar(8) NULL,
    LanguageCode    smallint NOT NULL DEFAULT (1033),
    CONSTRAINT PK_IncidentReport PRIMARY KEY CLUSTERED (IncidentId),
    CONSTRAINT FK_IncidentReport_Shipment FOREIGN KEY (ShipmentId)
        REFERENCES ops.Shipment (ShipmentId),
    CONSTRAINT FK_IncidentReport_Route FOREIGN KEY (RouteId)
        REFERENCES ops.Route (RouteId),
    CONSTRAINT FK_IncidentReport_Employee FOREIGN KEY (ReportedBy)
        REFERENCES hr.Employee (EmployeeId),
    CONSTRAINT CK_IncidentReport_Category CHECK
        (Category IN ('TEMPERATURE', 'DAMAGE', 'DELAY', 'ACCIDENT', 'SECURITY', 'OTHER')),
    CONSTRAINT CK_IncidentReport_Severity CHECK (Severity BETWEEN 1 AND 5)
);
GO

CREATE FULLTEXT INDEX ON ops.IncidentReport
(
    Title LANGUAGE 1033,
    Body LANGUAGE 1033,
    Photo TYPE COLUMN PhotoExtension LANGUAGE 1033
)
KEY INDEX PK_IncidentReport
ON ftIncidents
WITH (CHANGE_TRACKING = AUTO, STOPLIST = slIncidents);
GO

-------------------------------------------------------------------------------
-- Integration staging. Carriers and customers send XML (EDI converted by
-- the gateway) or JSON (the booking API); both land here first.
-------------------------------------------------------------------------------
CREATE TABLE integration.InboundMessage
(
    MessageId       uniqueidentifier NOT NULL
        CONSTRAINT DF_InboundMessage_Id DEFAULT (NEWSEQUENTIALID())
        CONSTRAINT PK_InboundMessage PRIMARY KEY CLUSTERED,
    BatchId         int NOT NULL
        CONSTRAINT DF_InboundMessage_Batch DEFAULT (NEXT VALUE FOR integration.BatchIdSeq),
    Source          varchar(20) NOT NULL,
    MessageType     varchar(40) NOT NULL,
    ReceivedAt      datetime2(3) NOT NULL
        CONSTRAINT DF_InboundMessage_ReceivedAt DEFAULT (SYSUTCDATETIME()),
    PayloadXml      xml NULL,
    PayloadJson     nvarchar(max) NULL
        CONSTRAINT CK_InboundMessage_Json CHECK (PayloadJson IS NULL OR ISJSON(PayloadJson) = 1),
    PayloadHash     AS CAST(HASHBYTES('SHA2_256', PayloadJson) AS binary(32)),
    Status          char(1) NOT NULL
        CONSTRAINT DF_InboundMessage_Status DEFAULT ('N')
        CONSTRAINT CK_InboundMessage_Status CHECK (Status IN ('N', 'P', 'D', 'E')),
    Attempts        tinyint NOT NULL CONSTRAINT DF_InboundMessage_Attempts DEFAULT (0),
    ProcessedAt     datetime2(3) NULL,
    ErrorNumber     int NULL,
    ErrorText       nvarchar(2048) NULL,
    CONSTRAINT CK_InboundMessage_Payload CHECK (PayloadXml IS NOT NULL OR PayloadJson IS NOT NULL)
);
GO

CREATE NONCLUSTERED INDEX IX_InboundMessage_Pending
    ON integration.InboundMessage (ReceivedAt)
    INCLUDE (Source, MessageType, Attempts)
    WHERE Status IN ('N', 'E')
    WITH (FILLFACTOR = 80, ONLINE = ON);
GO

CREATE TABLE integration.OutboundEvent
(
    EventId         bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    EventType       varchar(40) NOT NULL,
    ShipmentId      bigint NULL,
    Payload         nvarchar(max) NOT NULL,
    CreatedAt       datetime2(3) NOT NULL DEFAULT (SYSUTCDATETIME()),
    SentAt          datetime2(3) NULL,
    Attempts        tinyint NOT NULL DEFAULT (0),
    LastError       nvarchar(400) NULL
);
GO

CREATE NONCLUSTERED INDEX IX_OutboundEvent_Unsent
    ON integration.OutboundEvent (CreatedAt)
    INCLUDE (EventType, Attempts)
    WHERE SentAt IS NULL;
GO

-- Carrier tracking events copied from the carrier hub over the linked server.
CREATE TABLE integration.CarrierTracking
(
    TrackingId      bigint NOT NULL,
    CarrierCode     varchar(10) NOT NULL,
    ShipmentNumber  bigint NOT NULL,
    EventCode       varchar(10) NOT NULL,
    EventTime       datetimeoffset(0) NOT NULL,
    Latitude        float NULL,
    Longitude       float NULL,
    Position        AS CASE
                           WHEN Latitude IS NOT NULL AND Longitude IS NOT NULL
                           THEN geography::Point(Latitude, Longitude, 4326)
                       END,
    CopiedAt        datetime2(0) NOT NULL DEFAULT (SYSUTCDATETIME()),
    CONSTRAINT PK_CarrierTracking PRIMARY KEY (CarrierCode, TrackingId)
);
GO

-- Manifest headers as the carriers send them. The column names follow the
-- XML attribute names because OPENXML reads this table as its schema.
CREATE TABLE integration.ManifestHeader
(
    carrier         varchar(10) NOT NULL,
    created         datetime2(0) NOT NULL,
    vehicle         nvarchar(20) NULL,
    CONSTRAINT PK_ManifestHeader PRIMARY KEY (carrier, created)
);
GO

-------------------------------------------------------------------------------
-- Audit
-------------------------------------------------------------------------------
CREATE TABLE audit.DdlEvent
(
    DdlEventId      int IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    PostTime        datetime2(3) NOT NULL,
    LoginName       sysname NOT NULL,
    UserName        sysname NULL,
    EventType       nvarchar(64) NOT NULL,
    SchemaName      sysname NULL,
    ObjectName      sysname NULL,
    CommandText     nvarchar(max) NULL,
    EventData       xml NOT NULL
);
GO

CREATE TABLE audit.ChangeLog
(
    ChangeId        bigint IDENTITY(1, 1) NOT NULL,
    TableName       sysname NOT NULL,
    KeyValue        nvarchar(100) NOT NULL,
    Operation       char(1) NOT NULL CHECK (Operation IN ('I', 'U', 'D')),
    ChangedAt       datetime2(3) NOT NULL DEFAULT (SYSDATETIME()),
    ChangedBy       sysname NOT NULL DEFAULT (SUSER_SNAME()),
    AppName         nvarchar(128) NULL DEFAULT (APP_NAME()),
    OldValues       xml NULL,
    NewValues       xml NULL,
    CONSTRAINT PK_ChangeLog PRIMARY KEY NONCLUSTERED (ChangeId)
);
GO

CREATE CLUSTERED INDEX CIX_ChangeLog_ChangedAt ON audit.ChangeLog (ChangedAt)
    WITH (FILLFACTOR = 100, SORT_IN_TEMPDB = ON, DATA_COMPRESSION = ROW);
GO

CREATE TABLE audit.LoginAudit
(
    LoginAuditId    bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    LoginName       sysname NOT NULL,
    ClientHost      nvarchar(128) NULL,
    AppName         nvarchar(128) NULL,
    LoginTime       datetime2(0) NOT NULL DEFAULT (SYSDATETIME()),
    WasRejected     bit NOT NULL DEFAULT (0)
);
GO

CREATE TABLE report.KpiSnapshot
(
    SnapshotDate        date NOT NULL,
    DepotId             int NOT NULL,
    ShipmentsDelivered  int NOT NULL,
    OnTimePct           decimal(5, 2) NULL,
    ExcursionCount      int NOT NULL,
    PalletKm            decimal(14, 1) NULL,
    RevenueEur          money NULL,
    ComputedAt          smalldatetime NOT NULL DEFAULT (GETDATE()),
    CONSTRAINT PK_KpiSnapshot PRIMARY KEY (SnapshotDate, DepotId)
);
GO

-- Statistics on columns that the routing queries filter by together.
CREATE STATISTICS ST_Route_Origin_Destination
    ON ops.Route (OriginDepotId, DestinationDepotId)
    WITH FULLSCAN;
GO

-------------------------------------------------------------------------------
-- Synonyms hide the carrier hub's server and database names from code, so
-- moving the hub means changing these lines only.
-------------------------------------------------------------------------------
CREATE SYNONYM integration.RemoteTrackingEvent
    FOR [CARRIERHUB].[CarrierHub].[dbo].[TrackingEvent];
GO
CREATE SYNONYM integration.RemoteCarrier
    FOR [CARRIERHUB].[CarrierHub].[dbo].[Carrier];
GO
CREATE SYNONYM report.Invoices FOR billing.Invoice;
GO
CREATE SYNONYM dbo.usp_Deliver FOR ops.usp_RecordDelivery;
GO
