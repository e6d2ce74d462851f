/*
    Schemas, user-defined types, sequences, partitioning and the full-text
    catalog. Run after 01-create-database.sql and before any table script.
*/
USE [KestrelColdChain]
GO

-------------------------------------------------------------------------------
-- Schemas: one per business area, all owned by dbo.
-------------------------------------------------------------------------------
CREATE SCHEMA [ref] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [ops] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [telemetry] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [billing] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [hr] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [integration] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [audit] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [report] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [legacy] AUTHORIZATION [dbo]
GO

-------------------------------------------------------------------------------
-- Alias types used across schemas so units stay consistent.
-------------------------------------------------------------------------------
CREATE TYPE [ref].[TemperatureC] FROM [decimal](5, 2) NULL
GO
CREATE TYPE [ref].[PhoneNumber] FROM [varchar](20) NULL
GO
CREATE TYPE [ref].[CountryCode] FROM [char](2) NOT NULL
GO
CREATE TYPE [ref].[Money4] FROM [decimal](19, 4) NOT NULL
GO
CREATE TYPE [ref].[EmailAddress] FROM [nvarchar](254) NULL
GO
CREATE TYPE [ops].[RegistrationPlate] FROM [nvarchar](12) NOT NULL
GO

-------------------------------------------------------------------------------
-- Table types: passed as READONLY parameters by the booking API and by the
-- telemetry gateway, which sends readings in batches of up to 5,000 rows.
-------------------------------------------------------------------------------
CREATE TYPE [ops].[ShipmentLineList] AS TABLE
(
    [LineNumber]        smallint        NOT NULL,
    [ProductClassCode]  varchar(10)     NOT NULL,
    [Description]       nvarchar(200)   NOT NULL,
    [PalletCount]       smallint        NOT NULL CHECK ([PalletCount] > 0),
    [GrossWeightKg]     decimal(9, 2)   NOT NULL,
    [MinTempC]          decimal(5, 2)   NULL,
    [MaxTempC]          decimal(5, 2)   NULL,
    PRIMARY KEY CLUSTERED ([LineNumber])
)
GO

CREATE TYPE [telemetry].[ReadingBatch] AS TABLE
(
    [SensorSerial]  varchar(24)     NOT NULL,
    [ReadingTime]   datetime2(0)    NOT NULL,
    [TemperatureC]  decimal(5, 2)   NOT NULL,
    [HumidityPct]   decimal(5, 2)   NULL,
    [DoorOpen]      bit             NOT NULL DEFAULT (0),
    [BatteryPct]    tinyint         NULL,
    PRIMARY KEY NONCLUSTERED ([SensorSerial], [ReadingTime]),
    INDEX [IX_ReadingBatch_Time] ([ReadingTime])
)
GO

CREATE TYPE [billing].[IdList] AS TABLE
(
    [Id] int NOT NULL PRIMARY KEY WITH (IGNORE_DUP_KEY = ON)
)
GO

-------------------------------------------------------------------------------
-- Sequences. Shipment numbers are shared by the booking API and the EDI
-- import, so they come from a sequence rather than an identity column.
-------------------------------------------------------------------------------
CREATE SEQUENCE [ops].[ShipmentNumberSeq]
    AS bigint
    START WITH 2400000
    INCREMENT BY 1
    MINVALUE 2400000
    NO MAXVALUE
    CACHE 100
GO

CREATE SEQUENCE [billing].[InvoiceNumberSeq]
    AS int
    START WITH 1
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 99999999
    NO CYCLE
    NO CACHE
GO

CREATE SEQUENCE [integration].[BatchIdSeq]
    AS int
    START WITH 1
    INCREMENT BY 1
    CYCLE
    MAXVALUE 2000000000
    CACHE 20
GO

-------------------------------------------------------------------------------
-- Monthly partitions for sensor readings. RANGE RIGHT puts each boundary
-- in the partition that starts at it, so a month is one partition.
-------------------------------------------------------------------------------
CREATE PARTITION FUNCTION [pfReadingMonth] (datetime2(0))
AS RANGE RIGHT FOR VALUES
(
    N'2024-01-01T00:00:00', N'2024-02-01T00:00:00', N'2024-03-01T00:00:00',
    N'2024-04-01T00:00:00', N'2024-05-01T00:00:00', N'2024-06-01T00:00:00',
    N'2024-07-01T00:00:00', N'2024-08-01T00:00:00', N'2024-09-01T00:00:00',
    N'2024-10-01T00:00:00', N'2024-11-01T00:00:00', N'2024-12-01T00:00:00',
    N'2025-01-01T00:00:00', N'2025-02-01T00:00:00', N'2025-03-01T00:00:00',
    N'2025-04-01T00:00:00', N'2025-05-01T00:00:00', N'2025-06-01T00:00:00'
)
GO

CREATE PARTITION SCHEME [psReadingMonth]
AS PARTITION [pfReadingMonth]
ALL TO ([TELEMETRY])
GO

CREATE PARTITION FUNCTION [pfInvoiceYear] (date)
AS RANGE RIGHT FOR VALUES ('20220101', '20230101', '20240101', '20250101')
GO

CREATE PARTITION SCHEME [psInvoiceYear]
AS PARTITION [pfInvoiceYear]
TO ([ARCHIVE], [ARCHIVE], [OPERATIONS], [OPERATIONS], [OPERATIONS])
GO

-------------------------------------------------------------------------------
-- Full-text catalog for incident reports written by drivers.
-------------------------------------------------------------------------------
CREATE FULLTEXT CATALOG [ftIncidents]
WITH ACCENT_SENSITIVITY = OFF
AS DEFAULT
AUTHORIZATION [dbo]
GO

CREATE FULLTEXT STOPLIST [slIncidents] FROM SYSTEM STOPLIST AUTHORIZATION [dbo];
GO
ALTER FULLTEXT STOPLIST [slIncidents] ADD N'pallet' LANGUAGE 1033;
GO

-------------------------------------------------------------------------------
-- XML schema for contract terms, so billing.Contract.Terms is typed XML.
-------------------------------------------------------------------------------
CREATE XML SCHEMA COLLECTION [billing].[ContractTermsSchema] AS
N'<?xml version="1.0" encoding="UTF-16"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            targetNamespace="urn:kestrel:contract-terms"
            xmlns="urn:kestrel:contract-terms"
            elementFormDefault="qualified">
  <xsd:element name="Terms">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="PaymentDays" type="xsd:int"/>
        <xsd:element name="FuelSurchargePct" type="xsd:decimal"/>
        <xsd:element name="Lane" minOccurs="0" maxOccurs="unbounded">
          <xsd:complexType>
            <xsd:attribute name="from" type="xsd:string" use="required"/>
            <xsd:attribute name="to" type="xsd:string" use="required"/>
            <xsd:attribute name="ratePerPallet" type="xsd:decimal" use="required"/>
          </xsd:complexType>
        </xsd:element>
        <xsd:element name="PenaltyClause" type="xsd:string" minOccurs="0"/>
      </xsd:sequence>
      <xsd:attribute name="version" type="xsd:int" use="required"/>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>'
GO
