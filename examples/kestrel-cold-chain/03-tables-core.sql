USE [KestrelColdChain]
GO
/****** Object:  Table [ref].[Currency]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ref].[Currency](
	[CurrencyCode] [char](3) NOT NULL,
	[Name] [nvarchar](60) NOT NULL,
	[MinorUnits] [tinyint] NOT NULL,
	[RateToEur] [decimal](18, 8) NOT NULL,
	[RateUpdatedAt] [datetime2](0) NOT NULL,
 CONSTRAINT [PK_Currency] PRIMARY KEY CLUSTERED 
(
	[CurrencyCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ref].[Country]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ref].[Country](
	[CountryCode] [ref].[CountryCode] NOT NULL,
	[Name] [nvarchar](100) NOT NULL,
	[CurrencyCode] [char](3) NOT NULL,
	[VatRatePct] [decimal](5, 2) NOT NULL,
	[IsEuMember] [bit] NOT NULL,
	[DrivingHoursLimit] [tinyint] NULL,
 CONSTRAINT [PK_Country] PRIMARY KEY CLUSTERED 
(
	[CountryCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ref].[TemperatureBand]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ref].[TemperatureBand](
	[BandCode] [varchar](10) NOT NULL,
	[Name] [nvarchar](60) NOT NULL,
	[MinTempC] [ref].[TemperatureC] NOT NULL,
	[MaxTempC] [ref].[TemperatureC] NOT NULL,
	[ToleranceMinutes] [smallint] NOT NULL,
 CONSTRAINT [PK_TemperatureBand] PRIMARY KEY CLUSTERED 
(
	[BandCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ref].[ProductClass]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ref].[ProductClass](
	[ProductClassCode] [varchar](10) NOT NULL,
	[Name] [nvarchar](80) NOT NULL,
	[BandCode] [varchar](10) NOT NULL,
	[IsHazardous] [bit] NOT NULL,
	[RequiresGdp] [bit] NOT NULL,
	[UnNumber] [char](4) NULL,
 CONSTRAINT [PK_ProductClass] PRIMARY KEY CLUSTERED 
(
	[ProductClassCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ref].[Holiday]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ref].[Holiday](
	[CountryCode] [ref].[CountryCode] NOT NULL,
	[HolidayDate] [date] NOT NULL,
	[Name] [nvarchar](100) NOT NULL,
 CONSTRAINT [PK_Holiday] PRIMARY KEY CLUSTERED 
(
	[CountryCode] ASC,
	[HolidayDate] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [hr].[Employee]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [hr].[Employee](
	[EmployeeId] [int] IDENTITY(1,1) NOT NULL,
	[OrgNode] [hierarchyid] NOT NULL,
	[OrgLevel]  AS ([OrgNode].[GetLevel]()) PERSISTED,
	[PayrollNumber] [varchar](10) NOT NULL,
	[FirstName] [nvarchar](50) NOT NULL,
	[LastName] [nvarchar](50) NOT NULL,
	[FullName]  AS (([FirstName]+N' ')+[LastName]),
	[JobTitle] [nvarchar](80) NOT NULL,
	[Email] [ref].[EmailAddress] NULL,
	[Phone] [ref].[PhoneNumber] NULL,
	[HomeDepotId] [int] NULL,
	[IsDriver] [bit] NOT NULL,
	[HireDate] [date] NOT NULL,
	[TerminationDate] [date] NULL,
	[NationalIdEncrypted] [varbinary](256) NULL,
	[ModifiedAt] [datetime2](3) NOT NULL,
 CONSTRAINT [PK_Employee] PRIMARY KEY CLUSTERED 
(
	[EmployeeId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Employee_PayrollNumber] UNIQUE NONCLUSTERED 
(
	[PayrollNumber] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [hr].[DriverLicence]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [hr].[DriverLicence](
	[EmployeeId] [int] NOT NULL,
	[LicenceClass] [varchar](4) NOT NULL,
	[LicenceNumber] [varchar](20) NOT NULL,
	[IssuedIn] [ref].[CountryCode] NOT NULL,
	[ExpiresOn] [date] NOT NULL,
	[AdrCertified] [bit] NOT NULL,
	[CpcHoursCompleted] [smallint] NOT NULL,
 CONSTRAINT [PK_DriverLicence] PRIMARY KEY CLUSTERED 
(
	[EmployeeId] ASC,
	[LicenceClass] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ops].[Depot]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[Depot](
	[DepotId] [int] IDENTITY(1,1) NOT NULL,
	[DepotCode] [char](5) NOT NULL,
	[Name] [nvarchar](100) NOT NULL,
	[CountryCode] [ref].[CountryCode] NOT NULL,
	[City] [nvarchar](80) NOT NULL,
	[PostCode] [varchar](12) NULL,
	[Location] [geography] NULL,
	[Phone] [ref].[PhoneNumber] NULL,
	[ColdRoomPallets] [int] NOT NULL,
	[FrozenRoomPallets] [int] NOT NULL,
	[TotalPallets]  AS ([ColdRoomPallets]+[FrozenRoomPallets]) PERSISTED,
	[ManagerEmployeeId] [int] NULL,
	[OpenedOn] [date] NOT NULL,
	[IsActive] [bit] NOT NULL,
 CONSTRAINT [PK_Depot] PRIMARY KEY CLUSTERED 
(
	[DepotId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Depot_DepotCode] UNIQUE NONCLUSTERED 
(
	[DepotCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
/****** Object:  Table [ops].[DockDoor]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[DockDoor](
	[DepotId] [int] NOT NULL,
	[DoorNumber] [tinyint] NOT NULL,
	[IsRefrigerated] [bit] NOT NULL,
	[HasLeveller] [bit] NOT NULL,
	[IsActive] [bit] NOT NULL,
	[AssignedRouteId] [int] NULL,
 CONSTRAINT [PK_DockDoor] PRIMARY KEY CLUSTERED 
(
	[DepotId] ASC,
	[DoorNumber] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ops].[Vehicle]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[Vehicle](
	[VehicleId] [int] IDENTITY(1,1) NOT NULL,
	[Registration] [ops].[RegistrationPlate] NOT NULL,
	[Vin] [char](17) NOT NULL,
	[Make] [nvarchar](40) NOT NULL,
	[Model] [nvarchar](40) NOT NULL,
	[EuroClass] [tinyint] NOT NULL,
	[HomeDepotId] [int] NOT NULL,
	[MaxPallets] [tinyint] NOT NULL,
	[OdometerKm] [int] NOT NULL,
	[NextServiceDue] [date] NULL,
	[IsDeleted] [bit] NOT NULL,
	[DeletedAt] [datetime2](0) NULL,
	[RowVer] [timestamp] NOT NULL,
 CONSTRAINT [PK_Vehicle] PRIMARY KEY CLUSTERED 
(
	[VehicleId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Vehicle_Registration] UNIQUE NONCLUSTERED 
(
	[Registration] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Vehicle_Vin] UNIQUE NONCLUSTERED 
(
	[Vin] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ops].[Trailer]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[Trailer](
	[TrailerId] [int] IDENTITY(1,1) NOT NULL,
	[TrailerCode] [varchar](10) NOT NULL,
	[Registration] [ops].[RegistrationPlate] NOT NULL,
	[PalletCapacity] [tinyint] NOT NULL,
	[IsMultiTemp] [bit] NOT NULL,
	[ReeferModel] [nvarchar](40) SPARSE  NULL,
	[ReeferSerial] [varchar](30) SPARSE  NULL,
	[DividerPosition] [tinyint] SPARSE  NULL,
	[TailLiftKg] [smallint] SPARSE  NULL,
	[LastPreTripCheck] [datetime2](0) SPARSE  NULL,
	[SpecialAttributes] [xml] COLUMN_SET FOR ALL_SPARSE_COLUMNS  NULL,
 CONSTRAINT [PK_Trailer] PRIMARY KEY CLUSTERED 
(
	[TrailerId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Trailer_TrailerCode] UNIQUE NONCLUSTERED 
(
	[TrailerCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
/****** Object:  Table [ops].[Route]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[Route](
	[RouteId] [int] IDENTITY(1,1) NOT NULL,
	[RouteCode] [varchar](16) NOT NULL,
	[OriginDepotId] [int] NOT NULL,
	[DestinationDepotId] [int] NOT NULL,
	[PlannedDeparture] [datetime2](0) NOT NULL,
	[PlannedArrival] [datetime2](0) NOT NULL,
	[ActualDeparture] [datetime2](0) NULL,
	[ActualArrival] [datetime2](0) NULL,
	[VehicleId] [int] NULL,
	[TrailerId] [int] NULL,
	[DriverEmployeeId] [int] NULL,
	[Status] [char](1) NOT NULL,
	[DistanceKm] [decimal](8, 1) NULL,
	[PlannedMinutes]  AS (datediff(minute,[PlannedDeparture],[PlannedArrival])),
 CONSTRAINT [PK_Route] PRIMARY KEY CLUSTERED 
(
	[RouteId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Route_RouteCode] UNIQUE NONCLUSTERED 
(
	[RouteCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ops].[RouteStop]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[RouteStop](
	[RouteId] [int] NOT NULL,
	[StopSequence] [tinyint] NOT NULL,
	[DepotId] [int] NULL,
	[CustomerSiteId] [int] NULL,
	[PlannedAt] [datetime2](0) NOT NULL,
	[ArrivedAt] [datetime2](0) NULL,
	[DepartedAt] [datetime2](0) NULL,
 CONSTRAINT [PK_RouteStop] PRIMARY KEY CLUSTERED 
(
	[RouteId] ASC,
	[StopSequence] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [billing].[Customer]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [billing].[Customer](
	[CustomerId] [int] IDENTITY(1000,1) NOT NULL,
	[CustomerCode] [varchar](12) NOT NULL,
	[LegalName] [nvarchar](200) NOT NULL,
	[TradingName] [nvarchar](200) NULL,
	[VatNumber] [varchar](20) NULL,
	[CountryCode] [ref].[CountryCode] NOT NULL,
	[CurrencyCode] [char](3) NOT NULL,
	[CreditLimit] [ref].[Money4] NOT NULL,
	[PaymentTermsDays] [smallint] NOT NULL,
	[AccountManagerId] [int] NULL,
	[BillingEmail] [ref].[EmailAddress] NULL,
	[IsOnHold] [bit] NOT NULL,
	[CreatedAt] [datetime2](0) NOT NULL,
	[Notes] [nvarchar](max) NULL,
 CONSTRAINT [PK_Customer] PRIMARY KEY CLUSTERED 
(
	[CustomerId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Customer_CustomerCode] UNIQUE NONCLUSTERED 
(
	[CustomerCode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
/****** Object:  Table [billing].[CustomerSite]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [billing].[CustomerSite](
	[CustomerSiteId] [int] IDENTITY(1,1) NOT NULL,
	[CustomerId] [int] NOT NULL,
	[SiteName] [nvarchar](120) NOT NULL,
	[AddressLine1] [nvarchar](120) NOT NULL,
	[AddressLine2] [nvarchar](120) NULL,
	[City] [nvarchar](80) NOT NULL,
	[PostCode] [varchar](12) NULL,
	[CountryCode] [ref].[CountryCode] NOT NULL,
	[Location] [geography] NULL,
	[DeliveryWindowStart] [time](0) NOT NULL,
	[DeliveryWindowEnd] [time](0) NOT NULL,
	[IsActive] [bit] NOT NULL,
 CONSTRAINT [PK_CustomerSite] PRIMARY KEY CLUSTERED 
(
	[CustomerSiteId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
/****** Object:  Table [ops].[Shipment]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[Shipment](
	[ShipmentId] [bigint] IDENTITY(1,1) NOT NULL,
	[ShipmentNumber] [bigint] NOT NULL,
	[Reference]  AS ('KCC-'+CONVERT([varchar](20),[ShipmentNumber])) PERSISTED NOT NULL,
	[CustomerId] [int] NOT NULL,
	[PickupSiteId] [int] NULL,
	[OriginDepotId] [int] NOT NULL,
	[DeliverySiteId] [int] NOT NULL,
	[BookedAt] [datetime2](0) NOT NULL,
	[RequiredBy] [datetime2](0) NOT NULL,
	[Status] [varchar](12) NOT NULL,
	[RouteId] [int] NULL,
	[TotalPallets] [smallint] NOT NULL,
	[TotalWeightKg] [decimal](10, 2) NOT NULL,
	[CustomerReference] [nvarchar](40) NULL,
	[ProofOfDelivery] [xml] NULL,
	[CancelledReason] [nvarchar](400) NULL,
	[RowVer] [timestamp] NOT NULL,
 CONSTRAINT [PK_Shipment] PRIMARY KEY CLUSTERED 
(
	[ShipmentId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = ON) ON [PRIMARY],
 CONSTRAINT [UQ_Shipment_ShipmentNumber] UNIQUE NONCLUSTERED 
(
	[ShipmentNumber] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
/****** Object:  Table [ops].[ShipmentLine]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[ShipmentLine](
	[ShipmentId] [bigint] NOT NULL,
	[LineNumber] [smallint] NOT NULL,
	[ProductClassCode] [varchar](10) NOT NULL,
	[Description] [nvarchar](200) NOT NULL,
	[PalletCount] [smallint] NOT NULL,
	[GrossWeightKg] [decimal](9, 2) NOT NULL,
	[MinTempC] [ref].[TemperatureC] NULL,
	[MaxTempC] [ref].[TemperatureC] NULL,
 CONSTRAINT [PK_ShipmentLine] PRIMARY KEY CLUSTERED 
(
	[ShipmentId] ASC,
	[LineNumber] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [ops].[ShipmentStatusHistory]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [ops].[ShipmentStatusHistory](
	[HistoryId] [bigint] IDENTITY(1,1) NOT NULL,
	[ShipmentId] [bigint] NOT NULL,
	[OldStatus] [varchar](12) NULL,
	[NewStatus] [varchar](12) NOT NULL,
	[ChangedAt] [datetime2](3) NOT NULL,
	[ChangedBy] [sysname] NOT NULL,
	[HostName] [nvarchar](128) NULL,
 CONSTRAINT [PK_ShipmentStatusHistory] PRIMARY KEY CLUSTERED 
(
	[HistoryId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [billing].[Invoice]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [billing].[Invoice](
	[InvoiceId] [int] IDENTITY(1,1) NOT NULL,
	[InvoiceSeq] [int] NOT NULL,
	[InvoiceNumber]  AS ('INV'+right('00000000'+CONVERT([varchar](8),[InvoiceSeq]),(8))) PERSISTED,
	[CustomerId] [int] NOT NULL,
	[InvoiceDate] [date] NOT NULL,
	[DueDate] [date] NOT NULL,
	[CurrencyCode] [char](3) NOT NULL,
	[Status] [char](1) NOT NULL,
	[NetAmount] [decimal](19, 4) NOT NULL,
	[VatAmount] [decimal](19, 4) NOT NULL,
	[GrossAmount]  AS ([NetAmount]+[VatAmount]) PERSISTED,
	[PaidAmount] [decimal](19, 4) NOT NULL,
	[IssuedAt] [datetime2](0) NULL,
	[IssuedBy] [sysname] NULL,
	[RowVer] [rowversion] NOT NULL,
 CONSTRAINT [PK_Invoice] PRIMARY KEY CLUSTERED 
(
	[InvoiceId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY],
 CONSTRAINT [UQ_Invoice_InvoiceSeq] UNIQUE NONCLUSTERED 
(
	[InvoiceSeq] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [billing].[InvoiceLine]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [billing].[InvoiceLine](
	[InvoiceId] [int] NOT NULL,
	[LineNumber] [smallint] NOT NULL,
	[ShipmentId] [bigint] NULL,
	[Description] [nvarchar](200) NOT NULL,
	[Quantity] [decimal](9, 2) NOT NULL,
	[UnitPrice] [decimal](19, 4) NOT NULL,
	[VatRatePct] [decimal](5, 2) NOT NULL,
	[LineAmount]  AS ([Quantity]*[UnitPrice]) PERSISTED,
 CONSTRAINT [PK_InvoiceLine] PRIMARY KEY CLUSTERED 
(
	[InvoiceId] ASC,
	[LineNumber] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [billing].[Payment]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [billing].[Payment](
	[PaymentId] [int] IDENTITY(1,1) NOT NULL,
	[CustomerId] [int] NOT NULL,
	[InvoiceId] [int] NULL,
	[ReceivedAt] [datetime2](0) NOT NULL,
	[Amount] [decimal](19, 4) NOT NULL,
	[CurrencyCode] [char](3) NOT NULL,
	[Method] [varchar](10) NOT NULL,
	[BankReference] [varchar](35) NULL,
	[AllocatedAmount] [decimal](19, 4) NOT NULL,
	[Unallocated]  AS ([Amount]-[AllocatedAmount]),
 CONSTRAINT [PK_Payment] PRIMARY KEY CLUSTERED 
(
	[PaymentId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Table [billing].[CreditNote]    Script Date: 03/02/2025 08:41:17 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [billing].[CreditNote](
	[CreditNoteId] [int] IDENTITY(1,1) NOT NULL,
	[InvoiceId] [int] NOT NULL,
	[Amount] [decimal](19, 4) NOT NULL,
	[Reason] [nvarchar](400) NOT NULL,
	[IssuedAt] [datetime2](0) NOT NULL,
	[ApprovedBy] [int] NULL,
 CONSTRAINT [PK_CreditNote] PRIMARY KEY CLUSTERED 
(
	[CreditNoteId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
GO
/****** Object:  Index [IX_Employee_OrgLevel_OrgNode]    Script Date: 03/02/2025 08:41:17 ******/
CREATE NONCLUSTERED INDEX [IX_Employee_OrgLevel_OrgNode] ON [hr].[Employee]
(
	[OrgLevel] ASC,
	[OrgNode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
/****** Object:  Index [UX_Employee_OrgNode]    Script Date: 03/02/2025 08:41:17 ******/
CREATE UNIQUE NONCLUSTERED INDEX [UX_Employee_OrgNode] ON [hr].[Employee]
(
	[OrgNode] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, IGNORE_DUP_KEY = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
/****** Object:  Index [IX_Route_Status_Departure]    Script Date: 03/02/2025 08:41:17 ******/
CREATE NONCLUSTERED INDEX [IX_Route_Status_Departure] ON [ops].[Route]
(
	[Status] ASC,
	[PlannedDeparture] ASC
)
INCLUDE([OriginDepotId],[DestinationDepotId],[VehicleId],[DriverEmployeeId]) WHERE ([Status] IN ('P', 'D'))
WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
/****** Object:  Index [IX_Shipment_Customer_BookedAt]    Script Date: 03/02/2025 08:41:17 ******/
CREATE NONCLUSTERED INDEX [IX_Shipment_Customer_BookedAt] ON [ops].[Shipment]
(
	[CustomerId] ASC,
	[BookedAt] DESC
)
INCLUDE([Status],[TotalPallets],[RequiredBy]) WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF, DATA_COMPRESSION = PAGE) ON [PRIMARY]
GO
/****** Object:  Index [IX_Shipment_Open]    Script Date: 03/02/2025 08:41:17 ******/
CREATE NONCLUSTERED INDEX [IX_Shipment_Open] ON [ops].[Shipment]
(
	[RequiredBy] ASC
)
INCLUDE([CustomerId],[RouteId]) WHERE ([Status]<>'DELIVERED' AND [Status]<>'CANCELLED')
WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
/****** Object:  Index [IX_Invoice_Customer_Status]    Script Date: 03/02/2025 08:41:17 ******/
CREATE NONCLUSTERED INDEX [IX_Invoice_Customer_Status] ON [billing].[Invoice]
(
	[CustomerId] ASC,
	[Status] ASC
)
INCLUDE([DueDate],[GrossAmount],[PaidAmount]) WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
/****** Object:  Index [UX_Payment_BankReference]    Script Date: 03/02/2025 08:41:17 ******/
CREATE UNIQUE NONCLUSTERED INDEX [UX_Payment_BankReference] ON [billing].[Payment]
(
	[BankReference] ASC
)
WHERE ([BankReference] IS NOT NULL)
WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, IGNORE_DUP_KEY = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
SET ANSI_PADDING ON
GO
/****** Object:  Index [SIX_Depot_Location]    Script Date: 03/02/2025 08:41:17 ******/
CREATE SPATIAL INDEX [SIX_Depot_Location] ON [ops].[Depot]
(
	[Location]
)USING  GEOGRAPHY_AUTO_GRID 
WITH (CELLS_PER_OBJECT = 12, PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
GO
ALTER TABLE [ref].[Country] ADD  CONSTRAINT [DF_Country_IsEuMember]  DEFAULT ((0)) FOR [IsEuMember]
GO
ALTER TABLE [ref].[Currency] ADD  CONSTRAINT [DF_Currency_RateUpdatedAt]  DEFAULT (sysutcdatetime()) FOR [RateUpdatedAt]
GO
ALTER TABLE [ref].[TemperatureBand] ADD  CONSTRAINT [DF_TemperatureBand_ToleranceMinutes]  DEFAULT ((30)) FOR [ToleranceMinutes]
GO
ALTER TABLE [ref].[ProductClass] ADD  CONSTRAINT [DF_ProductClass_IsHazardous]  DEFAULT ((0)) FOR [IsHazardous]
GO
ALTER TABLE [ref].[ProductClass] ADD  CONSTRAINT [DF_ProductClass_RequiresGdp]  DEFAULT ((0)) FOR [RequiresGdp]
GO
ALTER TABLE [hr].[Employee] ADD  CONSTRAINT [DF_Employee_IsDriver]  DEFAULT ((0)) FOR [IsDriver]
GO
ALTER TABLE [hr].[Employee] ADD  CONSTRAINT [DF_Employee_ModifiedAt]  DEFAULT (sysdatetime()) FOR [ModifiedAt]
GO
ALTER TABLE [hr].[DriverLicence] ADD  CONSTRAINT [DF_DriverLicence_AdrCertified]  DEFAULT ((0)) FOR [AdrCertified]
GO
ALTER TABLE [hr].[DriverLicence] ADD  CONSTRAINT [DF_DriverLicence_CpcHours]  DEFAULT ((0)) FOR [CpcHoursCompleted]
GO
ALTER TABLE [ops].[Depot] ADD  CONSTRAINT [DF_Depot_FrozenRoomPallets]  DEFAULT ((0)) FOR [FrozenRoomPallets]
GO
ALTER TABLE [ops].[Depot] ADD  CONSTRAINT [DF_Depot_IsActive]  DEFAULT ((1)) FOR [IsActive]
GO
ALTER TABLE [ops].[DockDoor] ADD  CONSTRAINT [DF_DockDoor_IsRefrigerated]  DEFAULT ((1)) FOR [IsRefrigerated]
GO
ALTER TABLE [ops].[DockDoor] ADD  CONSTRAINT [DF_DockDoor_HasLeveller]  DEFAULT ((1)) FOR [HasLeveller]
GO
ALTER TABLE [ops].[DockDoor] ADD  CONSTRAINT [DF_DockDoor_IsActive]  DEFAULT ((1)) FOR [IsActive]
GO
ALTER TABLE [ops].[Vehicle] ADD  CONSTRAINT [DF_Vehicle_OdometerKm]  DEFAULT ((0)) FOR [OdometerKm]
GO
ALTER TABLE [ops].[Vehicle] ADD  CONSTRAINT [DF_Vehicle_IsDeleted]  DEFAULT ((0)) FOR [IsDeleted]
GO
ALTER TABLE [ops].[Trailer] ADD  CONSTRAINT [DF_Trailer_IsMultiTemp]  DEFAULT ((0)) FOR [IsMultiTemp]
GO
ALTER TABLE [ops].[Route] ADD  CONSTRAINT [DF_Route_Status]  DEFAULT ('P') FOR [Status]
GO
ALTER TABLE [billing].[Customer] ADD  CONSTRAINT [DF_Customer_CurrencyCode]  DEFAULT ('EUR') FOR [CurrencyCode]
GO
ALTER TABLE [billing].[Customer] ADD  CONSTRAINT [DF_Customer_CreditLimit]  DEFAULT ((0)) FOR [CreditLimit]
GO
ALTER TABLE [billing].[Customer] ADD  CONSTRAINT [DF_Customer_PaymentTermsDays]  DEFAULT ((30)) FOR [PaymentTermsDays]
GO
ALTER TABLE [billing].[Customer] ADD  CONSTRAINT [DF_Customer_IsOnHold]  DEFAULT ((0)) FOR [IsOnHold]
GO
ALTER TABLE [billing].[Customer] ADD  CONSTRAINT [DF_Customer_CreatedAt]  DEFAULT (sysutcdatetime()) FOR [CreatedAt]
GO
ALTER TABLE [billing].[CustomerSite] ADD  CONSTRAINT [DF_CustomerSite_WindowStart]  DEFAULT ('06:00:00') FOR [DeliveryWindowStart]
GO
ALTER TABLE [billing].[CustomerSite] ADD  CONSTRAINT [DF_CustomerSite_WindowEnd]  DEFAULT ('18:00:00') FOR [DeliveryWindowEnd]
GO
ALTER TABLE [billing].[CustomerSite] ADD  CONSTRAINT [DF_CustomerSite_IsActive]  DEFAULT ((1)) FOR [IsActive]
GO
ALTER TABLE [ops].[Shipment] ADD  CONSTRAINT [DF_Shipment_ShipmentNumber]  DEFAULT (NEXT VALUE FOR [ops].[ShipmentNumberSeq]) FOR [ShipmentNumber]
GO
ALTER TABLE [ops].[Shipment] ADD  CONSTRAINT [DF_Shipment_BookedAt]  DEFAULT (sysutcdatetime()) FOR [BookedAt]
GO
ALTER TABLE [ops].[Shipment] ADD  CONSTRAINT [DF_Shipment_Status]  DEFAULT ('BOOKED') FOR [Status]
GO
ALTER TABLE [ops].[Shipment] ADD  CONSTRAINT [DF_Shipment_TotalPallets]  DEFAULT ((0)) FOR [TotalPallets]
GO
ALTER TABLE [ops].[Shipment] ADD  CONSTRAINT [DF_Shipment_TotalWeightKg]  DEFAULT ((0)) FOR [TotalWeightKg]
GO
ALTER TABLE [ops].[ShipmentStatusHistory] ADD  CONSTRAINT [DF_ShipmentStatusHistory_ChangedAt]  DEFAULT (sysdatetime()) FOR [ChangedAt]
GO
ALTER TABLE [ops].[ShipmentStatusHistory] ADD  CONSTRAINT [DF_ShipmentStatusHistory_ChangedBy]  DEFAULT (suser_sname()) FOR [ChangedBy]
GO
ALTER TABLE [ops].[ShipmentStatusHistory] ADD  CONSTRAINT [DF_ShipmentStatusHistory_HostName]  DEFAULT (host_name()) FOR [HostName]
GO
ALTER TABLE [billing].[Invoice] ADD  CONSTRAINT [DF_Invoice_InvoiceSeq]  DEFAULT (NEXT VALUE FOR [billing].[InvoiceNumberSeq]) FOR [InvoiceSeq]
GO
ALTER TABLE [billing].[Invoice] ADD  CONSTRAINT [DF_Invoice_InvoiceDate]  DEFAULT (CONVERT([date],getdate())) FOR [InvoiceDate]
GO
ALTER TABLE [billing].[Invoice] ADD  CONSTRAINT [DF_Invoice_Status]  DEFAULT ('D') FOR [Status]
GO
ALTER TABLE [billing].[Invoice] ADD  CONSTRAINT [DF_Invoice_NetAmount]  DEFAULT ((0)) FOR [NetAmount]
GO
ALTER TABLE [billing].[Invoice] ADD  CONSTRAINT [DF_Invoice_VatAmount]  DEFAULT ((0)) FOR [VatAmount]
GO
ALTER TABLE [billing].[Invoice] ADD  CONSTRAINT [DF_Invoice_PaidAmount]  DEFAULT ((0)) FOR [PaidAmount]
GO
ALTER TABLE [billing].[Payment] ADD  CONSTRAINT [DF_Payment_ReceivedAt]  DEFAULT (sysutcdatetime()) FOR [ReceivedAt]
GO
ALTER TABLE [billing].[Payment] ADD  CONSTRAINT [DF_Payment_AllocatedAmount]  DEFAULT ((0)) FOR [AllocatedAmount]
GO
ALTER TABLE [billing].[CreditNote] ADD  CONSTRAINT [DF_CreditNote_IssuedAt]  DEFAULT (sysutcdatetime()) FOR [IssuedAt]
GO
ALTER TABLE [ref].[Country]  WITH CHECK ADD  CONSTRAINT [FK_Country_Currency] FOREIGN KEY([CurrencyCode])
REFERENCES [ref].[Currency] ([CurrencyCode])
GO
ALTER TABLE [ref].[Country] CHECK CONSTRAINT [FK_Country_Currency]
GO
ALTER TABLE [ref].[ProductClass]  WITH CHECK ADD  CONSTRAINT [FK_ProductClass_TemperatureBand] FOREIGN KEY([BandCode])
REFERENCES [ref].[TemperatureBand] ([BandCode])
GO
ALTER TABLE [ref].[ProductClass] CHECK CONSTRAINT [FK_ProductClass_TemperatureBand]
GO
ALTER TABLE [ref].[Holiday]  WITH CHECK ADD  CONSTRAINT [FK_Holiday_Country] FOREIGN KEY([CountryCode])
REFERENCES [ref].[Country] ([CountryCode])
ON DELETE CASCADE
GO
ALTER TABLE [ref].[Holiday] CHECK CONSTRAINT [FK_Holiday_Country]
GO
ALTER TABLE [hr].[Employee]  WITH CHECK ADD  CONSTRAINT [FK_Employee_Depot] FOREIGN KEY([HomeDepotId])
REFERENCES [ops].[Depot] ([DepotId])
GO
ALTER TABLE [hr].[Employee] CHECK CONSTRAINT [FK_Employee_Depot]
GO
ALTER TABLE [hr].[DriverLicence]  WITH CHECK ADD  CONSTRAINT [FK_DriverLicence_Employee] FOREIGN KEY([EmployeeId])
REFERENCES [hr].[Employee] ([EmployeeId])
ON DELETE CASCADE
GO
ALTER TABLE [hr].[DriverLicence] CHECK CONSTRAINT [FK_DriverLicence_Employee]
GO
ALTER TABLE [ops].[Depot]  WITH CHECK ADD  CONSTRAINT [FK_Depot_Country] FOREIGN KEY([CountryCode])
REFERENCES [ref].[Country] ([CountryCode])
GO
ALTER TABLE [ops].[Depot] CHECK CONSTRAINT [FK_Depot_Country]
GO
-- The manager link was added after the employees were loaded, so existing
-- rows were not checked; NOCHECK keeps the constraint untrusted.
ALTER TABLE [ops].[Depot]  WITH NOCHECK ADD  CONSTRAINT [FK_Depot_Manager] FOREIGN KEY([ManagerEmployeeId])
REFERENCES [hr].[Employee] ([EmployeeId])
GO
ALTER TABLE [ops].[Depot] NOCHECK CONSTRAINT [FK_Depot_Manager]
GO
ALTER TABLE [ops].[DockDoor]  WITH CHECK ADD  CONSTRAINT [FK_DockDoor_Depot] FOREIGN KEY([DepotId])
REFERENCES [ops].[Depot] ([DepotId])
GO
ALTER TABLE [ops].[DockDoor] CHECK CONSTRAINT [FK_DockDoor_Depot]
GO
ALTER TABLE [ops].[DockDoor]  WITH CHECK ADD  CONSTRAINT [FK_DockDoor_Route] FOREIGN KEY([AssignedRouteId])
REFERENCES [ops].[Route] ([RouteId])
ON DELETE SET NULL
GO
ALTER TABLE [ops].[DockDoor] CHECK CONSTRAINT [FK_DockDoor_Route]
GO
ALTER TABLE [ops].[Vehicle]  WITH CHECK ADD  CONSTRAINT [FK_Vehicle_Depot] FOREIGN KEY([HomeDepotId])
REFERENCES [ops].[Depot] ([DepotId])
GO
ALTER TABLE [ops].[Vehicle] CHECK CONSTRAINT [FK_Vehicle_Depot]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [FK_Route_Origin] FOREIGN KEY([OriginDepotId])
REFERENCES [ops].[Depot] ([DepotId])
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [FK_Route_Origin]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [FK_Route_Destination] FOREIGN KEY([DestinationDepotId])
REFERENCES [ops].[Depot] ([DepotId])
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [FK_Route_Destination]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [FK_Route_Vehicle] FOREIGN KEY([VehicleId])
REFERENCES [ops].[Vehicle] ([VehicleId])
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [FK_Route_Vehicle]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [FK_Route_Trailer] FOREIGN KEY([TrailerId])
REFERENCES [ops].[Trailer] ([TrailerId])
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [FK_Route_Trailer]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [FK_Route_Driver] FOREIGN KEY([DriverEmployeeId])
REFERENCES [hr].[Employee] ([EmployeeId])
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [FK_Route_Driver]
GO
ALTER TABLE [ops].[RouteStop]  WITH CHECK ADD  CONSTRAINT [FK_RouteStop_Route] FOREIGN KEY([RouteId])
REFERENCES [ops].[Route] ([RouteId])
ON DELETE CASCADE
GO
ALTER TABLE [ops].[RouteStop] CHECK CONSTRAINT [FK_RouteStop_Route]
GO
ALTER TABLE [ops].[RouteStop]  WITH CHECK ADD  CONSTRAINT [FK_RouteStop_Depot] FOREIGN KEY([DepotId])
REFERENCES [ops].[Depot] ([DepotId])
GO
ALTER TABLE [ops].[RouteStop] CHECK CONSTRAINT [FK_RouteStop_Depot]
GO
ALTER TABLE [ops].[RouteStop]  WITH CHECK ADD  CONSTRAINT [FK_RouteStop_CustomerSite] FOREIGN KEY([CustomerSiteId])
REFERENCES [billing].[CustomerSite] ([CustomerSiteId])
GO
ALTER TABLE [ops].[RouteStop] CHECK CONSTRAINT [FK_RouteStop_CustomerSite]
GO
ALTER TABLE [billing].[Customer]  WITH CHECK ADD  CONSTRAINT [FK_Customer_Country] FOREIGN KEY([CountryCode])
REFERENCES [ref].[Country] ([CountryCode])
GO
ALTER TABLE [billing].[Customer] CHECK CONSTRAINT [FK_Customer_Country]
GO
ALTER TABLE [billing].[Customer]  WITH CHECK ADD  CONSTRAINT [FK_Customer_Currency] FOREIGN KEY([CurrencyCode])
REFERENCES [ref].[Currency] ([CurrencyCode])
GO
ALTER TABLE [billing].[Customer] CHECK CONSTRAINT [FK_Customer_Currency]
GO
ALTER TABLE [billing].[Customer]  WITH CHECK ADD  CONSTRAINT [FK_Customer_AccountManager] FOREIGN KEY([AccountManagerId])
REFERENCES [hr].[Employee] ([EmployeeId])
GO
ALTER TABLE [billing].[Customer] CHECK CONSTRAINT [FK_Customer_AccountManager]
GO
ALTER TABLE [billing].[CustomerSite]  WITH CHECK ADD  CONSTRAINT [FK_CustomerSite_Customer] FOREIGN KEY([CustomerId])
REFERENCES [billing].[Customer] ([CustomerId])
GO
ALTER TABLE [billing].[CustomerSite] CHECK CONSTRAINT [FK_CustomerSite_Customer]
GO
ALTER TABLE [ops].[Shipment]  WITH CHECK ADD  CONSTRAINT [FK_Shipment_Customer] FOREIGN KEY([CustomerId])
REFERENCES [billing].[Customer] ([CustomerId])
GO
ALTER TABLE [ops].[Shipment] CHECK CONSTRAINT [FK_Shipment_Customer]
GO
ALTER TABLE [ops].[Shipment]  WITH CHECK ADD  CONSTRAINT [FK_Shipment_OriginDepot] FOREIGN KEY([OriginDepotId])
REFERENCES [ops].[Depot] ([DepotId])
GO
ALTER TABLE [ops].[Shipment] CHECK CONSTRAINT [FK_Shipment_OriginDepot]
GO
ALTER TABLE [ops].[Shipment]  WITH CHECK ADD  CONSTRAINT [FK_Shipment_DeliverySite] FOREIGN KEY([DeliverySiteId])
REFERENCES [billing].[CustomerSite] ([CustomerSiteId])
GO
ALTER TABLE [ops].[Shipment] CHECK CONSTRAINT [FK_Shipment_DeliverySite]
GO
ALTER TABLE [ops].[Shipment]  WITH CHECK ADD  CONSTRAINT [FK_Shipment_Route] FOREIGN KEY([RouteId])
REFERENCES [ops].[Route] ([RouteId])
GO
ALTER TABLE [ops].[Shipment] CHECK CONSTRAINT [FK_Shipment_Route]
GO
ALTER TABLE [ops].[ShipmentLine]  WITH CHECK ADD  CONSTRAINT [FK_ShipmentLine_Shipment] FOREIGN KEY([ShipmentId])
REFERENCES [ops].[Shipment] ([ShipmentId])
ON DELETE CASCADE
GO
ALTER TABLE [ops].[ShipmentLine] CHECK CONSTRAINT [FK_ShipmentLine_Shipment]
GO
ALTER TABLE [ops].[ShipmentLine]  WITH CHECK ADD  CONSTRAINT [FK_ShipmentLine_ProductClass] FOREIGN KEY([ProductClassCode])
REFERENCES [ref].[ProductClass] ([ProductClassCode])
ON UPDATE CASCADE
GO
ALTER TABLE [ops].[ShipmentLine] CHECK CONSTRAINT [FK_ShipmentLine_ProductClass]
GO
ALTER TABLE [ops].[ShipmentStatusHistory]  WITH CHECK ADD  CONSTRAINT [FK_ShipmentStatusHistory_Shipment] FOREIGN KEY([ShipmentId])
REFERENCES [ops].[Shipment] ([ShipmentId])
ON DELETE CASCADE
GO
ALTER TABLE [ops].[ShipmentStatusHistory] CHECK CONSTRAINT [FK_ShipmentStatusHistory_Shipment]
GO
ALTER TABLE [billing].[Invoice]  WITH CHECK ADD  CONSTRAINT [FK_Invoice_Customer] FOREIGN KEY([CustomerId])
REFERENCES [billing].[Customer] ([CustomerId])
GO
ALTER TABLE [billing].[Invoice] CHECK CONSTRAINT [FK_Invoice_Customer]
GO
ALTER TABLE [billing].[Invoice]  WITH CHECK ADD  CONSTRAINT [FK_Invoice_Currency] FOREIGN KEY([CurrencyCode])
REFERENCES [ref].[Currency] ([CurrencyCode])
GO
ALTER TABLE [billing].[Invoice] CHECK CONSTRAINT [FK_Invoice_Currency]
GO
ALTER TABLE [billing].[InvoiceLine]  WITH CHECK ADD  CONSTRAINT [FK_InvoiceLine_Invoice] FOREIGN KEY([InvoiceId])
REFERENCES [billing].[Invoice] ([InvoiceId])
ON DELETE CASCADE
GO
ALTER TABLE [billing].[InvoiceLine] CHECK CONSTRAINT [FK_InvoiceLine_Invoice]
GO
ALTER TABLE [billing].[InvoiceLine]  WITH CHECK ADD  CONSTRAINT [FK_InvoiceLine_Shipment] FOREIGN KEY([ShipmentId])
REFERENCES [ops].[Shipment] ([ShipmentId])
GO
ALTER TABLE [billing].[InvoiceLine] CHECK CONSTRAINT [FK_InvoiceLine_Shipment]
GO
ALTER TABLE [billing].[Payment]  WITH CHECK ADD  CONSTRAINT [FK_Payment_Customer] FOREIGN KEY([CustomerId])
REFERENCES [billing].[Customer] ([CustomerId])
GO
ALTER TABLE [billing].[Payment] CHECK CONSTRAINT [FK_Payment_Customer]
GO
ALTER TABLE [billing].[Payment]  WITH CHECK ADD  CONSTRAINT [FK_Payment_Invoice] FOREIGN KEY([InvoiceId])
REFERENCES [billing].[Invoice] ([InvoiceId])
GO
ALTER TABLE [billing].[Payment] CHECK CONSTRAINT [FK_Payment_Invoice]
GO
ALTER TABLE [billing].[CreditNote]  WITH CHECK ADD  CONSTRAINT [FK_CreditNote_Invoice] FOREIGN KEY([InvoiceId])
REFERENCES [billing].[Invoice] ([InvoiceId])
GO
ALTER TABLE [billing].[CreditNote] CHECK CONSTRAINT [FK_CreditNote_Invoice]
GO
ALTER TABLE [billing].[CreditNote]  WITH CHECK ADD  CONSTRAINT [FK_CreditNote_ApprovedBy] FOREIGN KEY([ApprovedBy])
REFERENCES [hr].[Employee] ([EmployeeId])
GO
ALTER TABLE [billing].[CreditNote] CHECK CONSTRAINT [FK_CreditNote_ApprovedBy]
GO
ALTER TABLE [ref].[Currency]  WITH CHECK ADD  CONSTRAINT [CK_Currency_Rate] CHECK  (([RateToEur]>(0)))
GO
ALTER TABLE [ref].[Currency] CHECK CONSTRAINT [CK_Currency_Rate]
GO
ALTER TABLE [ref].[Country]  WITH CHECK ADD  CONSTRAINT [CK_Country_VatRate] CHECK  (([VatRatePct]>=(0) AND [VatRatePct]<(50)))
GO
ALTER TABLE [ref].[Country] CHECK CONSTRAINT [CK_Country_VatRate]
GO
ALTER TABLE [ref].[TemperatureBand]  WITH CHECK ADD  CONSTRAINT [CK_TemperatureBand_Range] CHECK  (([MinTempC]<[MaxTempC]))
GO
ALTER TABLE [ref].[TemperatureBand] CHECK CONSTRAINT [CK_TemperatureBand_Range]
GO
ALTER TABLE [ref].[ProductClass]  WITH CHECK ADD  CONSTRAINT [CK_ProductClass_UnNumber] CHECK  (([IsHazardous]=(0) OR [UnNumber] IS NOT NULL))
GO
ALTER TABLE [ref].[ProductClass] CHECK CONSTRAINT [CK_ProductClass_UnNumber]
GO
ALTER TABLE [hr].[Employee]  WITH CHECK ADD  CONSTRAINT [CK_Employee_Dates] CHECK  (([TerminationDate] IS NULL OR [TerminationDate]>=[HireDate]))
GO
ALTER TABLE [hr].[Employee] CHECK CONSTRAINT [CK_Employee_Dates]
GO
ALTER TABLE [hr].[DriverLicence]  WITH CHECK ADD  CONSTRAINT [CK_DriverLicence_Class] CHECK  (([LicenceClass]='CE' OR [LicenceClass]='C1E' OR [LicenceClass]='C' OR [LicenceClass]='C1' OR [LicenceClass]='B'))
GO
ALTER TABLE [hr].[DriverLicence] CHECK CONSTRAINT [CK_DriverLicence_Class]
GO
ALTER TABLE [ops].[Depot]  WITH CHECK ADD  CONSTRAINT [CK_Depot_Capacity] CHECK  (([ColdRoomPallets]>=(0) AND [FrozenRoomPallets]>=(0)))
GO
ALTER TABLE [ops].[Depot] CHECK CONSTRAINT [CK_Depot_Capacity]
GO
ALTER TABLE [ops].[Vehicle]  WITH CHECK ADD  CONSTRAINT [CK_Vehicle_EuroClass] CHECK  (([EuroClass]>=(4) AND [EuroClass]<=(7)))
GO
ALTER TABLE [ops].[Vehicle] CHECK CONSTRAINT [CK_Vehicle_EuroClass]
GO
ALTER TABLE [ops].[Vehicle]  WITH CHECK ADD  CONSTRAINT [CK_Vehicle_Deleted] CHECK  (([IsDeleted]=(0) AND [DeletedAt] IS NULL OR [IsDeleted]=(1) AND [DeletedAt] IS NOT NULL))
GO
ALTER TABLE [ops].[Vehicle] CHECK CONSTRAINT [CK_Vehicle_Deleted]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [CK_Route_Status] CHECK  (([Status]='X' OR [Status]='C' OR [Status]='A' OR [Status]='D' OR [Status]='P'))
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [CK_Route_Status]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [CK_Route_Times] CHECK  (([PlannedArrival]>[PlannedDeparture]))
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [CK_Route_Times]
GO
ALTER TABLE [ops].[Route]  WITH CHECK ADD  CONSTRAINT [CK_Route_Depots] CHECK  (([OriginDepotId]<>[DestinationDepotId]))
GO
ALTER TABLE [ops].[Route] CHECK CONSTRAINT [CK_Route_Depots]
GO
ALTER TABLE [ops].[RouteStop]  WITH CHECK ADD  CONSTRAINT [CK_RouteStop_Target] CHECK  (([DepotId] IS NULL AND [CustomerSiteId] IS NOT NULL OR [DepotId] IS NOT NULL AND [CustomerSiteId] IS NULL))
GO
ALTER TABLE [ops].[RouteStop] CHECK CONSTRAINT [CK_RouteStop_Target]
GO
ALTER TABLE [billing].[Customer]  WITH CHECK ADD  CONSTRAINT [CK_Customer_CreditLimit] CHECK  (([CreditLimit]>=(0)))
GO
ALTER TABLE [billing].[Customer] CHECK CONSTRAINT [CK_Customer_CreditLimit]
GO
ALTER TABLE [billing].[CustomerSite]  WITH CHECK ADD  CONSTRAINT [CK_CustomerSite_Window] CHECK  (([DeliveryWindowStart]<[DeliveryWindowEnd]))
GO
ALTER TABLE [billing].[CustomerSite] CHECK CONSTRAINT [CK_CustomerSite_Window]
GO
ALTER TABLE [ops].[Shipment]  WITH CHECK ADD  CONSTRAINT [CK_Shipment_Status] CHECK  (([Status]='CANCELLED' OR [Status]='DELIVERED' OR [Status]='IN_TRANSIT' OR [Status]='LOADED' OR [Status]='PLANNED' OR [Status]='BOOKED' OR [Status]='ON_HOLD'))
GO
ALTER TABLE [ops].[Shipment] CHECK CONSTRAINT [CK_Shipment_Status]
GO
ALTER TABLE [ops].[Shipment]  WITH CHECK ADD  CONSTRAINT [CK_Shipment_RequiredBy] CHECK  (([RequiredBy]>[BookedAt]))
GO
ALTER TABLE [ops].[Shipment] CHECK CONSTRAINT [CK_Shipment_RequiredBy]
GO
ALTER TABLE [ops].[ShipmentLine]  WITH CHECK ADD  CONSTRAINT [CK_ShipmentLine_Temps] CHECK  (([MinTempC] IS NULL OR [MaxTempC] IS NULL OR [MinTempC]<=[MaxTempC]))
GO
ALTER TABLE [ops].[ShipmentLine] CHECK CONSTRAINT [CK_ShipmentLine_Temps]
GO
ALTER TABLE [ops].[ShipmentLine]  WITH CHECK ADD  CONSTRAINT [CK_ShipmentLine_Pallets] CHECK  (([PalletCount]>(0) AND [PalletCount]<=(66)))
GO
ALTER TABLE [ops].[ShipmentLine] CHECK CONSTRAINT [CK_ShipmentLine_Pallets]
GO
ALTER TABLE [billing].[Invoice]  WITH CHECK ADD  CONSTRAINT [CK_Invoice_Status] CHECK  (([Status]='V' OR [Status]='P' OR [Status]='I' OR [Status]='D'))
GO
ALTER TABLE [billing].[Invoice] CHECK CONSTRAINT [CK_Invoice_Status]
GO
ALTER TABLE [billing].[Invoice]  WITH CHECK ADD  CONSTRAINT [CK_Invoice_DueDate] CHECK  (([DueDate]>=[InvoiceDate]))
GO
ALTER TABLE [billing].[Invoice] CHECK CONSTRAINT [CK_Invoice_DueDate]
GO
ALTER TABLE [billing].[InvoiceLine]  WITH CHECK ADD  CONSTRAINT [CK_InvoiceLine_Quantity] CHECK  (([Quantity]<>(0)))
GO
ALTER TABLE [billing].[InvoiceLine] CHECK CONSTRAINT [CK_InvoiceLine_Quantity]
GO
ALTER TABLE [billing].[Payment]  WITH CHECK ADD  CONSTRAINT [CK_Payment_Method] CHECK  (([Method]='CARD' OR [Method]='DIRECTDEB' OR [Method]='SEPA' OR [Method]='CHEQUE'))
GO
ALTER TABLE [billing].[Payment] CHECK CONSTRAINT [CK_Payment_Method]
GO
ALTER TABLE [billing].[Payment]  WITH CHECK ADD  CONSTRAINT [CK_Payment_Amount] CHECK  (([Amount]>(0) AND [AllocatedAmount]>=(0) AND [AllocatedAmount]<=[Amount]))
GO
ALTER TABLE [billing].[Payment] CHECK CONSTRAINT [CK_Payment_Amount]
GO
ALTER TABLE [billing].[CreditNote]  WITH CHECK ADD  CONSTRAINT [CK_CreditNote_Amount] CHECK  (([Amount]>(0)))
GO
ALTER TABLE [billing].[CreditNote] CHECK CONSTRAINT [CK_CreditNote_Amount]
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'A consignment booked by a customer, moved on one route from an origin depot to a delivery site.' , @level0type=N'SCHEMA',@level0name=N'ops', @level1type=N'TABLE',@level1name=N'Shipment'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Business key printed on delivery notes; derived from ShipmentNumber.' , @level0type=N'SCHEMA',@level0name=N'ops', @level1type=N'TABLE',@level1name=N'Shipment', @level2type=N'COLUMN',@level2name=N'Reference'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Position in the company hierarchy; the root is the managing director.' , @level0type=N'SCHEMA',@level0name=N'hr', @level1type=N'TABLE',@level1name=N'Employee', @level2type=N'COLUMN',@level2name=N'OrgNode'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Reefer unit details; only refrigerated trailers fill these sparse columns.' , @level0type=N'SCHEMA',@level0name=N'ops', @level1type=N'TABLE',@level1name=N'Trailer'
GO
