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
    ReflectionTalk,
}

/// <summary>What a proposed reflection talk is: a student's reflection, a faculty member's story of building micro-internships into a course, a partner's assessment of working with students.</summary>
public enum TalkType
{
    StudentReflection,
    FacultyImplementation,
    PartnerAssessment,
}

public enum ProposalStatus
{
    Submitted,
    Accepted,
    Declined,
}

public enum SignupStatus
{
    SignedUp,
    Withdrawn,
}
