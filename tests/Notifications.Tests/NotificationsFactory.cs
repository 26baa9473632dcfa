using MicroInternships.Hosting;

namespace MicroInternships.Notifications.Tests;

/// <summary>One Notifications host for the test assembly.</summary>
public sealed class NotificationsFactory() : ServiceFactory<Program>(ResourceNames.NotificationsDb);

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFactory>
{
    public const string Name = "Notifications service";
}

[Collection(NotificationsCollection.Name)]
public sealed class NotificationsFoundationTests(NotificationsFactory factory) : ServiceFoundationTests<Program>(factory);
