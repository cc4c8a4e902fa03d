using System.Text;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>The JavaScript and JSON blocks of the README's "In Conversation Builder" section, in order.</summary>
internal sealed record ReadmeScripts(IReadOnlyList<string> Javascript, IReadOnlyList<string> Json)
{
    public static ReadmeScripts Read()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "LivePersonEscalation.sln")))
        {
            directory = directory.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "samples", "LivePersonEscalation.Webhook", "README.md"));
        var javascript = new List<string>();
        var json = new List<string>();
        var inSection = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = lines[i] == "## In Conversation Builder";
            }
            else if (inSection && lines[i] is "```javascript" or "```json")
            {
                var block = new StringBuilder();
                var target = lines[i] == "```javascript" ? javascript : json;
                for (i++; lines[i] != "```"; i++)
                {
                    block.AppendLine(lines[i]);
                }

                target.Add(block.ToString());
            }
        }

        Assert.Equal(6, javascript.Count);
        Assert.Equal(2, json.Count);
        return new ReadmeScripts(javascript, json);
    }
}
