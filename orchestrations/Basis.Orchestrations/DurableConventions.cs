using System.Text.Json;
using Microsoft.DurableTask;

namespace Basis.Orchestrations;

/// <summary>
/// What every host of the orchestrations agrees on: how payloads are written, how a failure's cause is found, and
/// which task hub names Azure Storage accepts.
/// </summary>
public static class DurableConventions
{
    /// <summary>
    /// The JSON of orchestration inputs, outputs and custom status, and of the run requests kept in records:
    /// System.Text.Json with web defaults (camelCase), the shape the HTTP API shows, on every host.
    /// </summary>
    public static JsonSerializerOptions PayloadJson { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The innermost failure: the activity's own error under the orchestrations that passed it up.</summary>
    public static TaskFailureDetails Innermost(this TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        while (failure.InnerFailure is { } inner)
        {
            failure = inner;
        }

        return failure;
    }

    /// <summary>Azure Storage's rule for task hub names (they name queues, tables and a blob container): 3–45 letters or digits, starting with a letter.</summary>
    public static bool IsTaskHubName(string? name) =>
        name is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
