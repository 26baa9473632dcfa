using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace MicroInternships.Gateway.Extensions;

/// <summary>
/// Brotli or gzip, as the client asks, for the JSON (and CSV, iCalendar) the services answer. A body whose length is
/// known and under <see cref="MinimumBytes"/> goes as it is: compressing it costs more than it saves. The services
/// stream their JSON, so most bodies come with no length and are compressed. Over HTTPS too: the API answers carry
/// no secret that a request can reflect next to an attacker's guess (BREACH needs both), and tokens travel in headers.
/// </summary>
internal static class EdgeCompression
{
    public const int MinimumBytes = 1024;

    public static IServiceCollection AddEdgeCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "application/problem+json", "text/csv", "text/calendar"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, LargeBodiesOnly>();
        return services;
    }

    private sealed class LargeBodiesOnly(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            context.Response.ContentLength is not < MinimumBytes && base.ShouldCompressResponse(context);
    }
}
