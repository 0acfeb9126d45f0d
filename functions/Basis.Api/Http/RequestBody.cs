using System.Globalization;
using System.Text.Json;

namespace Basis.Api.Http;

/// <summary>
/// Reads a JSON request body field by field, collecting a message per bad field instead of stopping at the first,
/// so a 400 lists everything wrong at once under the names the client sent (the original API's snake_case).
/// </summary>
internal sealed class RequestBody
{
    private readonly JsonElement _root;
    private readonly string _prefix;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private RequestBody(JsonElement root, Dictionary<string, List<string>> errors, string prefix)
    {
        _root = root;
        Errors = errors;
        _prefix = prefix;
    }

    /// <summary>Messages by field name.</summary>
    public Dictionary<string, List<string>> Errors { get; }

    /// <summary>
    /// Reads a request's body, at most <paramref name="maxBytes"/> of it: null when it is larger (the caller answers
    /// 413), without reading more than the limit whatever Content-Length claims.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Parses <paramref name="json"/>; a body that is not a JSON object is one error on the field <c>body</c>. A key
    /// given twice is refused: which one would count is a guess no client should rely on.
    /// </summary>
    public static RequestBody Parse(ReadOnlyMemory<byte> json)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new RequestBody(document.RootElement.Clone(), errors, string.Empty);
            }

            errors["body"] = ["must be a JSON object"];
        }
        catch (JsonException e)
        {
            errors["body"] = [$"is not valid JSON: {e.Message}"];
        }

        return new RequestBody(default, errors, string.Empty);
    }

    public bool IsObject => _root.ValueKind == JsonValueKind.Object;

    public void AddError(string field, string message)
    {
        var name = _prefix + field;
        if (!Errors.TryGetValue(name, out var messages))
        {
            Errors[name] = messages = [];
        }

        messages.Add(message);
    }

    public string? String(string field, bool required = false) => Read(field, required, "a string", e => e.ValueKind == JsonValueKind.String ? e.GetString() : null);

    public double? Number(string field) => Read<double?>(field, false, "a number", e => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) ? d : null);

    /// <summary>A number read exactly (money); one too large for a decimal is an error, not an overflow.</summary>
    public decimal? Decimal(string field) => Read<decimal?>(field, false, "a number", e => e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) ? d : null);

    public bool? Boolean(string field) => Read<bool?>(field, false, "true or false", e => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    });

    /// <summary>
    /// A UTC time: ISO 8601 with a zone (<c>2024-01-01T00:00:00Z</c>) or without one (read as UTC, as the original
    /// did), or a date (<c>2024-01-01</c>, midnight UTC).
    /// </summary>
    public DateTime? Time(string field, bool required = false) => Read<DateTime?>(field, required, "an ISO 8601 time such as 2024-01-01T00:00:00Z", e =>
        e.ValueKind == JsonValueKind.String && DateTime.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : null);

    public IReadOnlyList<string>? Strings(string field) => Read<IReadOnlyList<string>?>(field, false, "an array of strings", e =>
        e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
            ? e.EnumerateArray().Select(x => x.GetString()!).ToList()
            : null);

    /// <summary>An array of objects, each read by <paramref name="item"/> with its index in error names (<c>field[2].amount</c>).</summary>
    public IReadOnlyList<T>? Objects<T>(string field, Func<RequestBody, T?> item)
    {
        _read.Add(field);
        if (!_root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            AddError(field, "must be an array of objects");
            return null;
        }

        var items = new List<T>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                AddError(name, "must be an object");
                continue;
            }

            var child = new RequestBody(element, Errors, _prefix + name + ".");
            if (item(child) is { } parsed)
            {
                items.Add(parsed);
            }

            child.RejectUnknown();
        }

        return items;
    }

    /// <summary>An object read by <paramref name="read"/>, with its name in error names (<c>field.amount</c>); null when absent.</summary>
    public T? Object<T>(string field, Func<RequestBody, T?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read.Add(field);
        if (!IsObject || !_root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            AddError(field, "must be an object");
            return default;
        }

        var child = new RequestBody(value, Errors, _prefix + field + ".");
        var parsed = read(child);
        child.RejectUnknown();
        return parsed;
    }

    /// <summary>
    /// The path of every property, at any depth and inside arrays, whose name <paramref name="matches"/>
    /// (<c>venues[0].api_key</c>): names only, never a value.
    /// </summary>
    public IReadOnlyList<string> FieldsNamed(Func<string, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var found = new List<string>();
        void Visit(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (matches(property.Name))
                    {
                        found.Add(name);
                    }

                    Visit(property.Value, name);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"));
                }
            }
        }

        if (IsObject)
        {
            Visit(_root, string.Empty);
        }

        return found;
    }

    /// <summary>
    /// An object of settings flattened to <c>dotted.key=value</c> assignments (values as JSON text, which the
    /// configuration reads as YAML flow syntax), so nested objects deep-merge into the mode as the original's did.
    /// </summary>
    public IReadOnlyList<string>? Settings(string field)
    {
        _read.Add(field);
        if (!_root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            AddError(field, "must be an object of settings, e.g. {\"hedge_allocation\": {\"okx\": 0}}");
            return null;
        }

        var assignments = new List<string>();
        Flatten(value, string.Empty, assignments);
        return assignments;
    }

    /// <summary>An object whose values are arrays: setting → the values to try (for a sweep's grid).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? SettingValues(string field)
    {
        _read.Add(field);
        if (!_root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            AddError(field, "must be an object of setting → array of values, e.g. {\"target_ltv\": [0.8, 0.85]}");
            return null;
        }

        var grid = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var setting in value.EnumerateObject())
        {
            if (setting.Value.ValueKind != JsonValueKind.Array || setting.Value.GetArrayLength() == 0)
            {
                AddError($"{field}.{setting.Name}", "must be a non-empty array of values");
                continue;
            }

            grid[setting.Name] = setting.Value.EnumerateArray().Select(v => v.GetRawText()).ToList();
        }

        return grid;
    }

    /// <summary>Adds an error for every field the endpoint does not read: a typo must not be silently ignored.</summary>
    public void RejectUnknown(params string[] ignored)
    {
        if (!IsObject)
        {
            return;
        }

        foreach (var property in _root.EnumerateObject())
        {
            if (!_read.Contains(property.Name) && !ignored.Contains(property.Name, StringComparer.Ordinal))
            {
                AddError(property.Name, "is not a field of this request");
            }
        }
    }

    private static void Flatten(JsonElement value, string path, List<string> assignments)
    {
        foreach (var property in value.EnumerateObject())
        {
            var key = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
            {
                Flatten(property.Value, key, assignments);
            }
            else
            {
                assignments.Add($"{key}={(property.Value.ValueKind == JsonValueKind.Null ? string.Empty : property.Value.GetRawText())}");
            }
        }
    }

    private T? Read<T>(string field, bool required, string expected, Func<JsonElement, T?> convert)
    {
        _read.Add(field);
        if (!IsObject)
        {
            return default;
        }

        if (!_root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                AddError(field, "is required");
            }

            return default;
        }

        var converted = convert(value);
        if (converted is null)
        {
            AddError(field, $"must be {expected} (got {value.GetRawText()})");
        }

        return converted;
    }
}
