using Microsoft.Extensions.DependencyInjection;
using Referral.Data;

namespace Referral.Testing;

/// <summary>Reads (or arranges) the hosted service's database directly, in a scope of its own.</summary>
public static class Database
{
    public static async Task<T> QueryAsync<T>(this ReferralApp app, Func<ReferralDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReferralDbContext>());
    }
}
