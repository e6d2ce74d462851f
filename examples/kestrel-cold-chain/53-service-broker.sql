/*
    Service Broker: outbound events leave the database through a queue so
    that a slow customer webhook never holds up a transaction. An external
    activator reads the target queue and calls the webhooks; the internal
    activation procedure below handles replies and errors.
*/
USE [master]
GO
ALTER DATABASE [KestrelColdChain] SET ENABLE_BROKER WITH ROLLBACK IMMEDIATE;
GO
USE [KestrelColdChain]
GO

CREATE MESSAGE TYPE [//kestrel/integration/OutboundEvents]
    VALIDATION = WELL_FORMED_XML;
GO
CREATE MESSAGE TYPE [//kestrel/integration/DeliveryReceipt]
    AUTHORIZATION [dbo]
    VALIDATION = WELL_FORMED_XML;
GO
CREATE MESSAGE TYPE [//kestrel/integration/Ping]
    VALIDATION = EMPTY;
GO

CREATE CONTRACT [//kestrel/integration/OutboundContract]
(
    [//kestrel/integration/OutboundEvents] SENT BY INITIATOR,
    [//kestrel/integration/DeliveryReceipt] SENT BY TARGET,
    [//kestrel/integration/Ping] SENT BY ANY
);
GO

CREATE QUEUE integration.OutboundInitiatorQueue
    WITH STATUS = ON,
         RETENTION = OFF,
         POISON_MESSAGE_HANDLING (STATUS = ON)
    ON [OPERATIONS];
GO

CREATE QUEUE integration.OutboundTargetQueue
    WITH STATUS = ON,
         RETENTION = OFF,
         POISON_MESSAGE_HANDLING (STATUS = ON);
GO

CREATE SERVICE [//kestrel/integration/OutboundSender]
    AUTHORIZATION [dbo]
    ON QUEUE integration.OutboundInitiatorQueue;
GO

CREATE SERVICE [//kestrel/integration/WebhookDispatcher]
    ON QUEUE integration.OutboundTargetQueue ([//kestrel/integration/OutboundContract]);
GO

-- The webhook dispatcher runs on another server in production; this route
-- sends its messages there. Local test installations drop the route.
CREATE ROUTE [WebhookDispatcherRoute]
    WITH SERVICE_NAME = N'//kestrel/integration/WebhookDispatcher',
         ADDRESS = N'TCP://kestrel-dispatch01.kestrel.internal:4022';
GO
ALTER ROUTE [WebhookDispatcherRoute] WITH ADDRESS = N'LOCAL';
GO

CREATE TABLE integration.BrokerConversation
(
    ConversationHandle  uniqueidentifier NOT NULL PRIMARY KEY,
    OpenedAt            datetime2(0) NOT NULL DEFAULT (SYSUTCDATETIME()),
    MessagesSent        int NOT NULL DEFAULT (0)
);
GO

SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

/*-----------------------------------------------------------------------------
  integration.usp_SendBrokerMessage
  Sends one message on a reused conversation. Opening a dialog per message
  is expensive, so a conversation is kept for an hour or 10,000 messages.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_SendBrokerMessage
    @MessageType    sysname,
    @Body           xml
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @handle uniqueidentifier;

    SELECT TOP (1) @handle = ConversationHandle
    FROM integration.BrokerConversation WITH (UPDLOCK)
    WHERE OpenedAt > DATEADD(HOUR, -1, SYSUTCDATETIME())
      AND MessagesSent < 10000
    ORDER BY OpenedAt DESC;

    IF @handle IS NULL
    BEGIN
        BEGIN DIALOG CONVERSATION @handle
            FROM SERVICE [//kestrel/integration/OutboundSender]
            TO SERVICE N'//kestrel/integration/WebhookDispatcher', N'CURRENT DATABASE'
            ON CONTRACT [//kestrel/integration/OutboundContract]
            WITH LIFETIME = 7200, ENCRYPTION = OFF;

        INSERT INTO integration.BrokerConversation (ConversationHandle) VALUES (@handle);
    END;

    IF @MessageType = N'//kestrel/integration/OutboundEvents'
        SEND ON CONVERSATION @handle
            MESSAGE TYPE [//kestrel/integration/OutboundEvents] (@Body);
    ELSE
        SEND ON CONVERSATION (@handle)
            MESSAGE TYPE [//kestrel/integration/Ping];

    UPDATE integration.BrokerConversation
    SET MessagesSent = MessagesSent + 1
    WHERE ConversationHandle = @handle;
END
GO

/*-----------------------------------------------------------------------------
  integration.usp_OnInitiatorQueue
  Activation procedure of the initiator queue: reads delivery receipts,
  errors and end-of-dialog messages and closes the conversation side.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_OnInitiatorQueue
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @handle uniqueidentifier, @type sysname, @body varbinary(max), @xml xml;
    DECLARE @received TABLE
    (
        ConversationHandle  uniqueidentifier,
        MessageTypeName     sysname,
        MessageBody         varbinary(max),
        QueuingOrder        bigint
    );

    WHILE 1 = 1
    BEGIN
        BEGIN TRANSACTION;

        WAITFOR
        (
            RECEIVE TOP (50)
                conversation_handle,
                message_type_name,
                message_body,
                queuing_order
            FROM integration.OutboundInitiatorQueue
            INTO @received
        ), TIMEOUT 5000;

        IF @@ROWCOUNT = 0
        BEGIN
            COMMIT TRANSACTION;
            BREAK;
        END;

        DECLARE received_cursor CURSOR LOCAL FAST_FORWARD FOR
            SELECT ConversationHandle, MessageTypeName, MessageBody
            FROM @received
            ORDER BY QueuingOrder;

        OPEN received_cursor;
        FETCH NEXT FROM received_cursor INTO @handle, @type, @body;

        WHILE @@FETCH_STATUS = 0
        BEGIN
            IF @type = N'//kestrel/integration/DeliveryReceipt'
            BEGIN
                SET @xml = CAST(@body AS xml);

                UPDATE e
                SET e.LastError = NULL
                FROM integration.OutboundEvent AS e
                JOIN @xml.nodes('/receipt/event') AS r(x) ON r.x.value('@id', 'bigint') = e.EventId;
            END
            ELSE IF @type = N'http://schemas.microsoft.com/SQL/ServiceBroker/Error'
            BEGIN
                SET @xml = CAST(@body AS xml);

                WITH XMLNAMESPACES ('http://schemas.microsoft.com/SQL/ServiceBroker/Error' AS ssb)
                INSERT INTO audit.ChangeLog (TableName, KeyValue, Operation, NewValues)
                SELECT N'broker', CAST(@handle AS nvarchar(100)), 'I', @xml.query('/ssb:Error');

                END CONVERSATION @handle;
                DELETE FROM integration.BrokerConversation WHERE ConversationHandle = @handle;
            END
            ELSE IF @type = N'http://schemas.microsoft.com/SQL/ServiceBroker/EndDialog'
            BEGIN
                END CONVERSATION @handle;
                DELETE FROM integration.BrokerConversation WHERE ConversationHandle = @handle;
            END;

            FETCH NEXT FROM received_cursor INTO @handle, @type, @body;
        END;

        CLOSE received_cursor;
        DEALLOCATE received_cursor;
        DELETE FROM @received;

        COMMIT TRANSACTION;
    END;
END
GO

ALTER QUEUE integration.OutboundInitiatorQueue
    WITH ACTIVATION
    (
        STATUS = ON,
        PROCEDURE_NAME = integration.usp_OnInitiatorQueue,
        MAX_QUEUE_READERS = 2,
        EXECUTE AS OWNER
    );
GO

/*-----------------------------------------------------------------------------
  integration.usp_ReadDispatcherQueue
  Used by the external activator on the dispatcher side: returns the next
  batch of events and acknowledges them with a receipt.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_ReadDispatcherQueue
    @TimeoutMs int = 10000
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @handle uniqueidentifier, @type sysname, @body xml, @receipt xml;
    DECLARE @group uniqueidentifier;

    BEGIN TRANSACTION;

    WAITFOR (GET CONVERSATION GROUP @group FROM integration.OutboundTargetQueue), TIMEOUT @TimeoutMs;

    IF @group IS NULL
    BEGIN
        ROLLBACK TRANSACTION;
        RETURN;
    END;

    RECEIVE TOP (1)
        @handle = conversation_handle,
        @type = message_type_name,
        @body = CAST(message_body AS xml)
    FROM integration.OutboundTargetQueue
    WHERE conversation_group_id = @group;

    IF @type = N'//kestrel/integration/OutboundEvents'
    BEGIN
        SELECT e.x.value('@id', 'bigint') AS EventId,
               e.x.value('@type', 'varchar(40)') AS EventType,
               e.x.value('.', 'nvarchar(max)') AS Payload
        FROM @body.nodes('/events/event') AS e(x);

        SET @receipt = (SELECT e.x.value('@id', 'bigint') AS [@id]
                        FROM @body.nodes('/events/event') AS e(x)
                        FOR XML PATH('event'), ROOT('receipt'), TYPE);

        SEND ON CONVERSATION @handle MESSAGE TYPE [//kestrel/integration/DeliveryReceipt] (@receipt);
    END
    ELSE IF @type = N'http://schemas.microsoft.com/SQL/ServiceBroker/EndDialog'
        END CONVERSATION @handle;
    ELSE IF @type = N'//kestrel/integration/Ping'
        PRINT N'Ping received.';
    ELSE
        END CONVERSATION @handle WITH ERROR = 127 DESCRIPTION = N'Unexpected message type.';

    COMMIT TRANSACTION;
END
GO

-- Housekeeping: conversations left open by a crash are ended and cleaned up.
DECLARE @stale uniqueidentifier;
WHILE 1 = 1
BEGIN
    SELECT TOP (1) @stale = conversation_handle
    FROM sys.conversation_endpoints
    WHERE state_desc IN (N'DISCONNECTED_INBOUND', N'CLOSED', N'ERROR')
      AND far_service = N'//kestrel/integration/WebhookDispatcher';

    IF @@ROWCOUNT = 0
        BREAK;

    END CONVERSATION @stale WITH CLEANUP;
END;
GO

GRANT SEND ON SERVICE::[//kestrel/integration/WebhookDispatcher] TO [db_integration];
GRANT RECEIVE ON integration.OutboundTargetQueue TO [db_integration];
GO
