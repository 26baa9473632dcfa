namespace MicroInternships.Listings.Domain;

/// <summary><c>open -> filled</c> (accepted proposals reached the projects wanted) <c>| closed</c> (its faculty member or a coordinator).</summary>
public enum CourseNeedStatus
{
    Open,
    Filled,
    Closed,
}
