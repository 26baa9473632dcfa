namespace MicroInternships.Insights.Memory;

/// <summary>Distinct students, counted as they are added: one bit per student the facts name.</summary>
internal sealed class StudentSet(int students)
{
    private readonly ulong[] _bits = new ulong[(students + 63) / 64];

    public long Count { get; private set; }

    public void Add(int student)
    {
        ref var word = ref _bits[student >> 6];
        var bit = 1UL << (student & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            Count++;
        }
    }
}
