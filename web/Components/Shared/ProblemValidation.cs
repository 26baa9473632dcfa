using MicroInternships.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace MicroInternships.Web.Components.Shared;

/// <summary>
/// Inside an <c>EditForm</c>, gives the API's field errors to its inputs (<c>orgName</c> to the model's
/// <c>OrgName</c>), which then mark themselves <c>aria-invalid</c>: the platform is the form's one validator.
/// </summary>
public sealed class ProblemValidation : ComponentBase
{
    private ValidationMessageStore? _messages;

    [CascadingParameter] private EditContext EditContext { get; set; } = null!;

    [Parameter] public ApiProblem? Problem { get; set; }

    protected override void OnParametersSet()
    {
        _messages ??= new ValidationMessageStore(EditContext);
        _messages.Clear();
        foreach (var (field, errors) in Problem?.Errors ?? new Dictionary<string, string[]>())
        {
            if (field.Length > 0)
            {
                _messages.Add(EditContext.Field(char.ToUpperInvariant(field[0]) + field[1..]), errors);
            }
        }

        EditContext.NotifyValidationStateChanged();
    }
}
