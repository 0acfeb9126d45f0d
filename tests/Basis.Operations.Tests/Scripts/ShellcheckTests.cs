using Basis.Operations.Tests.Support;
using Basis.Testing;

namespace Basis.Operations.Tests.Scripts;

/// <summary>Every shell script in the repository passes shellcheck with no finding.</summary>
public sealed class ShellcheckTests
{
    [Fact]
    public async Task Every_script_is_clean()
    {
        var tracked = (await Shell.RunAsync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.sh", ".ci/*"])).EnsureSuccess("git ls-files").Output;
        var scripts = tracked.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".sh", StringComparison.Ordinal) || File.ReadLines(Repository.Path(path)).FirstOrDefault()?.StartsWith("#!/usr/bin/env bash", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Contains("platform.sh", scripts);
        Assert.Contains("infra/docker/deploy.sh", scripts);

        CommandResult result;
        try
        {
            result = await Shell.RunAsync("shellcheck", ["--external-sources", .. scripts]);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            ServiceRequirement.Unavailable("shellcheck is not installed (apt-get install shellcheck)");
            return;
        }

        Assert.True(result.ExitCode == 0, $"shellcheck {string.Join(' ', scripts)}:\n{result.Output}");
    }
}
