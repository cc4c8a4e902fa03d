namespace LivePersonEscalation.Internal;

/// <summary>What the tier forgets: entries past their lifetime, and the oldest settled ones past a bound.</summary>
internal sealed partial class InMemoryDuplicateGuardStore
{
    private void ForgetExpired(long now)
    {
        while (_transferOrder.Count > 0)
        {
            var (key, version) = _transferOrder.Peek();
            if (_transfers.TryGetValue(key, out var record) && record.Version == version && !record.HasExpired(_time, now))
            {
                break;
            }

            _transferOrder.Dequeue();
            if (record.Version == version)
            {
                _transfers.Remove(key);
            }
        }

        while (_settled.Count > 0)
        {
            var (key, version) = _settled.Peek();
            if (_slots.TryGetValue(key, out var slot) && slot.Version == version && !slot.HasExpired(_time, now))
            {
                return;
            }

            _settled.Dequeue();
            if (slot.Version == version)
            {
                Remove(key, slot);
            }
        }
    }

    private bool EvictOldestSettled()
    {
        while (_settled.Count > 0)
        {
            var (key, version) = _settled.Dequeue();
            if (_slots.TryGetValue(key, out var slot) && slot.Version == version)
            {
                Remove(key, slot);
                return true;
            }
        }

        return false;
    }
}
