namespace MicroInternships.Placements.Domain;

/// <summary>
/// Who reads a student's reflection beyond its placement: nobody (<c>private</c>, the default), the course's faculty
/// without the student's name (<c>anonymous</c>), or with it (<c>named</c>), for instance to present at the Institute.
/// </summary>
public enum ReflectionSharing
{
    Private,
    Anonymous,
    Named,
}
