using Basis.Api.Live;
using Basis.Live.Safety;

namespace Basis.Api.Http;

/// <summary>The problem-details responses (RFC 9457) only <c>/api/v1/live</c> gives, each saying what to do about it.</summary>
public static class LiveProblems
{
    private static readonly string[] CredentialField = ["is a credential: credentials are never accepted in requests"];

    public static IResult NotConfigured() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Live trading is not configured on this host: it keeps its ledger in PostgreSQL.",
        detail: $"Set {LiveBackend.Setting} to a PostgreSQL connection string (the result store's database) and restart.");

    public static IResult LedgerUnreachable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The live ledger's database did not answer.",
        detail: "Try again; /health/detailed shows the database's state and the server log the error.");

    public static IResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"No live instance '{ApiProblems.Shown(id)}'.", detail: "List them at /api/v1/live.");

    /// <summary>Real execution refused: nothing was created; <c>reasons</c> lists every switch or variable in the way, by name.</summary>
    public static IResult RealRefused(IReadOnlyList<string> reasons) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Real execution is refused, so nothing was created.",
        detail: $"Create it with \"execution\": \"paper\" (the default), or fix every reason: real trading needs {LiveTradingSettings.EnabledVariable}=true, {LiveTradingSettings.ReadOnlyVariable}=false and the credentials of BASIS_ENVIRONMENT for each venue.",
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reasons"] = reasons });

    /// <summary>A credential in a request body: the fields by name (never a value) and where credentials go instead.</summary>
    public static IResult Credentials(IReadOnlyList<string> fields) => TypedResults.ValidationProblem(
        fields.ToDictionary(f => f, _ => CredentialField, StringComparer.Ordinal),
        detail: LiveRequests.CredentialsDetail,
        title: LiveRequests.CredentialsTitle);
}
