using BenchmarkDotNet.Running;
using LivePersonEscalation.Benchmarks;

// "load": library against raw HttpClient on loopback, against the emulator. "load-redis": the duplicate guard on Redis,
// two instances, beside the in-process guard. "types": the library's types one escalation passes through. "serve": the emulator process the load
// test starts. Anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load")
{
    return await LoadTest.RunAsync(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "load-redis")
{
    return await RedisLoadTest.RunAsync(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "types")
{
    return await TypesOnThePath.RunAsync();
}

if (args.Length > 0 && args[0] == "serve")
{
    return await EmulatorProcess.ServeAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
