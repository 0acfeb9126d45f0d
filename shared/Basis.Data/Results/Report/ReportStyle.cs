namespace Basis.Data.Results.Report;

/// <summary>
/// The page's only stylesheet, inlined: the report must open from a file with no network, so no web fonts or
/// external CSS (the font stack names fonts already on the reader's machine). Charts take their axis and grid
/// styling from here, which keeps each SVG to geometry.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fff;max-width:1040px;margin:0 auto;padding:12px 24px 48px;line-height:1.4}
        h1{font-size:1.55em;margin:.4em 0 .2em}
        h2{font-size:1.2em;border-bottom:1px solid #ddd;padding-bottom:.15em;margin:1.8em 0 .5em}
        h3{font-size:1em;margin:1.2em 0 .3em}
        nav{font-size:.9em;margin:.4em 0 1em}
        nav a{margin-right:1em}
        a{color:#1f5fa8}
        table{border-collapse:collapse;font-size:.88em;margin:.3em 0 .6em}
        th,td{padding:3px 10px;border-bottom:1px solid #ececec;text-align:left;vertical-align:top}
        thead th{border-bottom:1px solid #bbb;font-weight:600}
        th[scope=row]{font-weight:normal;color:#444}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .neg{color:#b3261e}
        .mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;word-break:break-all}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:0 28px;align-items:start}
        .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:6px 16px}
        .note{color:#5f5f5f;font-size:.85em;margin:.2em 0 .8em}
        .warn{background:#fff4ce;border-left:4px solid #e0a800;padding:4px 10px}
        tr.fallback td,tr.fallback th{background:#fff4ce}
        .swatch{display:inline-block;width:10px;height:10px;margin-right:6px;vertical-align:baseline}
        figure{margin:.4em 0 1.2em}
        svg.chart{display:block;width:100%;height:auto}
        svg.chart text{font-size:11px;fill:#444}
        svg.chart text.title{font-size:13px;font-weight:600;fill:#1d1d1f}
        svg.chart .grid{stroke:#ececec}
        svg.chart .axis{stroke:#9a9a9a}
        svg.chart .zero{stroke:#b8b8b8}
        """;
}
