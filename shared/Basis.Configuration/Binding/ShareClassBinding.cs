using Basis.Configuration.Reading;
using Basis.Core.Settings;
using Basis.Core.Strategies;

namespace Basis.Configuration.Binding;

/// <summary>Binds configs/share_classes/{class}.yaml.</summary>
internal static class ShareClassBinding
{
    /// <summary>The file of a share class, relative to the configs folder.</summary>
    public static string File(ShareClass shareClass) => $"share_classes/{shareClass.Name().ToLowerInvariant()}.yaml";

    public static ShareClassSettings Read(ConfigReader reader, ShareClass expected)
    {
        var shareClass = reader.Enum<ShareClass>("share_class");
        if (!reader.HasErrors && shareClass != expected)
        {
            reader.AddError("share_class", $"must be {expected.Name()} to match the file name (got {shareClass.Name()})");
        }

        var range = reader.Sequence("target_apy_range", v => v.As<double>(-1, 10));
        if (range.Count != 2 || range[0] > range[1])
        {
            reader.AddError("target_apy_range", "must be [low, high] with low ≤ high");
        }

        var modes = reader.Sequence("modes", v =>
        {
            var name = v.AsString();
            if (name.Length > 0 && !StrategyCatalog.All.Any(m => m.Name == name))
            {
                v.AddError($"'{name}' is not a mode (known: {string.Join(", ", StrategyCatalog.All.Select(m => m.Name))})");
            }

            return name;
        });

        return new ShareClassSettings(
            expected,
            reader.RequiredString("description"),
            reader.Required<int>("decimals", 0, 36),
            reader.Required<bool>("market_neutral"),
            reader.Required<double>("max_leverage", 1, 100),
            reader.Required<double>("max_drawdown", 0, 1),
            range.Count == 2 ? range[0] : 0,
            range.Count == 2 ? range[1] : 0,
            modes);
    }
}
