using System.Text.RegularExpressions;
using System.Xml.Linq;
using Basis.Operations.Tests.Support;

namespace Basis.Operations.Tests.Scripts;

/// <summary>
/// Both Dockerfiles restore from the project files alone before copying the code: each must copy every project its
/// app references, or the restore layer misses one as soon as a project is added. Checked for the Functions image too,
/// which cannot be built here.
/// </summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("infra/docker/Dockerfile", "functions/Basis.Server/Basis.Server.csproj")]
    [InlineData("infra/docker/functions.Dockerfile", "functions/Basis.FunctionApp/Basis.FunctionApp.csproj")]
    public void The_restore_layer_copies_every_referenced_project(string dockerfile, string app)
    {
        var copied = CopiedProject().Matches(File.ReadAllText(Repository.Path(dockerfile))).Select(m => m.Groups[1].Value).ToHashSet();

        var missing = ProjectClosure(app).Where(project => !copied.Contains(project)).ToList();

        Assert.True(missing.Count == 0, $"{dockerfile} does not copy {string.Join(", ", missing)} before its restore");
    }

    private static SortedSet<string> ProjectClosure(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Repository.Path(next))!;
            foreach (var reference in XDocument.Load(Repository.Path(next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace('\\', '/'));
            }
        }

        return found;
    }

    [GeneratedRegex(@"^COPY (\S+\.csproj) ", RegexOptions.Multiline)]
    private static partial Regex CopiedProject();
}
