using System.Globalization;
using Basis.Api.Live;
using Basis.Configuration.Binding;
using Basis.Live.Ledger;
using Npgsql;

namespace Basis.Api.Http;

/// <summary>
/// <c>/api/v1/live</c> (DESIGN §11) over <see cref="LiveService"/>: create, list, status, start, stop (pause),
/// emergency stop, retire (DELETE), positions, performance, paged orders, fills, on-chain steps, events and activity, and the runtime's
/// rebalance, deposit and withdraw. Mapped by the self-hosted server and called by the Functions app's triggers, as
/// <see cref="RunHandlers"/> is. Every change needs the API key; reads need it when reads do. Without a database every
/// route is a 503 naming the setting; bad input is a 400 naming the field; a body carrying a credential is refused
/// before any field is read, and no body is ever logged or echoed.
/// </summary>
public sealed class LiveHandlers(LiveBackend live, BasisConfiguration configuration, ApiAccess access, ApiLimits limits)
{
    /// <summary>Rows a page holds when the request gives no limit.</summary>
    public const int DefaultPageLimit = 100;

    public Task<IResult> CreateAsync(HttpRequest http) => RunAsync(http, changes: true, async (service, cancellationToken) =>
    {
        var (body, refused) = await ReadAsync(http, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (LiveRequests.ReadCreate(body!) is not { } request)
        {
            return ApiProblems.Invalid(body!.Errors);
        }

        var created = await service.CreateAsync(request, configuration, cancellationToken);
        var location = $"{http.Scheme}://{http.Host}{http.PathBase}{http.Path.Value?.TrimEnd('/')}/{Uri.EscapeDataString(created.Instance.Id)}";
        return TypedResults.Created(location, LiveInstanceResponse.From(created));
    });

    public Task<IResult> ListAsync(HttpRequest http) => RunAsync(http, changes: false, async (service, cancellationToken) =>
        TypedResults.Ok((await service.ListAsync(cancellationToken)).Select(LiveInstanceResponse.From).ToList()));

    public Task<IResult> StatusAsync(string id, HttpRequest http) => RunAsync(http, changes: false, async (service, cancellationToken) =>
        Instance(id, await service.StatusAsync(id, cancellationToken)));

    public Task<IResult> StartAsync(string id, HttpRequest http) => RunAsync(http, changes: true, async (service, cancellationToken) =>
    {
        var (body, refused) = await ReadAsync(http, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var acknowledgeHalt = LiveRequests.ReadStart(body!);
        return body!.Errors.Count > 0 ? ApiProblems.Invalid(body.Errors) : Instance(id, await service.StartAsync(id, acknowledgeHalt, cancellationToken));
    });

    public Task<IResult> StopAsync(string id, HttpRequest http) => RunAsync(http, changes: true, async (service, cancellationToken) =>
        Instance(id, await service.PauseAsync(id, cancellationToken)));

    public Task<IResult> EmergencyStopAsync(string id, HttpRequest http) => RunAsync(http, changes: true, async (service, cancellationToken) =>
        await service.EmergencyStopAsync(id, cancellationToken) is { } halted
            ? TypedResults.Ok(new LiveEmergencyStopResponse(LiveInstanceResponse.From(halted), LiveService.Unwind))
            : LiveProblems.NotFound(id));

    public Task<IResult> RetireAsync(string id, HttpRequest http) => RunAsync(http, changes: true, async (service, cancellationToken) =>
        Instance(id, await service.RetireAsync(id, cancellationToken)));

    public Task<IResult> PositionsAsync(string id, HttpRequest http) => RunAsync(http, changes: false, async (service, cancellationToken) =>
        await service.PositionsAsync(id, cancellationToken) is { } positions ? TypedResults.Ok(LivePositionsResponse.From(positions)) : LiveProblems.NotFound(id));

    public Task<IResult> PerformanceAsync(string id, HttpRequest http) => RunAsync(http, changes: false, async (service, cancellationToken) =>
        await service.PerformanceAsync(id, cancellationToken) is { } performance ? TypedResults.Ok(LivePerformanceResponse.From(performance)) : LiveProblems.NotFound(id));

    public Task<IResult> OrdersAsync(string id, HttpRequest http) => PageAsync(id, http, (l, p, c) => l.ListOrdersAsync(id, p, c), LiveOrderResponse.From);

    public Task<IResult> FillsAsync(string id, HttpRequest http) => PageAsync(id, http, (l, p, c) => l.ListFillsAsync(id, p, c), LiveFillResponse.From);

    public Task<IResult> ChainStepsAsync(string id, HttpRequest http) => PageAsync(id, http, (l, p, c) => l.ListChainStepsAsync(id, p, c), LiveChainStepResponse.From);

    public Task<IResult> EventsAsync(string id, HttpRequest http) => PageAsync(id, http, (l, p, c) => l.ListEventsAsync(id, p, c), LiveEventResponse.From);

    public Task<IResult> ActivityAsync(string id, HttpRequest http) => PageAsync(id, http, (l, p, c) => l.ListActivityAsync(id, p, c), LiveActivityResponse.From);

    public Task<IResult> RebalanceAsync(string id, HttpRequest http, ILiveRuntime runtime) => RuntimeAsync(id, http, amount: false, (_, c) => runtime.RebalanceAsync(id, c));

    public Task<IResult> DepositAsync(string id, HttpRequest http, ILiveRuntime runtime) => RuntimeAsync(id, http, amount: true, (amount, c) => runtime.DepositAsync(id, amount, c));

    public Task<IResult> WithdrawAsync(string id, HttpRequest http, ILiveRuntime runtime) => RuntimeAsync(id, http, amount: true, (amount, c) => runtime.WithdrawAsync(id, amount, c));

    /// <summary>The checks every route shares: the key, a configured ledger; then the work, its refusals as problems.</summary>
    private async Task<IResult> RunAsync(HttpRequest http, bool changes, Func<LiveService, CancellationToken, Task<IResult>> work)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (access.Refuse(http, changes) is { } refused)
        {
            return refused;
        }

        if (!live.IsConfigured)
        {
            return LiveProblems.NotConfigured();
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        try
        {
            return await work(await live.OpenAsync(cancellationToken), cancellationToken);
        }
        catch (LiveRequestException e)
        {
            return ApiProblems.Invalid(e.Errors);
        }
        catch (LiveConflictException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: e.Message);
        }
        catch (LiveExecutionRefusedException e)
        {
            return LiveProblems.RealRefused(e.Reasons);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            // The database did not answer (a PostgresException is an answer, and a bug here if it happens).
            return LiveProblems.LedgerUnreachable();
        }
    }

    private Task<IResult> PageAsync<T, TView>(string id, HttpRequest http, Func<PostgresLiveLedger, LedgerPageRequest, CancellationToken, Task<LedgerPage<T>>> read, Func<T, TView> view) =>
        RunAsync(http, changes: false, async (service, cancellationToken) =>
        {
            if (ReadPage(http, out var request) is { } invalid)
            {
                return invalid;
            }

            return await service.PageAsync(id, read, request, cancellationToken) is { } page
                ? TypedResults.Ok(new LivePageResponse<TView>(page.Items.Select(view).ToList(), page.NextCursor))
                : LiveProblems.NotFound(id);
        });

    private Task<IResult> RuntimeAsync(string id, HttpRequest http, bool amount, Func<decimal, CancellationToken, Task<LiveRuntimeReceipt>> act) =>
        RunAsync(http, changes: true, async (service, cancellationToken) =>
        {
            var (body, refused) = await ReadAsync(http, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            var value = 0m;
            if (amount)
            {
                value = LiveRequests.ReadAmount(body!);
            }
            else
            {
                body!.RejectUnknown();
            }

            if (body!.Errors.Count > 0)
            {
                return ApiProblems.Invalid(body.Errors);
            }

            if (await service.StatusAsync(id, cancellationToken) is null)
            {
                return LiveProblems.NotFound(id);
            }

            var receipt = await act(value, cancellationToken);
            return TypedResults.Accepted((string?)null, new LiveRuntimeResponse(id, receipt.Status, receipt.Message));
        });

    /// <summary>
    /// The request's JSON body (none reads as <c>{}</c>), refused when too large, not an object, or carrying a
    /// credential under any name at any depth: that check comes before any field is read, so no value is echoed.
    /// </summary>
    private async Task<(RequestBody? Body, IResult? Refused)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var bytes = await RequestBody.ReadAsync(http, limits.MaxBodyBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, ApiProblems.TooLarge(limits.MaxBodyBytes));
        }

        var body = RequestBody.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
        if (body.Errors.Count > 0)
        {
            return (null, ApiProblems.Invalid(body.Errors));
        }

        var credentials = body.FieldsNamed(LiveRequests.IsCredentialName);
        return credentials.Count > 0 ? (null, LiveProblems.Credentials(credentials)) : (body, null);
    }

    private static IResult? ReadPage(HttpRequest http, out LedgerPageRequest page)
    {
        page = new LedgerPageRequest(DefaultPageLimit);
        var limit = DefaultPageLimit;
        if (http.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > LedgerPageRequest.MaxLimit))
        {
            return ApiProblems.Invalid("limit", $"must be a whole number from 1 to {LedgerPageRequest.MaxLimit.ToString("N0", CultureInfo.InvariantCulture)} (got '{ApiProblems.Shown(limitText.ToString())}')");
        }

        long? after = null;
        if (http.Query.TryGetValue("cursor", out var cursorText))
        {
            if (!long.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                return ApiProblems.Invalid("cursor", $"must be the next_cursor of a previous page (got '{ApiProblems.Shown(cursorText.ToString())}')");
            }

            after = cursor;
        }

        page = new LedgerPageRequest(limit, after);
        return null;
    }

    private static IResult Instance(string id, LiveInstanceState? state) =>
        state is null ? LiveProblems.NotFound(id) : TypedResults.Ok(LiveInstanceResponse.From(state));
}
