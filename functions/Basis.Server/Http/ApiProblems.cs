using Microsoft.AspNetCore.Http.HttpResults;

namespace Basis.Server.Http;

/// <summary>Problem-details responses (RFC 9457) the API returns, each saying what to do about it.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Invalid(Dictionary<string, List<string>> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is invalid; see errors by field.");

    public static ProblemHttpResult NotFound(string kind, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {kind} '{id}'.", detail: $"List them at /api/v1/{kind}s.");

    public static ProblemHttpResult NotReady(string id, string status) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"'{id}' has no result: it is {status}.", detail: "Poll its status URL until runtimeStatus is Completed.");

    public static ProblemHttpResult Gone(string id, string artefact) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"'{id}' has no {artefact}.", detail: "Sweep runs keep their summary only.");
}
