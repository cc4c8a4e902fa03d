using System.Reflection;

namespace LivePersonEscalation.Documentation.Tests;

/// <summary>
/// Runs a compiled README block in this process: a program through its entry point, with arguments and
/// environment variables, capturing what it prints; a test class by running each of its <c>[Fact]</c> methods.
/// Each run is bounded. The tests of this assembly run one at a time (xunit.runner.json), since a program's
/// console and environment are the process's.
/// </summary>
internal static class BlockRunner
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Printed)> RunProgramAsync(Assembly program, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var entry = program.EntryPoint ?? throw new InvalidOperationException($"{program.GetName().Name} has no entry point.");
        var printed = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        foreach (var (name, value) in environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Console.SetOut(TextWriter.Synchronized(printed));
        Console.SetError(Console.Out);
        try
        {
            object?[]? arguments = entry.GetParameters().Length == 0 ? null : [args];
            var returned = await Task.Run(() => entry.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)).WaitAsync(Bound);
            return (returned as int? ?? 0, printed.ToString());
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"{program.GetName().Name} failed; it printed:\n{printed}", exception);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            foreach (var name in environment.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    /// <summary>Runs every <c>[Fact]</c> of the block, as xunit would; returns how many ran.</summary>
    public static async Task<int> RunFactsAsync(Assembly tests)
    {
        var facts = tests.GetTypes()
            .SelectMany(type => type.GetMethods().Where(method => method.GetCustomAttribute<FactAttribute>() is not null).Select(method => (type, method)))
            .ToList();
        foreach (var (type, method) in facts)
        {
            var instance = Activator.CreateInstance(type);
            try
            {
                if (method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, parameters: null, culture: null) is Task task)
                {
                    await task.WaitAsync(Bound);
                }
            }
            finally
            {
                switch (instance)
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }
        }

        return facts.Count;
    }
}
