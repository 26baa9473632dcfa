namespace MicroInternships.Web.Components.Shared;

/// <summary>
/// How many notifications the signed-in person has not read, shared in one circuit by the header's bell and the pages
/// that mark notifications read, so the bell follows them without asking the platform again. Unknown until first read.
/// </summary>
public sealed class UnreadNotifications
{
    public int? Count { get; private set; }

    public event Action? Changed;

    public void Set(int count) => Update(Math.Max(0, count));

    public void Arrived() => Update((Count ?? 0) + 1);

    public void MarkedRead() => Update(Count is > 0 ? Count - 1 : Count);

    public void AllRead() => Update(0);

    private void Update(int? count)
    {
        if (count == Count)
        {
            return;
        }

        Count = count;
        Changed?.Invoke();
    }
}
