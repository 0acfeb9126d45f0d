using System.Text;

namespace Basis.Data.Results.Report;

/// <summary>Rows of the report's tables. Labels are escaped here; cell HTML is escaped by the caller or built from numbers.</summary>
internal static class HtmlTable
{
    /// <summary>A row of a two-column (label, value) table.</summary>
    public static void KeyValueRow(StringBuilder html, string label, string valueHtml, bool numeric = false, bool negative = false)
    {
        html.Append("<tr><th scope=\"row\">").Append(HtmlText.Escape(label)).Append("</th>");
        Cell(html, valueHtml, numeric, negative);
        html.Append("</tr>\n");
    }

    /// <summary>A header row; column titles are escaped, numeric columns right-aligned.</summary>
    public static void HeaderRow(StringBuilder html, params (string Title, bool Numeric)[] columns)
    {
        html.Append("<thead><tr>");
        foreach (var (title, numeric) in columns)
        {
            html.Append(numeric ? "<th class=\"num\">" : "<th>").Append(HtmlText.Escape(title)).Append("</th>");
        }

        html.Append("</tr></thead>\n");
    }

    /// <summary>One data cell.</summary>
    public static void Cell(StringBuilder html, string valueHtml, bool numeric = false, bool negative = false)
    {
        html.Append(numeric ? (negative ? "<td class=\"num neg\">" : "<td class=\"num\">") : (negative ? "<td class=\"neg\">" : "<td>"))
            .Append(valueHtml)
            .Append("</td>");
    }
}
