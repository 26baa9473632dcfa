using System.Globalization;
using MicroInternships.Insights.Data;
using MicroInternships.Insights.Domain;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Insights.Apis;

/// <summary>
/// Turns a request's filters into the <see cref="InsightsScope"/> its figures cover, by who asks: coordinators anything;
/// a partner their own organization's figures; a faculty member their own courses'; a student nothing.
/// </summary>
public sealed class InsightsScopes(InsightsDbContext db, ProgramCalendar calendar)
{
    public const int MaxTextLength = 60;

    public async Task<InsightsScope> ResolveAsync(InsightsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(RoleRules.Readers);
        var (fromDay, toDay, term) = Period(query);
        var organization = query.OrganizationId;
        if (caller.IsPartner)
        {
            if (organization is { } asked && !caller.IsPartnerOf(asked))
            {
                throw DomainRuleException.Forbidden("not_your_organization", "A partner sees their own organization's figures only.");
            }

            organization = caller.OrganizationId ?? throw DomainRuleException.Forbidden("not_your_organization", "Your token names no organization.");
        }

        Guid[]? courses = null;
        if (caller.IsFaculty)
        {
            courses = await db.Courses.AsNoTracking().Where(c => c.FacultyId == caller.Id).Select(c => c.Id).ToArrayAsync(cancellationToken);
            if (query.CourseId is { } asked && !courses.Contains(asked))
            {
                throw DomainRuleException.Forbidden("not_course_faculty", "A faculty member sees their own courses' figures only.");
            }
        }

        return new InsightsScope(
            fromDay is { } f ? calendar.StartOf(f) : null,
            toDay is { } t ? calendar.StartOf(t.AddDays(1)) : null,
            fromDay,
            toDay,
            term,
            Clean(query.Department),
            Clean(query.Discipline),
            organization,
            query.CourseId,
            query.FundId,
            courses,
            SeesSmallCounts: caller.IsCoordinator);
    }

    private (DateOnly? From, DateOnly? To, string? Term) Period(InsightsQuery query)
    {
        var errors = new FieldErrors()
            .WithoutNul("term", query.Term).WithoutNul("department", query.Department).WithoutNul("discipline", query.Discipline)
            .When(query.Department?.Length > MaxTextLength, "department", $"department is at most {MaxTextLength} characters.")
            .When(query.Discipline?.Length > MaxTextLength, "discipline", $"discipline is at most {MaxTextLength} characters.");
        var term = string.IsNullOrWhiteSpace(query.Term) ? null : calendar.TermNamed(query.Term);
        errors.When(!string.IsNullOrWhiteSpace(query.Term) && term is null, "term",
            $"term must name one of the program's terms: {string.Join(", ", calendar.Terms.Select(t => t.Name))}.");
        var from = Day(errors, "from", query.From);
        var to = Day(errors, "to", query.To);
        errors.When(from is not null && to is not null && to < from, "to", "to must be on or after from.").ThrowIfAny();

        from = Later(from, term?.Start);
        to = Earlier(to, term?.End);
        return (from, to, term?.Name);
    }

    private static DateOnly? Day(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, $"{field} must be a day written yyyy-MM-dd.");
        return null;
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
