namespace Basis.Data.Import;

/// <summary>Collects dropped rows by reason, keeping a few examples of each, in the order reasons first occur.</summary>
internal sealed class RowDropLog
{
    private const int MaxExamples = 5;
    private readonly List<(string Reason, int Count, List<string> Examples)> _groups = [];

    public int Total => _groups.Sum(g => g.Count);

    public void Add(string reason, string example) => Add(reason, 1, example);

    public void Add(string reason, int rows, string example)
    {
        var index = _groups.FindIndex(g => g.Reason == reason);
        if (index < 0)
        {
            _groups.Add((reason, 0, []));
            index = _groups.Count - 1;
        }

        var group = _groups[index];
        if (group.Examples.Count < MaxExamples)
        {
            group.Examples.Add(example);
        }

        _groups[index] = (group.Reason, group.Count + rows, group.Examples);
    }

    public IReadOnlyList<DroppedRows> ToReport() =>
        _groups.Select(g => new DroppedRows(g.Reason, g.Count, g.Examples.ToArray())).ToArray();
}
