namespace MicroInternships.Notifications.Email;

/// <summary>When a category's emails go out: each on its own as it happens, or gathered into the morning's digest.</summary>
public enum EmailDelivery
{
    Immediate,
    Daily,
}
