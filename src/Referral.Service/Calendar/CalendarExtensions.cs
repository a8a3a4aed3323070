using Referral.Core.Cases;

namespace Referral.Service.Calendar;

public static class CalendarExtensions
{
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<CalendarProvider>();
        builder.Services.AddSingleton<IWorkingTime>(sp => sp.GetRequiredService<CalendarProvider>());
        return builder;
    }
}
