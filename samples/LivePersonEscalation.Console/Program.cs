using LivePersonEscalation.ConsoleSample;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await EscalationCommand.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
