namespace MicroInternships.Notifications.People;

public static class RecordsCallerFilter
{
    /// <summary>Records each caller of the group's routes in the <see cref="PeopleDirectory"/> before answering them.</summary>
    public static RouteGroupBuilder RecordsCaller(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            await http.RequestServices.GetRequiredService<PeopleDirectory>().RecordAsync(http.User, http.RequestAborted);
            return await next(context);
        });
}
