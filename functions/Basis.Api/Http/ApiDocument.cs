using Microsoft.OpenApi;

namespace Basis.Api.Http;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>): every route with its request schema, its responses and problems,
/// and the <c>X-API-Key</c> security scheme on the operations that need a key.
/// </summary>
public static class ApiDocument
{
    /// <summary>The security scheme's name in the document.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>Registers the document with the security scheme and marks the operations that need a key.</summary>
    public static IServiceCollection AddBasisOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Basis API",
                Version = "v1",
                Description = "Backtests and parameter sweeps of DeFi/CeFi basis and yield strategies, run as durable orchestrations.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.Header,
                Description = "An API key from 'basis api-key new'; the server is configured with its SHA-256 hash only.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequired>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
            }

            // Query parameters the handlers read from the request themselves, so the document says they exist.
            foreach (var query in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameter>())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = query.Name,
                    In = ParameterLocation.Query,
                    Description = query.Description,
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int64",
                        Minimum = query.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Maximum = query.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                });
            }

            return Task.CompletedTask;
        });
    });

    /// <summary>Marks an endpoint as needing <c>X-API-Key</c> (in the document; the handlers enforce it).</summary>
    public static RouteHandlerBuilder RequiresApiKey(this RouteHandlerBuilder endpoint, bool required = true) =>
        required ? endpoint.WithMetadata(ApiKeyRequired.Instance).ProducesProblem(StatusCodes.Status401Unauthorized) : endpoint;

    /// <summary>Declares the optional whole-number query parameters a handler reads from the request itself.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder endpoint, params QueryParameter[] parameters) =>
        endpoint.WithMetadata([.. parameters]);

    private sealed class ApiKeyRequired
    {
        public static readonly ApiKeyRequired Instance = new();
    }
}

/// <summary>An optional whole-number query parameter, as the OpenAPI document describes it.</summary>
public sealed record QueryParameter(string Name, string Description, long Minimum, long? Maximum = null);
