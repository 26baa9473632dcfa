namespace MicroInternships.Web.Components.Shared;

/// <summary>The <see cref="ActionState"/> of each item of a list (a request, a member, a listing): each is busy, or failed, on its own.</summary>
public sealed class ActionStates<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, ActionState> _states = [];

    public ActionState For(TKey key)
    {
        if (!_states.TryGetValue(key, out var state))
        {
            _states[key] = state = new ActionState();
        }

        return state;
    }

    public void Clear() => _states.Clear();
}
