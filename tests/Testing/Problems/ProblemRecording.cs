using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MicroInternships.Testing;

/// <summary>
/// Outermost middleware of a service under test: records each answer of 400 or above, with the code of its problem
/// details, as the caller receives it (after the exception handler and the status-code pages).
/// </summary>
public sealed class ProblemRecording(ObservedProblems observed) : IStartupFilter
{
    private const int MaxRecordedBody = 64 * 1024;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            var original = context.Response.Body;
            await using var copy = new TeeStream(original, MaxRecordedBody);
            context.Response.Body = copy;
            try
            {
                await proceed(context);
            }
            finally
            {
                context.Response.Body = original;
                observed.Record(new ObservedProblem(context.Request.Method, context.Request.PathBase + context.Request.Path, context.Response.StatusCode,
                    ObservedProblem.CodeIn(context.Response.GetTypedHeaders().ContentType?.MediaType.Value, copy.Copied)));
            }
        });
        next(app);
    };

    /// <summary>Writes through to the response and keeps the first bytes written.</summary>
    private sealed class TeeStream(Stream inner, int keep) : Stream
    {
        private readonly MemoryStream _copy = new();

        public ReadOnlySpan<byte> Copied => _copy.GetBuffer().AsSpan(0, (int)_copy.Length);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            var room = keep - (int)_copy.Length;
            if (room > 0)
            {
                _copy.Write(bytes[..Math.Min(room, bytes.Length)]);
            }
        }
    }
}
