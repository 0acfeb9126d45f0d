using System.Net;

namespace Basis.Data.Results.Report;

/// <summary>
/// Escaping for text that comes from data or configuration (mode names, reasons, series ids, position keys):
/// the report is opened in a browser, so none of it may be read as markup.
/// </summary>
internal static class HtmlText
{
    /// <summary>The text with <c>&lt; &gt; &amp; " '</c> replaced by entities; safe in element content and quoted attributes.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
