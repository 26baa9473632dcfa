using MicroInternships.Insights.Domain;
using Npgsql;
using NpgsqlTypes;

namespace MicroInternships.Insights.Data;

/// <summary>
/// A scope as SQL: the period over a fact's own date column, and the dimensions over the columns a fact reaches them by.
/// Only fixed text is ever spliced in; every value is a parameter (<see cref="Parameters"/>).
/// </summary>
public sealed class ScopeSql(InsightsScope scope, string timeZone)
{
    /// <summary>A placement-like fact joined to its listing (<c>l</c>) and course (<c>c</c>); a placement's department is its course's, else its listing's discipline.</summary>
    public const string Department = "COALESCE(c.department, l.discipline, '')";

    public static string Joins(string fact) =>
        $"LEFT JOIN listing_facts l ON l.id = {fact}.listing_id LEFT JOIN course_facts c ON c.id = {fact}.course_id";

    public bool HasCourseLimit => scope.Courses is not null;

    public bool HasFund => scope.FundId is not null;

    public string Period(string column) =>
        $"{column} IS NOT NULL"
        + (scope.From is null ? "" : $" AND {column} >= @from")
        + (scope.To is null ? "" : $" AND {column} < @to");

    public string Days(string column) =>
        (scope.FromDay is null ? "TRUE" : $"{column} >= @from_day") + (scope.ToDay is null ? "" : $" AND {column} <= @to_day");

    /// <summary>The dimensions of a fact joined as in <see cref="Joins"/>; <paramref name="fund"/> is the column naming its fund.</summary>
    public string Dimensions(string fact, string fund) => Dimensions($"{fact}.organization_id", $"{fact}.course_id", fund);

    public string Dimensions(string organization, string course, string fund) =>
        (scope.OrganizationId is null ? "" : $" AND {organization} = @organization")
        + (scope.CourseId is null ? "" : $" AND {course} = @course")
        + (scope.Courses is null ? "" : $" AND {course} = ANY(@courses)")
        + (scope.FundId is null ? "" : $" AND {fund} = @fund")
        + (scope.Discipline is null ? "" : " AND l.discipline = @discipline")
        + (scope.Department is null ? "" : $" AND {Department} = @department");

    /// <summary>The dimensions of a listing (<c>l</c>): its courses' departments, or its discipline when it has none.</summary>
    public string ListingDimensions() =>
        (scope.OrganizationId is null ? "" : " AND l.organization_id = @organization")
        + (scope.CourseId is null ? "" : " AND @course = ANY(l.course_ids)")
        + (scope.Courses is null ? "" : " AND l.course_ids && @courses")
        + (scope.FundId is null ? "" : " AND l.fund_id = @fund")
        + (scope.Discipline is null ? "" : " AND l.discipline = @discipline")
        + (scope.Department is null ? "" : """
             AND (EXISTS (SELECT 1 FROM course_facts lc WHERE lc.id = ANY(l.course_ids) AND lc.department = @department)
                  OR (cardinality(l.course_ids) = 0 AND l.discipline = @department))
            """);

    public NpgsqlBatchCommand Command(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(Parameters().ToArray());
        return command;
    }

    private IEnumerable<NpgsqlParameter> Parameters()
    {
        yield return new NpgsqlParameter("tz", NpgsqlDbType.Text) { Value = timeZone };
        if (scope.From is { } from)
        {
            yield return new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from };
        }

        if (scope.To is { } to)
        {
            yield return new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = to };
        }

        if (scope.FromDay is { } fromDay)
        {
            yield return new NpgsqlParameter("from_day", NpgsqlDbType.Date) { Value = fromDay };
        }

        if (scope.ToDay is { } toDay)
        {
            yield return new NpgsqlParameter("to_day", NpgsqlDbType.Date) { Value = toDay };
        }

        if (scope.OrganizationId is { } organization)
        {
            yield return new NpgsqlParameter("organization", NpgsqlDbType.Uuid) { Value = organization };
        }

        if (scope.CourseId is { } course)
        {
            yield return new NpgsqlParameter("course", NpgsqlDbType.Uuid) { Value = course };
        }

        if (scope.Courses is { } courses)
        {
            yield return new NpgsqlParameter("courses", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = courses };
        }

        if (scope.FundId is { } fund)
        {
            yield return new NpgsqlParameter("fund", NpgsqlDbType.Uuid) { Value = fund };
        }

        if (scope.Discipline is { } discipline)
        {
            yield return new NpgsqlParameter("discipline", NpgsqlDbType.Text) { Value = discipline };
        }

        if (scope.Department is { } department)
        {
            yield return new NpgsqlParameter("department", NpgsqlDbType.Text) { Value = department };
        }
    }
}
