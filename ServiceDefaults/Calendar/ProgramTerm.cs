namespace MicroInternships.ServiceDefaults.Calendar;

/// <summary>A named term of the program's academic calendar: its first and last day, both included, in the program's time zone.</summary>
public sealed class ProgramTerm
{
    public string Name { get; set; } = "";

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public bool Contains(DateOnly day) => day >= Start && day <= End;
}
