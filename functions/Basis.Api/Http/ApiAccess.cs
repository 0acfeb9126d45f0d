namespace Basis.Api.Http;

/// <summary>
/// Who may call what: starting and stopping runs always needs an API key; reading needs one too when
/// <c>BASIS_API_REQUIRE_KEY_FOR_READS=true</c>. Health checks never do (load balancers and monitors call them).
/// </summary>
public sealed class ApiAccess(ApiKeys keys, bool requireKeyForReads)
{
    /// <summary>True when reads need a key.</summary>
    public bool RequireKeyForReads { get; } = requireKeyForReads;

    /// <summary>A 401 problem when the request may not do this, null when it may.</summary>
    public IResult? Refuse(HttpRequest request, bool changes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!changes && !RequireKeyForReads)
        {
            return null;
        }

        if (!keys.AnyConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No API keys are configured, so this is refused.", detail: "Set BASIS_API_KEY_HASHES to the hash printed by 'basis api-key new'.");
        }

        return keys.Accepts(request.Headers[ApiKeys.Header])
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"A valid API key is required in the {ApiKeys.Header} header.");
    }
}
