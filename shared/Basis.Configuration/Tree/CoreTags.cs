namespace Basis.Configuration.Tree;

/// <summary>The YAML 1.2 core-schema tags, as the parser reports them once <c>!!</c> is expanded.</summary>
internal static class CoreTags
{
    public const string Prefix = "tag:yaml.org,2002:";
    public const string String = Prefix + "str";
    public const string Int = Prefix + "int";
    public const string Float = Prefix + "float";
    public const string Bool = Prefix + "bool";
    public const string Null = Prefix + "null";
    public const string Map = Prefix + "map";
    public const string Seq = Prefix + "seq";

    /// <summary>YAML's non-specific tag: on a scalar it means "a string, do not resolve".</summary>
    public const string NonSpecific = "!";

    public static string Short(string tag) =>
        tag.StartsWith(Prefix, StringComparison.Ordinal) ? "!!" + tag[Prefix.Length..] : tag;
}
