namespace Referral.Testing;

/// <summary>
/// Waits for a condition that another process or thread brings about and that offers no signal to
/// await (a row written by a consumer, a file dropped by an SMTP server), polling with a deadline.
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (cts.IsCancellationRequested) Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            try
            {
                await Task.Delay(delay, cts.Token);
            }
            catch (TaskCanceledException)
            {
                // Deadline reached: probe one last time above.
            }
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        GetAsync<object>(async () => await condition() ? new object() : null, timeout, what);
}
