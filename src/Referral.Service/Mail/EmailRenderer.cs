using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Referral.Service.Mail;

/// <summary>Renders a Razor component to an HTML string: emails use the same components as the web pages.</summary>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body style=\"margin:0;background:#f6f7f9\">"
                   + output.ToHtmlString() + "</body></html>";
        });
    }
}
