namespace MicroInternships.Insights.Memory;

/// <summary>
/// One fact table held in memory: rows by position, found by id. A fact that points at a row not loaded yet (a
/// placement's listing that has not arrived) gets a <paramref name="missing"/> row at a position of its own, which the
/// row fills when it comes; so facts point at each other by position, and a missing row reads like a left join's nulls.
/// </summary>
internal sealed class FactTable<TRow>(TRow missing) where TRow : struct
{
    private readonly Dictionary<Guid, int> _positions = [];
    private Guid[] _ids = new Guid[256];
    private TRow[] _rows = new TRow[256];

    public int Count { get; private set; }

    public ReadOnlySpan<TRow> Rows => _rows.AsSpan(0, Count);

    public ref readonly TRow this[int position] => ref _rows[position];

    public Guid IdAt(int position) => _ids[position];

    /// <summary>The position of <paramref name="id"/>, or -1 when no fact has named it.</summary>
    public int Find(Guid id) => _positions.GetValueOrDefault(id, -1);

    /// <summary>The position of <paramref name="id"/>, given a missing row when no fact has named it yet.</summary>
    public int PositionOf(Guid id)
    {
        if (_positions.TryGetValue(id, out var position))
        {
            return position;
        }

        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, Count * 2);
            Array.Resize(ref _ids, Count * 2);
        }

        _rows[Count] = missing;
        _ids[Count] = id;
        _positions.Add(id, Count);
        return Count++;
    }

    public void Put(Guid id, TRow row)
    {
        // Not _rows[PositionOf(id)]: the array would be read before PositionOf might replace it with a larger one.
        var position = PositionOf(id);
        _rows[position] = row;
    }
}
