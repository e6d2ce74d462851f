/*
    Billing procedures: invoicing, payments, rate cards, statements and the
    exports that finance and the customer portal read.
*/
USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

/*-----------------------------------------------------------------------------
  billing.usp_GenerateInvoices
  Invoices every delivered, uninvoiced shipment up to a date, one invoice per
  customer and currency. Each customer is invoiced under a savepoint: a
  failure rolls back that customer only, is logged, and the run goes on.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_GenerateInvoices
    @UpTo           date,
    @InvoiceDate    date = NULL,
    @DryRun         bit = 0
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT OFF;   -- savepoints need the transaction to survive errors

    DECLARE @customerId int, @currency char(3), @countryCode char(2), @vatNumber varchar(20);
    DECLARE @terms smallint, @invoiceId int, @net decimal(19, 4), @vat decimal(19, 4);
    DECLARE @created TABLE (InvoiceId int, CustomerId int, InvoiceNumber varchar(20));
    DECLARE @failed TABLE (CustomerId int, ErrorNumber int, ErrorMessage nvarchar(4000));

    SET @InvoiceDate = ISNULL(@InvoiceDate, CAST(GETDATE() AS date));

    DECLARE customer_cursor CURSOR LOCAL STATIC READ_ONLY FOR
        SELECT DISTINCT c.CustomerId, c.CurrencyCode, c.CountryCode, c.VatNumber, c.PaymentTermsDays
        FROM billing.Customer AS c
        JOIN ops.Shipment AS s ON s.CustomerId = c.CustomerId
        JOIN ops.Route AS r ON r.RouteId = s.RouteId
        WHERE s.Status = 'DELIVERED'
          AND CAST(r.ActualArrival AS date) <= @UpTo
          AND NOT EXISTS (SELECT 1 FROM billing.InvoiceLine AS il WHERE il.ShipmentId = s.ShipmentId);

    BEGIN TRANSACTION;

    OPEN customer_cursor;
    FETCH NEXT FROM customer_cursor INTO @customerId, @currency, @countryCode, @vatNumber, @terms;

    WHILE @@FETCH_STATUS = 0
    BEGIN
        SAVE TRANSACTION CustomerInvoice;

        BEGIN TRY
            INSERT INTO billing.Invoice (CustomerId, InvoiceDate, DueDate, CurrencyCode, Status)
            OUTPUT inserted.InvoiceId, inserted.CustomerId, inserted.InvoiceNumber
                INTO @created (InvoiceId, CustomerId, InvoiceNumber)
            VALUES (@customerId, @InvoiceDate, DATEADD(DAY, @terms, @InvoiceDate), @currency, 'D');

            SET @invoiceId = SCOPE_IDENTITY();

            INSERT INTO billing.InvoiceLine (InvoiceId, LineNumber, ShipmentId, Description, Quantity, UnitPrice, VatRatePct)
            SELECT @invoiceId,
                   ROW_NUMBER() OVER (ORDER BY s.ShipmentNumber),
                   s.ShipmentId,
                   LEFT(s.Reference + N' ' + od.City + N' → ' + cs.City, 200),
                   s.TotalPallets,
                   ISNULL(rc.RatePerPallet, dflt.RatePerPallet) * (1 + ISNULL(rc.FuelSurchargePct, dflt.FuelSurchargePct) / 100),
                   ctry.VatRatePct
            FROM ops.Shipment AS s
            JOIN ops.Route AS r ON r.RouteId = s.RouteId
            JOIN ops.Depot AS od ON od.DepotId = s.OriginDepotId
            JOIN billing.CustomerSite AS cs ON cs.CustomerSiteId = s.DeliverySiteId
            JOIN ref.Country AS ctry ON ctry.CountryCode = od.CountryCode
            CROSS APPLY
            (
                SELECT TOP (1) pc.BandCode
                FROM ops.ShipmentLine AS sl
                JOIN ref.ProductClass AS pc ON pc.ProductClassCode = sl.ProductClassCode
                WHERE sl.ShipmentId = s.ShipmentId
                ORDER BY sl.PalletCount DESC
            ) AS band
            OUTER APPLY
            (
                -- AS OF takes only a literal or a variable, so the version in
                -- force at departure is found by filtering all versions.
                SELECT r1.RatePerPallet, r1.FuelSurchargePct
                FROM billing.RateCard FOR SYSTEM_TIME ALL AS r1
                WHERE r1.CustomerId = s.CustomerId
                  AND r.ActualDeparture >= r1.ValidFrom
                  AND r.ActualDeparture < r1.ValidTo
                  AND r1.OriginCountry = od.CountryCode
                  AND r1.DestinationCountry = cs.CountryCode
                  AND r1.BandCode = band.BandCode
            ) AS rc
            OUTER APPLY
            (
                SELECT r2.RatePerPallet, r2.FuelSurchargePct
                FROM billing.RateCard AS r2
                WHERE r2.CustomerId IS NULL
                  AND r2.OriginCountry = od.CountryCode
                  AND r2.DestinationCountry = cs.CountryCode
                  AND r2.BandCode = band.BandCode
            ) AS dflt
            WHERE s.CustomerId = @customerId
              AND s.Status = 'DELIVERED'
              AND CAST(r.ActualArrival AS date) <= @UpTo
              AND NOT EXISTS (SELECT 1 FROM billing.InvoiceLine AS il WHERE il.ShipmentId = s.ShipmentId);

            IF @@ROWCOUNT = 0
                RAISERROR(N'No billable lines for customer %d.', 16, 1, @customerId);

            SELECT @net = SUM(LineAmount) FROM billing.InvoiceLine WHERE InvoiceId = @invoiceId;
            SET @vat = billing.fn_VatAmount(@net, 'DE', @countryCode, @vatNumber);

            UPDATE billing.Invoice
            SET NetAmount = @net, VatAmount = @vat
            WHERE InvoiceId = @invoiceId;
        END TRY
        BEGIN CATCH
            IF XACT_STATE() = -1
            BEGIN
                -- The transaction cannot be saved any more; stop the run.
                ROLLBACK TRANSACTION;
                CLOSE customer_cursor;
                DEALLOCATE customer_cursor;
                THROW;
            END;

            ROLLBACK TRANSACTION CustomerInvoice;
            DELETE FROM @created WHERE CustomerId = @customerId;

            INSERT INTO @failed (CustomerId, ErrorNumber, ErrorMessage)
            VALUES (@customerId, ERROR_NUMBER(), ERROR_MESSAGE());
        END CATCH;

        FETCH NEXT FROM customer_cursor INTO @customerId, @currency, @countryCode, @vatNumber, @terms;
    END;

    CLOSE customer_cursor;
    DEALLOCATE customer_cursor;

    IF @DryRun = 1
        ROLLBACK TRANSACTION;
    ELSE
        COMMIT TRANSACTION;

    SELECT InvoiceId, CustomerId, InvoiceNumber FROM @created ORDER BY InvoiceId;
    SELECT CustomerId, ErrorNumber, ErrorMessage FROM @failed;

    RETURN (SELECT COUNT(*) FROM @failed);
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_ApplyPayment
  Allocates a payment to the oldest open invoices of its customer.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_ApplyPayment
    @PaymentId int
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @remaining decimal(19, 4), @customerId int;
    DECLARE @allocations TABLE (InvoiceId int PRIMARY KEY, Applied decimal(19, 4));
    DECLARE @paidChanges TABLE (InvoiceId int, OldPaid decimal(19, 4), NewPaid decimal(19, 4));

    BEGIN TRANSACTION;

    SELECT @remaining = Amount - AllocatedAmount, @customerId = CustomerId
    FROM billing.Payment WITH (UPDLOCK, HOLDLOCK)
    WHERE PaymentId = @PaymentId;

    IF @remaining IS NULL OR @remaining <= 0
    BEGIN
        COMMIT TRANSACTION;
        RETURN 0;
    END;

    WITH OpenItems AS
    (
        SELECT InvoiceId,
               Outstanding,
               SUM(Outstanding) OVER (ORDER BY DueDate, InvoiceId ROWS UNBOUNDED PRECEDING) AS RunningTotal
        FROM billing.fn_OpenInvoices(@customerId)
    )
    INSERT INTO @allocations (InvoiceId, Applied)
    SELECT InvoiceId,
           CASE
               WHEN RunningTotal <= @remaining THEN Outstanding
               ELSE @remaining - (RunningTotal - Outstanding)
           END
    FROM OpenItems
    WHERE RunningTotal - Outstanding < @remaining;

    UPDATE i
    SET PaidAmount = i.PaidAmount + a.Applied,
        Status = CASE WHEN i.PaidAmount + a.Applied >= i.GrossAmount THEN 'P' ELSE i.Status END
    OUTPUT inserted.InvoiceId, deleted.PaidAmount, inserted.PaidAmount
        INTO @paidChanges (InvoiceId, OldPaid, NewPaid)
    FROM billing.Invoice AS i
    JOIN @allocations AS a ON a.InvoiceId = i.InvoiceId;

    -- OUTPUT INTO cannot write to audit.ChangeLog directly because that
    -- table has a CHECK constraint.
    INSERT INTO audit.ChangeLog (TableName, KeyValue, Operation, OldValues, NewValues)
    SELECT N'billing.Invoice',
           CONVERT(nvarchar(100), InvoiceId),
           'U',
           (SELECT OldPaid AS PaidAmount FOR XML RAW('invoice'), TYPE),
           (SELECT NewPaid AS PaidAmount FOR XML RAW('invoice'), TYPE)
    FROM @paidChanges;

    UPDATE billing.Payment
    SET AllocatedAmount = AllocatedAmount + (SELECT ISNULL(SUM(Applied), 0) FROM @allocations)
    WHERE PaymentId = @PaymentId;

    COMMIT TRANSACTION;

    RETURN (SELECT COUNT(*) FROM @paidChanges);
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_UpsertRateCards
  Loads the rate cards that the pricing team maintains in a spreadsheet and
  sends as XML. Rates not in the file are ended for that customer.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_UpsertRateCards
    @CustomerId int,
    @Rates      xml
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @changes TABLE
    (
        Action          nvarchar(10) NOT NULL,
        RateCardId      int NULL,
        OldRate         decimal(19, 4) NULL,
        NewRate         decimal(19, 4) NULL
    );

    ;WITH Incoming AS
    (
        SELECT r.value('@from', 'char(2)')               AS OriginCountry,
               r.value('@to', 'char(2)')                 AS DestinationCountry,
               r.value('@band', 'varchar(10)')           AS BandCode,
               r.value('@perPallet', 'decimal(19,4)')    AS RatePerPallet,
               r.value('@perKm', 'decimal(19,4)')        AS RatePerKm,
               r.value('@minimum', 'decimal(19,4)')      AS MinimumCharge,
               ISNULL(r.value('@fuel', 'decimal(5,2)'), 0) AS FuelSurchargePct
        FROM @Rates.nodes('/rates/rate') AS t(r)
    )
    MERGE billing.RateCard WITH (HOLDLOCK) AS target
    USING Incoming AS source
        ON  target.CustomerId = @CustomerId
        AND target.OriginCountry = source.OriginCountry
        AND target.DestinationCountry = source.DestinationCountry
        AND target.BandCode = source.BandCode
    -- The file leaves the minimum charge empty for lanes without one;
    -- IS DISTINCT FROM treats NULL as a value in that comparison.
    WHEN MATCHED AND (target.RatePerPallet <> source.RatePerPallet
                      OR target.RatePerKm <> ISNULL(source.RatePerKm, 0)
                      OR NULLIF(target.MinimumCharge, 0) IS DISTINCT FROM source.MinimumCharge
                      OR target.FuelSurchargePct <> source.FuelSurchargePct) THEN
        UPDATE SET RatePerPallet    = source.RatePerPallet,
                   RatePerKm        = ISNULL(source.RatePerKm, 0),
                   MinimumCharge    = ISNULL(source.MinimumCharge, 0),
                   FuelSurchargePct = source.FuelSurchargePct,
                   ChangedBy        = ORIGINAL_LOGIN()
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (CustomerId, OriginCountry, DestinationCountry, BandCode, RatePerPallet, RatePerKm, MinimumCharge, FuelSurchargePct)
        VALUES (@CustomerId, source.OriginCountry, source.DestinationCountry, source.BandCode,
                source.RatePerPallet, ISNULL(source.RatePerKm, 0), ISNULL(source.MinimumCharge, 0), source.FuelSurchargePct)
    WHEN NOT MATCHED BY SOURCE AND target.CustomerId = @CustomerId THEN
        DELETE
    OUTPUT $action, ISNULL(inserted.RateCardId, deleted.RateCardId), deleted.RatePerPallet, inserted.RatePerPallet
        INTO @changes (Action, RateCardId, OldRate, NewRate);

    SELECT Action, COUNT(*) AS Rates, AVG(NewRate - OldRate) AS AverageChange
    FROM @changes
    GROUP BY Action;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_GetRatesAsOf
  Rates in force at a moment, or their history over a period, for disputes.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_GetRatesAsOf
    @CustomerId int,
    @AsOf       datetime2(2) = NULL,
    @Until      datetime2(2) = NULL
AS
BEGIN
    SET NOCOUNT ON;

    IF @Until IS NULL
        SELECT rc.OriginCountry, rc.DestinationCountry, rc.BandCode, rc.RatePerPallet,
               rc.FuelSurchargePct, rc.ValidFrom, rc.ValidTo
        FROM billing.RateCard FOR SYSTEM_TIME AS OF @AsOf AS rc
        WHERE rc.CustomerId = @CustomerId
        ORDER BY rc.OriginCountry, rc.DestinationCountry, rc.BandCode;
    ELSE
        SELECT rc.OriginCountry, rc.DestinationCountry, rc.BandCode, rc.RatePerPallet,
               rc.FuelSurchargePct, rc.ValidFrom, rc.ValidTo
        FROM billing.RateCard FOR SYSTEM_TIME BETWEEN @AsOf AND @Until AS rc
        WHERE rc.CustomerId = @CustomerId
        ORDER BY rc.OriginCountry, rc.DestinationCountry, rc.BandCode, rc.ValidFrom;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_CustomerStatementXml
  Monthly statement as XML for the print house: the customer, its open
  invoices with their lines nested, and a summary in attribute-centric RAW.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_CustomerStatementXml
    @CustomerId int,
    @Statement  xml OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    SET @Statement =
    (
        SELECT c.CustomerCode AS [@code],
               CONVERT(char(10), GETDATE(), 126) AS [@date],
               c.LegalName AS [name],
               c.BillingEmail AS [email],
               (
                   SELECT i.InvoiceNumber AS [@number],
                          CONVERT(varchar(10), i.InvoiceDate, 103) AS [@date],
                          CONVERT(varchar(10), i.DueDate, 103) AS [@due],
                          i.GrossAmount AS [gross],
                          i.PaidAmount AS [paid],
                          (
                              SELECT il.LineNumber AS [@n],
                                     il.Description AS [text()]
                              FROM billing.InvoiceLine AS il
                              WHERE il.InvoiceId = i.InvoiceId
                              ORDER BY il.LineNumber
                              FOR XML PATH('line'), TYPE
                          ) AS [lines]
                   FROM billing.Invoice AS i
                   WHERE i.CustomerId = c.CustomerId
                     AND i.Status IN ('I', 'P')
                   ORDER BY i.InvoiceDate
                   FOR XML PATH('invoice'), TYPE
               ) AS [invoices],
               (
                   SELECT COUNT(*) AS invoices,
                          SUM(o.Outstanding) AS outstanding,
                          MAX(o.DaysOverdue) AS maxDaysOverdue
                   FROM billing.fn_OpenInvoices(c.CustomerId) AS o
                   FOR XML RAW('summary'), TYPE
               )
        FROM billing.Customer AS c
        WHERE c.CustomerId = @CustomerId
        FOR XML PATH('statement'), TYPE
    );

    -- Also list the invoices in AUTO mode for the legacy print template.
    SELECT invoice.InvoiceNumber, invoice.GrossAmount, line.LineNumber, line.LineAmount
    FROM billing.Invoice AS invoice
    JOIN billing.InvoiceLine AS line ON line.InvoiceId = invoice.InvoiceId
    WHERE invoice.CustomerId = @CustomerId
    FOR XML AUTO, ELEMENTS, ROOT('invoices');
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_ExportInvoicesJson
  Invoices of a period as JSON for the customer portal's API.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_ExportInvoicesJson
    @CustomerId int,
    @From       date,
    @To         date,
    @Json       nvarchar(max) OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    SET @Json =
    (
        SELECT i.InvoiceNumber AS [number],
               i.InvoiceDate AS [date],
               i.DueDate AS [dueDate],
               i.CurrencyCode AS [amount.currency],
               i.NetAmount AS [amount.net],
               i.VatAmount AS [amount.vat],
               i.GrossAmount AS [amount.gross],
               CASE i.Status WHEN 'P' THEN 'paid' WHEN 'I' THEN 'issued' ELSE 'draft' END AS [status],
               JSON_QUERY(
                   (
                       SELECT il.LineNumber AS line,
                              il.Description AS description,
                              il.Quantity AS quantity,
                              il.UnitPrice AS unitPrice
                       FROM billing.InvoiceLine AS il
                       WHERE il.InvoiceId = i.InvoiceId
                       FOR JSON PATH
                   )
               ) AS [lines]
        FROM billing.Invoice AS i
        WHERE i.CustomerId = @CustomerId
          AND i.InvoiceDate BETWEEN @From AND @To
        ORDER BY i.InvoiceDate
        FOR JSON PATH, ROOT('invoices'), INCLUDE_NULL_VALUES
    );

    -- The portal's header widget wants the customer as a single object.
    SELECT c.CustomerCode, c.LegalName, c.CurrencyCode, b.Outstanding
    FROM billing.Customer AS c
    JOIN billing.vCustomerBalance AS b ON b.CustomerId = c.CustomerId
    WHERE c.CustomerId = @CustomerId
    FOR JSON AUTO, WITHOUT_ARRAY_WRAPPER;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_ImportPaymentsJson
  Reads the bank's payment notification (camt.054 converted to JSON by the
  gateway) and records each credit as a payment.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_ImportPaymentsJson
    @Json nvarchar(max)
AS
BEGIN
    SET NOCOUNT ON;

    IF ISJSON(@Json) = 0
    BEGIN
        RAISERROR(N'Payment notification is not valid JSON.', 16, 1);
        RETURN;
    END;

    DECLARE @account varchar(34) = JSON_VALUE(@Json, '$.account.iban');
    DECLARE @bookingDate date = TRY_CONVERT(date, JSON_VALUE(@Json, '$.bookingDate'), 23);
    DECLARE @inserted TABLE (PaymentId int, BankReference varchar(35));

    INSERT INTO billing.Payment (CustomerId, InvoiceId, ReceivedAt, Amount, CurrencyCode, Method, BankReference)
    OUTPUT inserted.PaymentId, inserted.BankReference INTO @inserted
    SELECT c.CustomerId,
           i.InvoiceId,
           ISNULL(e.ValueDate, @bookingDate),
           e.Amount,
           e.Currency,
           'SEPA',
           e.EndToEndId
    FROM OPENJSON(@Json, '$.entries')
         WITH
         (
             EndToEndId     varchar(35)     '$.endToEndId',
             Amount         decimal(19, 4)  '$.amount.value',
             Currency       char(3)         '$.amount.currency',
             ValueDate      date            '$.valueDate',
             DebtorName     nvarchar(140)   '$.debtor.name',
             Remittance     nvarchar(max)   '$.remittance' AS JSON
         ) AS e
    OUTER APPLY
    (
        SELECT TOP (1) [value] AS InvoiceNumber
        FROM OPENJSON(e.Remittance, '$.references')
        WHERE [value] LIKE 'INV%'
    ) AS ref
    LEFT JOIN billing.Invoice AS i ON i.InvoiceNumber = ref.InvoiceNumber
    JOIN billing.Customer AS c
        ON c.CustomerId = COALESCE(i.CustomerId,
                                   (SELECT TOP (1) CustomerId FROM billing.Customer WHERE LegalName = e.DebtorName))
    WHERE e.Amount > 0
      AND NOT EXISTS (SELECT 1 FROM billing.Payment AS p WHERE p.BankReference = e.EndToEndId);

    DECLARE @count int = @@ROWCOUNT;

    -- Echo the notification back with a processing status for the gateway.
    SELECT JSON_MODIFY(JSON_MODIFY(@Json, '$.processed', @count), 'append $.processedBy', ORIGINAL_LOGIN()) AS Acknowledgement,
           (SELECT PaymentId, BankReference FROM @inserted FOR JSON PATH) AS Payments,
           @account AS Account;

    DECLARE @paymentId int;
    SELECT @paymentId = MIN(PaymentId) FROM @inserted;
    WHILE @paymentId IS NOT NULL
    BEGIN
        EXEC billing.usp_ApplyPayment @PaymentId = @paymentId;
        SELECT @paymentId = MIN(PaymentId) FROM @inserted WHERE PaymentId > @paymentId;
    END;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_AgeingReport
  Debt ageing by customer in the classic 30/60/90 buckets, pivoted, with the
  amounts formatted for the credit committee's printed pack.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_AgeingReport
    @AsOf       date = NULL,
    @Culture    nvarchar(10) = N'de-DE'
AS
BEGIN
    SET NOCOUNT ON;

    SET @AsOf = ISNULL(@AsOf, CAST(GETDATE() AS date));

    SELECT CustomerCode,
           FORMAT(ISNULL([Current], 0), 'N2', @Culture) AS [Current],
           FORMAT(ISNULL([1-30], 0), 'N2', @Culture) AS [1-30],
           FORMAT(ISNULL([31-60], 0), 'N2', @Culture) AS [31-60],
           FORMAT(ISNULL([61-90], 0), 'N2', @Culture) AS [61-90],
           FORMAT(ISNULL([90+], 0), 'N2', @Culture) AS [90+],
           STR(ISNULL([90+], 0) * 100.0 / NULLIF(ISNULL([Current], 0) + ISNULL([1-30], 0) + ISNULL([31-60], 0)
               + ISNULL([61-90], 0) + ISNULL([90+], 0), 0), 6, 1) + '%' AS SeverePct,
           CONVERT(varchar(11), @AsOf, 106) AS AsOfText,
           CONVERT(varchar(8), GETDATE(), 108) AS PrintedAt,
           FORMAT(@AsOf, 'dddd d MMMM yyyy', @Culture) AS AsOfLong
    FROM
    (
        SELECT c.CustomerCode,
               i.GrossAmount - i.PaidAmount AS Outstanding,
               CASE
                   WHEN DATEDIFF(DAY, i.DueDate, @AsOf) <= 0 THEN 'Current'
                   WHEN DATEDIFF(DAY, i.DueDate, @AsOf) <= 30 THEN '1-30'
                   WHEN DATEDIFF(DAY, i.DueDate, @AsOf) <= 60 THEN '31-60'
                   WHEN DATEDIFF(DAY, i.DueDate, @AsOf) <= 90 THEN '61-90'
                   ELSE '90+'
               END AS Bucket
        FROM billing.Invoice AS i
        JOIN billing.Customer AS c ON c.CustomerId = i.CustomerId
        WHERE i.Status IN ('I', 'P')
          AND i.GrossAmount > i.PaidAmount
    ) AS src
    PIVOT
    (
        SUM(Outstanding) FOR Bucket IN ([Current], [1-30], [31-60], [61-90], [90+])
    ) AS p
    ORDER BY ISNULL([90+], 0) DESC, CustomerCode;

    -- Totals by bucket and currency with subtotals, for the last page.
    SELECT ISNULL(i.CurrencyCode, 'ALL') AS Currency,
           ISNULL(CONVERT(varchar(7), i.DueDate, 120), 'TOTAL') AS DueMonth,
           SUM(i.GrossAmount - i.PaidAmount) AS Outstanding,
           GROUPING(i.CurrencyCode) AS IsCurrencyTotal
    FROM billing.Invoice AS i
    WHERE i.Status IN ('I', 'P')
    GROUP BY ROLLUP (i.CurrencyCode, CONVERT(varchar(7), i.DueDate, 120))
    ORDER BY GROUPING(i.CurrencyCode), i.CurrencyCode, DueMonth;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_CustomerExportHash
  Fingerprints of customer master data for the nightly reconciliation with
  the ERP. The ERP was built around MD5, so MD5 stays for the comparison
  column; SHA-256 is stored beside it for the planned switch.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_CustomerExportHash
    @ChangedSince datetime2(0) = NULL
AS
BEGIN
    SET NOCOUNT ON;

    SELECT c.CustomerId,
           c.CustomerCode,
           CONVERT(char(32), HASHBYTES('MD5', CONCAT(c.CustomerCode, '|', c.LegalName, '|', c.VatNumber, '|', c.CountryCode)), 2) AS Md5Hex,
           HASHBYTES('SHA1', c.LegalName) AS Sha1,
           CONVERT(varchar(64), HASHBYTES('SHA2_256', CONCAT_WS('|', c.CustomerCode, c.LegalName, c.VatNumber, c.CountryCode)), 2) AS Sha256Hex,
           CONVERT(varchar(20), c.CreatedAt, 120) AS CreatedText,
           CONVERT(varchar(30), c.CreatedAt, 127) AS CreatedIso,
           CONVERT(varchar(10), c.CreatedAt, 112) AS CreatedYmd,
           CONVERT(nvarchar(30), CAST(c.CreditLimit AS money), 1) AS CreditLimitText,
           CHECKSUM(c.LegalName, c.VatNumber) AS QuickChecksum,
           BINARY_CHECKSUM(*) AS RowChecksum
    FROM billing.Customer AS c
    WHERE @ChangedSince IS NULL OR c.CreatedAt >= @ChangedSince
    ORDER BY c.CustomerId;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_SearchCustomers
  Customer search for the back-office screen. Filters are optional, so the
  WHERE clause is built at run time; values go in as parameters of
  sp_executesql and the sort column is checked against a fixed list.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_SearchCustomers
    @Name           nvarchar(100) = NULL,
    @CountryCode    char(2) = NULL,
    @OnHold         bit = NULL,
    @MinOutstanding decimal(19, 4) = NULL,
    @SortColumn     sysname = N'LegalName',
    @SortDescending bit = 0,
    @PageNumber     int = 1,
    @PageSize       int = 50,
    @TotalRows      int = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @sql nvarchar(max);
    DECLARE @where nvarchar(max) = N'';
    DECLARE @offset int = (@PageNumber - 1) * @PageSize;
    DECLARE @params nvarchar(1000) =
        N'@Name nvarchar(100), @CountryCode char(2), @OnHold bit, @MinOutstanding decimal(19,4), ' +
        N'@Offset int, @PageSize int, @TotalRows int OUTPUT';

    IF @SortColumn NOT IN (N'LegalName', N'CustomerCode', N'CountryCode', N'Outstanding', N'CreatedAt')
        SET @SortColumn = N'LegalName';

    IF @Name IS NOT NULL
        SET @where = @where + N' AND (c.LegalName LIKE N''%'' + @Name + N''%'' OR c.TradingName LIKE N''%'' + @Name + N''%'')';
    IF @CountryCode IS NOT NULL
        SET @where = @where + N' AND c.CountryCode = @CountryCode';
    IF @OnHold IS NOT NULL
        SET @where = @where + N' AND c.IsOnHold = @OnHold';
    IF @MinOutstanding IS NOT NULL
        SET @where = @where + N' AND b.Outstanding >= @MinOutstanding';

    SET @sql = N'SELECT @TotalRows = COUNT(*)
FROM billing.Customer AS c
JOIN billing.vCustomerBalance AS b ON b.CustomerId = c.CustomerId
WHERE 1 = 1' + @where + N';

SELECT c.CustomerId, c.CustomerCode, c.LegalName, c.CountryCode, b.Outstanding, c.CreatedAt
FROM billing.Customer AS c
JOIN billing.vCustomerBalance AS b ON b.CustomerId = c.CustomerId
WHERE 1 = 1' + @where + N'
ORDER BY ' + QUOTENAME(@SortColumn) + CASE WHEN @SortDescending = 1 THEN N' DESC' ELSE N' ASC' END + N'
OFFSET @Offset ROWS FETCH NEXT @PageSize ROWS ONLY;';

    EXEC sys.sp_executesql
        @sql,
        @params,
        @Name = @Name,
        @CountryCode = @CountryCode,
        @OnHold = @OnHold,
        @MinOutstanding = @MinOutstanding,
        @Offset = @offset,
        @PageSize = @PageSize,
        @TotalRows = @TotalRows OUTPUT;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_ContractTerms
  Reads the typed contract terms: payment days, fuel surcharge and every
  lane with its rate. Terms live in the urn:kestrel:contract-terms namespace.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_ContractTerms
    @CustomerId int,
    @OnDate     date = NULL
AS
BEGIN
    SET NOCOUNT ON;

    SET @OnDate = ISNULL(@OnDate, CAST(GETDATE() AS date));

    WITH XMLNAMESPACES (DEFAULT 'urn:kestrel:contract-terms')
    SELECT ct.ContractCode,
           ct.Terms.value('(/Terms/@version)[1]', 'int') AS TermsVersion,
           ct.Terms.value('(/Terms/PaymentDays)[1]', 'int') AS PaymentDays,
           ct.Terms.value('(/Terms/FuelSurchargePct)[1]', 'decimal(5,2)') AS FuelSurchargePct,
           lane.l.value('@from', 'varchar(40)') AS LaneFrom,
           lane.l.value('@to', 'varchar(40)') AS LaneTo,
           lane.l.value('@ratePerPallet', 'decimal(19,4)') AS RatePerPallet,
           ct.Terms.exist('/Terms/PenaltyClause') AS HasPenaltyClause,
           ct.Terms.query('/Terms/PenaltyClause') AS PenaltyClauseXml
    FROM billing.Contract AS ct
    CROSS APPLY ct.Terms.nodes('/Terms/Lane') AS lane(l)
    WHERE ct.CustomerId = @CustomerId
      AND ct.StartsOn <= @OnDate
      AND (ct.EndsOn IS NULL OR ct.EndsOn > @OnDate)
    ORDER BY ct.ContractCode, LaneFrom, LaneTo;
END
GO

/*-----------------------------------------------------------------------------
  billing.usp_IssueInvoice
  Issues a draft invoice: checks it, stamps it and queues the e-mail.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE billing.usp_IssueInvoice
    @InvoiceId int
WITH EXECUTE AS OWNER
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @status char(1), @gross decimal(19, 4), @customerId int, @number varchar(20);

    BEGIN TRY
        BEGIN TRANSACTION;

        SELECT @status = Status, @gross = GrossAmount, @customerId = CustomerId, @number = InvoiceNumber
        FROM billing.Invoice WITH (UPDLOCK)
        WHERE InvoiceId = @InvoiceId;

        IF @status IS NULL
            RAISERROR(N'Invoice %d not found.', 16, 1, @InvoiceId);
        IF @status <> 'D'
            RAISERROR(N'Invoice %s is not a draft (status %s).', 16, 1, @number, @status);
        IF @gross <= 0
            RAISERROR(N'Invoice %s has no amount.', 16, 1, @number);

        UPDATE billing.Invoice
        SET Status = 'I', IssuedAt = SYSUTCDATETIME(), IssuedBy = ORIGINAL_LOGIN()
        WHERE InvoiceId = @InvoiceId;

        INSERT INTO integration.OutboundEvent (EventType, Payload)
        SELECT 'invoice.issued',
               (SELECT @number AS invoiceNumber, @customerId AS customerId, @gross AS gross FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;

        DECLARE @message nvarchar(2048) = ERROR_MESSAGE(),
                @severity int = ERROR_SEVERITY(),
                @state int = ERROR_STATE();

        RAISERROR(@message, @severity, @state) WITH LOG;
    END CATCH;
END
GO
