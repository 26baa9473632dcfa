namespace MicroInternships.Events.Domain;

public enum Audience
{
    Student,
    Faculty,
    Partner,
    Staff,
}

public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
    CheckedIn,
}

public enum Tier
{
    EarlyBird,
    Regular,
}

public enum SessionKind
{
    Presentation,
    WorkingSession,
    Reflections,
    OneOnOne,
}
