using System.Runtime.InteropServices;
using LivePersonEscalation.ConsoleSample;

// Ctrl+C (SIGINT) and SIGTERM (docker stop, systemd, CI runners) both end the command the same way: it stops what it
// is doing, says so, and exits with its own code.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await EscalationCommand.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
