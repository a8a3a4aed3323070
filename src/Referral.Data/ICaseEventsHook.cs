using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Referral.Data;

/// <summary>
/// The save hook that turns a case's recorded steps into sealed timeline rows and outbox messages (the
/// host's <c>CaseEventsHook</c>). The context refuses to save a case's steps without one.
/// </summary>
public interface ICaseEventsHook : ISaveChangesInterceptor;
