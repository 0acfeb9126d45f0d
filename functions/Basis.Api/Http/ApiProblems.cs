using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Basis.Api.Http;

/// <summary>Problem-details responses (RFC 9457) the API returns, each saying what to do about it.</summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, List<string>> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is invalid; see errors by field.");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, List<string>>(StringComparer.Ordinal) { [field] = [message] });

    public static ProblemHttpResult NotFound(string kind, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {kind} '{Shown(id)}'.", detail: $"List them at /api/v1/{kind}s.");

    public static ProblemHttpResult NotReady(string id, string status) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"'{id}' has no result: it is {status}.", detail: "Poll its status URL until runtimeStatus is Completed.");

    public static ProblemHttpResult AlreadyFinished(string id, string status) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"'{id}' already finished ({status}).");

    public static ProblemHttpResult Gone(string id, string artefact) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"'{id}' has no {artefact}.", detail: "Sweep runs keep their summary only.");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The request body is larger than {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes.", detail: "BASIS_API_MAX_BODY_BYTES sets the limit.");

    /// <summary>A client's name or id as a message may quote it: it can be anything, so it is cut short.</summary>
    internal static string Shown(string id) => id.Length <= 64 ? id : string.Concat(id.AsSpan(0, 61), "...");
}
