IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [ApiKeys] (
        [Id] bigint NOT NULL IDENTITY,
        [StationCode] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Prefix] nvarchar(12) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [RevokedAt] datetimeoffset NULL,
        [LastUsedAt] datetimeoffset NULL,
        CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [Areas] (
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Aliases] nvarchar(max) NOT NULL,
        [DepartmentCode] nvarchar(40) NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_Areas] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [StationCode] nvarchar(40) NULL,
        [DepartmentCode] nvarchar(40) NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [Cases] (
        [Id] uniqueidentifier NOT NULL,
        [ReopenedAt] datetimeoffset NULL,
        [ResumedAt] datetimeoffset NULL,
        [AcceptClockStart] datetimeoffset NULL,
        [ResolveClockStart] datetimeoffset NULL,
        [AcceptWarnAt] datetimeoffset NULL,
        [ResolveWarnAt] datetimeoffset NULL,
        [FeedbackEscalateAt] datetimeoffset NULL,
        [HoldReviewAt] datetimeoffset NULL,
        [AcceptWarnedAt] datetimeoffset NULL,
        [AcceptEscalatedAt] datetimeoffset NULL,
        [ResolveWarnedAt] datetimeoffset NULL,
        [ResolveEscalatedAt] datetimeoffset NULL,
        [FeedbackEscalatedAt] datetimeoffset NULL,
        [NextEscalationCheckAt] datetimeoffset NULL,
        [ScheduleVersion] nvarchar(16) NULL,
        [StationCode] nvarchar(40) NOT NULL,
        [IncidentNumber] nvarchar(40) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [Address] nvarchar(200) NOT NULL,
        [AreaCode] nvarchar(40) NULL,
        [DisputeTypeCode] nvarchar(40) NOT NULL,
        [Summary] nvarchar(4000) NOT NULL,
        [PoliceAction] nvarchar(2000) NOT NULL,
        [OfficerName] nvarchar(50) NULL,
        [ContentHash] nvarchar(64) NOT NULL,
        [Color] nvarchar(32) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [LeadDepartmentCode] nvarchar(40) NULL,
        [CoHandlerCodes] nvarchar(max) NOT NULL,
        [RoutingRuleId] bigint NULL,
        [RoutingRuleVersion] int NULL,
        [RoutingExplanation] nvarchar(1000) NOT NULL,
        [ReferredAt] datetimeoffset NOT NULL,
        [RoutedAt] datetimeoffset NULL,
        [AcceptedAt] datetimeoffset NULL,
        [LastProgressAt] datetimeoffset NULL,
        [ClosedAt] datetimeoffset NULL,
        [FollowedUpAt] datetimeoffset NULL,
        [AcceptDueAt] datetimeoffset NULL,
        [ResolveDueAt] datetimeoffset NULL,
        [FeedbackDueAt] datetimeoffset NULL,
        [FollowUpDueAt] datetimeoffset NULL,
        [OnHoldSince] datetimeoffset NULL,
        [OnHoldReason] nvarchar(500) NULL,
        [HeldFor] time NOT NULL,
        [Outcome] nvarchar(32) NULL,
        [AgreementSummary] nvarchar(2000) NULL,
        [FollowUpCalm] bit NULL,
        [FollowUpSatisfaction] nvarchar(32) NULL,
        [RejectCount] int NOT NULL,
        [ReopenCount] int NOT NULL,
        [EscalationCount] int NOT NULL,
        [EscalatedToSupervisorAt] datetimeoffset NULL,
        [RecurrenceOfCaseId] uniqueidentifier NULL,
        [TurnedCriminal] bit NOT NULL,
        [TimelineCount] int NOT NULL,
        [LastTimelineHash] nvarchar(64) NOT NULL,
        [Version] int NOT NULL,
        [Risk_AmountAtStakeYuan] decimal(18,2) NOT NULL,
        [Risk_LeftHome] bit NOT NULL,
        [Risk_PartiesCount] int NOT NULL,
        [Risk_PoliceCallsLast30Days] int NOT NULL,
        [Risk_SelfHarmRisk] bit NOT NULL,
        [Risk_ThreatsOrWeapons] bit NOT NULL,
        [Risk_Violence] bit NOT NULL,
        [Risk_VulnerablePersons] bit NOT NULL,
        [GradingFactors] nvarchar(max) NULL,
        CONSTRAINT [PK_Cases] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [DeadLetters] (
        [Id] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NULL,
        [Queue] nvarchar(200) NOT NULL,
        [ContentType] nvarchar(100) NULL,
        [Body] nvarchar(max) NOT NULL,
        [Reason] nvarchar(4000) NOT NULL,
        [IncidentNumber] nvarchar(40) NULL,
        [StationCode] nvarchar(40) NULL,
        [FailedAt] datetimeoffset NOT NULL,
        [RequeuedAt] datetimeoffset NULL,
        [RequeuedBy] nvarchar(100) NULL,
        CONSTRAINT [PK_DeadLetters] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [Departments] (
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Email] nvarchar(200) NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_Departments] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [DisputeTypes] (
        [Code] nvarchar(40) NOT NULL,
        [NameZh] nvarchar(50) NOT NULL,
        [NameEn] nvarchar(100) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_DisputeTypes] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [Inbox] (
        [MessageId] uniqueidentifier NOT NULL,
        [Consumer] nvarchar(100) NOT NULL,
        [ProcessedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Inbox] PRIMARY KEY ([MessageId], [Consumer])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [Outbox] (
        [Id] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NULL,
        [MessageType] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [AvailableAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [LockedBy] nvarchar(100) NULL,
        [LockedUntil] datetimeoffset NULL,
        [PublishedAt] datetimeoffset NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_Outbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [OutgoingMail] (
        [Id] bigint NOT NULL IDENTITY,
        [Key] nvarchar(300) NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [ToAddress] nvarchar(200) NOT NULL,
        [ToName] nvarchar(100) NOT NULL,
        [Subject] nvarchar(300) NOT NULL,
        [TextBody] nvarchar(max) NOT NULL,
        [HtmlBody] nvarchar(max) NOT NULL,
        [MessageId] nvarchar(200) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [AvailableAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [LockedBy] nvarchar(100) NULL,
        [LockedUntil] datetimeoffset NULL,
        [SentAt] datetimeoffset NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_OutgoingMail] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [RevealAudits] (
        [Id] bigint NOT NULL IDENTITY,
        [CaseId] uniqueidentifier NOT NULL,
        [UserName] nvarchar(100) NOT NULL,
        [Role] nvarchar(32) NOT NULL,
        [Reason] nvarchar(500) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_RevealAudits] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [RoutingRules] (
        [Id] bigint NOT NULL IDENTITY,
        [Version] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Priority] int NOT NULL,
        [DisputeTypeCodes] nvarchar(max) NOT NULL,
        [AreaCodes] nvarchar(max) NOT NULL,
        [Keywords] nvarchar(max) NOT NULL,
        [LeadDepartmentCode] nvarchar(40) NOT NULL,
        [CoHandlerCodes] nvarchar(max) NOT NULL,
        [IsRetired] bit NOT NULL,
        [ChangedAt] datetimeoffset NOT NULL,
        [ChangedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_RoutingRules] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [RoutingRuleVersions] (
        [Id] bigint NOT NULL IDENTITY,
        [RuleId] bigint NOT NULL,
        [Version] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Priority] int NOT NULL,
        [DisputeTypeCodes] nvarchar(max) NOT NULL,
        [AreaCodes] nvarchar(max) NOT NULL,
        [Keywords] nvarchar(max) NOT NULL,
        [LeadDepartmentCode] nvarchar(40) NOT NULL,
        [CoHandlerCodes] nvarchar(max) NOT NULL,
        [IsRetired] bit NOT NULL,
        [ChangedAt] datetimeoffset NOT NULL,
        [ChangedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_RoutingRuleVersions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [Stations] (
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Email] nvarchar(200) NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_Stations] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [CaseParties] (
        [Id] bigint NOT NULL IDENTITY,
        [Name] nvarchar(50) NOT NULL,
        [Gender] nvarchar(8) NOT NULL,
        [Phone] nvarchar(20) NULL,
        [IdNumber] nvarchar(18) NULL,
        [Address] nvarchar(200) NULL,
        [Role] nvarchar(20) NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_CaseParties] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CaseParties_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [PartyFingerprints] (
        [Id] bigint NOT NULL IDENTITY,
        [CaseId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PartyFingerprints] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartyFingerprints_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE TABLE [Timeline] (
        [Id] bigint NOT NULL IDENTITY,
        [CaseId] uniqueidentifier NOT NULL,
        [Sequence] int NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [ActorRole] nvarchar(32) NOT NULL,
        [ActorDepartmentCode] nvarchar(40) NULL,
        [Action] nvarchar(32) NOT NULL,
        [FromStatus] nvarchar(32) NULL,
        [ToStatus] nvarchar(32) NOT NULL,
        [Color] nvarchar(32) NOT NULL,
        [Note] nvarchar(4000) NULL,
        [Details] nvarchar(2000) NULL,
        [PreviousHash] nvarchar(64) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_Timeline] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Timeline_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_Hash] ON [ApiKeys] ([Hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_CaseParties_CaseId] ON [CaseParties] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_AcceptedAt] ON [Cases] ([AcceptedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_ClosedAt] ON [Cases] ([ClosedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_LeadDepartmentCode_Status] ON [Cases] ([LeadDepartmentCode], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_NextEscalationCheckAt] ON [Cases] ([NextEscalationCheckAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_ReferredAt] ON [Cases] ([ReferredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Cases_StationCode_IncidentNumber] ON [Cases] ([StationCode], [IncidentNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_Status_Color] ON [Cases] ([Status], [Color]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_Status_ScheduleVersion] ON [Cases] ([Status], [ScheduleVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_DeadLetters_MessageId] ON [DeadLetters] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_DeadLetters_Queue_FailedAt] ON [DeadLetters] ([Queue], [FailedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Inbox_ProcessedAt] ON [Inbox] ([ProcessedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Outbox_CaseId_Id] ON [Outbox] ([CaseId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Outbox_MessageId] ON [Outbox] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Outbox_PublishedAt_AvailableAt] ON [Outbox] ([PublishedAt], [AvailableAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutgoingMail_Key] ON [OutgoingMail] ([Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_OutgoingMail_SentAt_AvailableAt] ON [OutgoingMail] ([SentAt], [AvailableAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_PartyFingerprints_CaseId] ON [PartyFingerprints] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_PartyFingerprints_Hash_OccurredAt] ON [PartyFingerprints] ([Hash], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_RevealAudits_CaseId] ON [RevealAudits] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RoutingRuleVersions_RuleId_Version] ON [RoutingRuleVersions] ([RuleId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE INDEX [IX_Timeline_Action_At] ON [Timeline] ([Action], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Timeline_CaseId_Sequence] ON [Timeline] ([CaseId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124053356_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124053356_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204014306_TypedTimeline'
)
BEGIN
    ALTER TABLE [Timeline] ADD [Format] nvarchar(32) NOT NULL DEFAULT N'Legacy';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204014306_TypedTimeline'
)
BEGIN
    ALTER TABLE [Timeline] ADD [Payload] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204014306_TypedTimeline'
)
BEGIN
    ALTER TABLE [Timeline] ADD [State] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204014306_TypedTimeline'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204014306_TypedTimeline', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204014628_RecurrenceByDwelling'
)
BEGIN
    ALTER TABLE [Cases] ADD [PossibleLinks] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204014628_RecurrenceByDwelling'
)
BEGIN
    DELETE FROM PartyFingerprints WHERE Kind = 'Address';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204014628_RecurrenceByDwelling'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204014628_RecurrenceByDwelling', N'10.0.15');
END;

COMMIT;
GO

