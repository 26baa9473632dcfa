namespace MicroInternships.Web.Api;

public static class ResourceIds
{
    /// <summary>
    /// The id of a resource the API answered with, to address it again. The generated models leave every property
    /// nullable, but the API always sends an id; a missing one is a broken answer, not something to show.
    /// </summary>
    public static Guid Required(this Guid? id) => id ?? throw new InvalidOperationException("The API answered a resource without its id.");
}
