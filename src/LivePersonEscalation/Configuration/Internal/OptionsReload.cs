using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LivePersonEscalation.Internal;

/// <summary>
/// Follows a registration's options when their configuration reloads (a rotated key, a moved endpoint in
/// appsettings.json): each change is built and validated like the first, then taken by the runtime for the next
/// escalation; an invalid one is logged as an error naming the setting, and the last valid settings stay in use.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "A reload that fails for any reason keeps the last valid settings: it must never stop the host.")]
internal sealed class OptionsReload : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IOptionsFactory<EscalationOptions> _factory;
    private readonly string _name;
    private readonly EscalationRuntime _runtime;
    private readonly object _gate = new();
    private string? _lastReported;

    private OptionsReload(IOptionsFactory<EscalationOptions> factory, string name, EscalationRuntime runtime)
    {
        _factory = factory;
        _name = name;
        _runtime = runtime;
    }

    /// <summary>Watches the change sources of <paramref name="name"/> (those of a configuration binding); null when there are none.</summary>
    public static OptionsReload? Watch(IEnumerable<IOptionsChangeTokenSource<EscalationOptions>> sources, IOptionsFactory<EscalationOptions> factory, string name, EscalationRuntime runtime)
    {
        var mine = sources.Where(source => (source.Name ?? Options.DefaultName) == name).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        var reload = new OptionsReload(factory, name, runtime) { _lastReported = runtime.Settings.Fingerprint };
        foreach (var source in mine)
        {
            reload._subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, reload.Reload));
        }

        return reload;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Reload()
    {
        string? rejected = null;
        EscalationSettings? taken = null;
        try
        {
            taken = EscalationSettings.FromValidated(_factory.Create(_name), _runtime.Settings.Telemetry.Account, _runtime.Settings.Source);
            _runtime.Reload(taken);
        }
        catch (OptionsValidationException ex)
        {
            rejected = string.Join(" ", ex.Failures);
        }
        catch (Exception ex)
        {
            // The binder's own errors (a value it cannot convert): its message names the configuration path.
            rejected = ex.Message;
        }

        // One save often notifies twice (a file watcher sees the write and the close): logged once per change.
        var report = rejected is not null ? "rejected:" + rejected : taken!.Fingerprint;
        lock (_gate)
        {
            if (report == _lastReported)
            {
                return;
            }

            _lastReported = report;
        }

        // Apart from the reload itself: a throwing log provider must not undo it, nor escape into the change callback.
        Contained.Run((Logger: _runtime.Telemetry.Logger, Rejected: rejected, Taken: taken), static s =>
        {
            if (s.Rejected is not null)
            {
                EscalationLog.ReloadRejected(s.Logger, s.Rejected);
            }
            else if (s.Taken is not null)
            {
                EscalationLog.Reloaded(s.Logger, s.Taken.Telemetry.Target);
            }
        });
    }
}
