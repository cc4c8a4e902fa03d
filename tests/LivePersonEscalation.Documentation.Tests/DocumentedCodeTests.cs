using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace LivePersonEscalation.Documentation.Tests;

/// <summary>
/// Every code block of README.md and the package READMEs, taken from the markdown as a reader copies it: each C#
/// block compiles cleanly as the whole file of a fresh <c>dotnet new</c> project, uses only packages the README
/// tells its reader to add, and runs (a program escalates against an emulator and exits 0; a test class's tests
/// pass); each configuration block starts a host that escalates with it.
/// </summary>
public sealed class DocumentedCodeTests(ITestOutputHelper output)
{
    public static TheoryData<string> CSharpBlocks => [.. DocumentedProgram.All().Select(program => program.Id)];

    public static TheoryData<string> ConfigurationBlocks => [.. DocumentedProgram.StandaloneConfiguration().Select(block => block.Id)];

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public async Task Csharp_block_compiles_and_runs_as_written(string block)
    {
        var program = DocumentedProgram.All().Single(candidate => candidate.Id == block);

        var compiled = BlockCompiler.Compile(program);

        AssertUsesOnlyPackagesTheReadmeNames(program, compiled);
        if (program.Template == ProjectTemplate.Xunit)
        {
            Assert.True(await BlockRunner.RunFactsAsync(compiled.Assembly) > 0, $"{block} is a test class without a [Fact]");
            return;
        }

        await using var targets = await BlockTargets.StartAsync(program.Appsettings);
        var (exitCode, printed) = await BlockRunner.RunProgramAsync(compiled.Assembly, targets.CommandLine, targets.Environment);
        output.WriteLine(printed);
        Assert.True(exitCode == 0, $"{block} exited with {exitCode}; it printed:\n{printed}");
        Assert.True(targets.AcceptedEscalations > 0, $"{block} ran but escalated nothing; it printed:\n{printed}");
    }

    [Theory]
    [MemberData(nameof(ConfigurationBlocks))]
    public async Task Configuration_block_starts_a_host_that_escalates(string block)
    {
        var json = DocumentedProgram.StandaloneConfiguration().Single(candidate => candidate.Id == block).Code;
        await using var targets = await BlockTargets.StartAsync(json);
        Assert.Equal([BlockTargets.DefaultSection], targets.AccountSections);

        var builder = Host.CreateApplicationBuilder(targets.CommandLine);
        var escalation = builder.Services.AddLivePersonEscalation(builder.Configuration.GetSection(BlockTargets.DefaultSection))
            .AddSkillAvailability(); // a block may configure it; it stays off without an AccountId
        if (targets.UsesRedis)
        {
            escalation.AddRedisDuplicateGuard();
        }

        using var host = builder.Build();
        await host.StartAsync();
        var result = await host.Services.GetRequiredService<IEscalationClient>().EscalateAsync(new EscalationRequest
        {
            UserPlatformId = "user-platform-id",
            ChatBotId = "chatbot-id",
            ConversationId = "conversation-id",
            AgentSkillId = "1234567890",
        });
        await host.StopAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(1, targets.AcceptedEscalations);
    }

    [Fact]
    public void Every_readme_block_is_csharp_json_or_a_shell_or_wire_example()
    {
        var unexpected = Repository.AllBlocks().Where(block => block.Language is not ("csharp" or "json" or "bash" or "http" or "")).Select(block => $"{block.Id} ({block.Language})");

        Assert.Empty(unexpected);
    }

    private static void AssertUsesOnlyPackagesTheReadmeNames(DocumentedProgram program, CompiledProgram compiled)
    {
        var named = PackageLedger.NamedIn(program.Block.TextBefore).Concat(program.Template.Packages).ToList();
        var available = PackageLedger.WithDependencies(named);
        var missing = PackageLedger.PackagesOf(compiled.UsedAssemblies).Where(package => !available.Contains(package)).Order().ToList();

        Assert.True(
            missing.Count == 0,
            $"{program.Id} uses {string.Join(", ", missing)}, which the README never tells its reader to add (`dotnet add package …` before the block)");
    }
}
