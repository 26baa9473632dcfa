using Xunit;

namespace MicroInternships.Testing;

/// <summary>The cases of a state machine's test: every step tried from every state.</summary>
public static class StateMachineCases
{
    public static TheoryData<TState, string> EveryStateAndStep<TState>(IEnumerable<TState> states, IEnumerable<string> steps)
    {
        var data = new TheoryData<TState, string>();
        foreach (var state in states)
        {
            foreach (var step in steps)
            {
                data.Add(state, step);
            }
        }

        return data;
    }
}
