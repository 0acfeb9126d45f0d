using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using Basis.Core.Events;

namespace Basis.Data.Results.Report;

/// <summary>How many events of each type the run recorded, and its rebalance decisions with their reasons.</summary>
internal static class EventsSection
{
    /// <summary>Enough to read a run's story; a year of hourly top-ups would otherwise be thousands of rows.</summary>
    public const int MaxRebalanceRows = 200;

    /// <summary>The names <c>events.jsonl</c> uses (its <c>type</c> field), read from the event hierarchy itself so the two never disagree.</summary>
    private static readonly IReadOnlyDictionary<Type, string> TypeNames = typeof(SimulationEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => a.TypeDiscriminator?.ToString() ?? a.DerivedType.Name);

    public static void Append(StringBuilder html, IReadOnlyList<SimulationEvent> events, string shareClass)
    {
        html.Append("<section id=\"events\">\n<h2>Events</h2>\n");
        var counts = events
            .GroupBy(e => TypeNames.TryGetValue(e.GetType(), out var name) ? name : e.GetType().Name, StringComparer.Ordinal)
            .Select(g => (Type: g.Key, Count: g.Count()))
            .OrderBy(c => c.Type, StringComparer.Ordinal)
            .ToList();
        html.Append("<table>\n");
        HtmlTable.HeaderRow(html, ("Type", false), ("Count", true));
        html.Append("<tbody>\n");
        foreach (var (type, count) in counts)
        {
            HtmlTable.KeyValueRow(html, type, ReportFormat.Count(count), numeric: true);
        }

        html.Append("</tbody>\n<tfoot>\n");
        HtmlTable.KeyValueRow(html, "all", ReportFormat.Count(events.Count), numeric: true);
        html.Append("</tfoot>\n</table>\n");

        var rebalances = events.OfType<RebalanceEvent>().ToList();
        html.Append("<h3>Rebalance decisions</h3>\n");
        if (rebalances.Count == 0)
        {
            html.Append("<p class=\"note\">No rebalance decisions.</p>\n</section>\n");
            return;
        }

        if (rebalances.Count > MaxRebalanceRows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">Showing the first {MaxRebalanceRows:N0} of {rebalances.Count:N0} decisions; events.jsonl has every one.</p>\n");
        }

        html.Append("<table>\n");
        HtmlTable.HeaderRow(html, ("Time (UTC)", false), ("Action", false), ("Reason", false), ("Equity (" + shareClass + ")", true));
        html.Append("<tbody>\n");
        foreach (var rebalance in rebalances.Take(MaxRebalanceRows))
        {
            html.Append("<tr>");
            HtmlTable.Cell(html, ReportFormat.Time(rebalance.Time));
            HtmlTable.Cell(html, "<span class=\"mono\">" + HtmlText.Escape(rebalance.Action) + "</span>");
            HtmlTable.Cell(html, HtmlText.Escape(rebalance.Reason));
            HtmlTable.Cell(html, ReportFormat.Amount(rebalance.EquitySc, shareClass), numeric: true);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }
}
