namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>Collects every broken rule of one request, so the caller learns all of them in one answer.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public FieldErrors When(bool broken, string field, string message) => broken ? Add(field, message) : this;

    public FieldErrors Length(string field, string? value, int min, int max, bool required = true)
    {
        var length = value?.Trim().Length ?? 0;
        if (value is null || length == 0)
        {
            return required ? Add(field, $"{field} is required.") : this;
        }

        if (value.Contains('\0'))
        {
            return WithoutNul(field, value);
        }

        return When(length < min || length > max, field, min > 1 ? $"{field} must be {min} to {max} characters." : $"{field} must be at most {max} characters.");
    }

    /// <summary>PostgreSQL refuses text holding NUL, so such input is the caller's mistake, never a 500.</summary>
    public FieldErrors WithoutNul(string field, string? value) =>
        When(value?.Contains('\0') == true, field, $"{field} cannot contain a NUL character.");

    public FieldErrors Terms(string field, IReadOnlyList<string>? values, int maxCount, int maxLength)
    {
        if (values is null)
        {
            return this;
        }

        When(values.Count > maxCount, field, $"{field} holds at most {maxCount} entries.");
        if (values.Any(v => v?.Contains('\0') == true))
        {
            return Add(field, $"{field} cannot contain a NUL character.");
        }

        return When(values.Any(v => string.IsNullOrWhiteSpace(v) || v.Trim().Length > maxLength), field,
            $"Each of {field} must be 1 to {maxLength} characters.");
    }

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
