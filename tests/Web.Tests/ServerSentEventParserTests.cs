using MicroInternships.Web.Api;

namespace MicroInternships.Web.Tests;

/// <summary>Reading the notification stream's Server-Sent Events.</summary>
public sealed class ServerSentEventParserTests
{
    [Fact]
    public async Task Events_are_read_with_their_type_data_and_id_and_comments_are_skipped()
    {
        const string stream = ": connected\n\nid: 1\nevent: notification\ndata: {\"title\":\"First\"}\n\n: heartbeat\n\n: heartbeat\n\nid: 2\nevent: notification\ndata: {\"title\":\"Second\"}\n\n";
        var parser = new ServerSentEventParser();

        var events = await ReadAllAsync(parser, stream);

        ServerSentEvent[] expected =
        [
            new("notification", """{"title":"First"}""", "1"),
            new("notification", """{"title":"Second"}""", "2"),
        ];
        Assert.Equal(expected, events);
        Assert.Equal("2", parser.LastEventId);
    }

    [Fact]
    public async Task Data_on_several_lines_is_joined_with_line_breaks_and_an_unnamed_event_is_a_message()
    {
        var events = await ReadAllAsync(new ServerSentEventParser(), "data: first line\r\ndata:second line\r\ndata\r\n\r\n");

        Assert.Equal([new ServerSentEvent("message", "first line\nsecond line\n", null)], events);
    }

    [Fact]
    public async Task An_event_cut_off_by_a_dropped_connection_is_not_delivered_nor_its_id_kept()
    {
        var parser = new ServerSentEventParser(lastEventId: "1");

        var events = await ReadAllAsync(parser, "id: 2\nevent: notification\ndata: {\"title\":\"Cut");

        Assert.Empty(events);
        Assert.Equal("1", parser.LastEventId);
    }

    private static async Task<List<ServerSentEvent>> ReadAllAsync(ServerSentEventParser parser, string stream)
    {
        List<ServerSentEvent> events = [];
        await foreach (var received in parser.ReadAsync(new StringReader(stream)))
        {
            events.Add(received);
        }

        return events;
    }
}
