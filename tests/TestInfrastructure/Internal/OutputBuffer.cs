namespace Quartier.Testing.Internal;

/// <summary>
/// Keeps the newest lines a child process wrote. Bounded, because a service under a long load test
/// logs far more than anyone reads; the tail is what explains a failure.
/// </summary>
internal sealed class OutputBuffer(int capacity = 256 * 1024)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();
    private int length;

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            length += line.Length + 1;
            while (length > capacity && lines.Count > 1)
            {
                length -= lines.Dequeue().Length + 1;
            }
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return string.Join('\n', lines);
        }
    }
}
