using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LivePersonEscalation.Testing;

/// <summary>The shift-status and agent-count APIs, answered from what the test set.</summary>
public sealed partial class AccountApiEmulator
{
    private Task ServeShiftAsync(HttpContext context, string skillId)
    {
        lock (_gate)
        {
            if (skillId.Length > 0)
            {
                var shift = _shifts.TryGetValue(skillId, out var own) ? own : _accountShift;
                return WriteJsonAsync(context, writer => WriteShift(writer, skillId, shift));
            }

            var all = _shifts.ToArray();
            return WriteJsonAsync(context, writer =>
            {
                writer.WriteStartArray();
                foreach (var (id, shift) in all)
                {
                    WriteShift(writer, id, shift);
                }

                writer.WriteEndArray();
            });
        }
    }

    private static void WriteShift(Utf8JsonWriter writer, string skillId, (bool OnShift, DateTimeOffset? NextOn, DateTimeOffset? NextOff) shift)
    {
        writer.WriteStartObject();
        writer.WriteNumber("skillId", long.Parse(skillId, CultureInfo.InvariantCulture));
        writer.WriteBoolean("onShift", shift.OnShift);
        WriteEpoch(writer, "nextOn", shift.NextOn);
        WriteEpoch(writer, "nextOff", shift.NextOff);
        writer.WriteEndObject();
    }

    private static void WriteEpoch(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteNumber(name, time.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private Task ServeAgentsAsync(HttpContext context)
    {
        KeyValuePair<string, (int Online, int BackSoon, int Away)>[] listed;
        lock (_gate)
        {
            listed = _agents.Where(a => a.Value.Online + a.Value.BackSoon + a.Value.Away > 0).ToArray();
        }

        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("metadata");
            writer.WriteNumber("count", listed.Length);
            writer.WriteEndObject();
            writer.WriteStartArray("skillAvailabilities");
            foreach (var (id, agents) in listed)
            {
                writer.WriteStartObject();
                writer.WriteNumber("skillId", long.Parse(id, CultureInfo.InvariantCulture));
                // Absent counts are 0, as LivePerson leaves them out.
                if (agents.Online > 0)
                {
                    writer.WriteNumber("onlineAgents", agents.Online);
                }

                if (agents.BackSoon > 0)
                {
                    writer.WriteNumber("backSoonAgents", agents.BackSoon);
                }

                if (agents.Away > 0)
                {
                    writer.WriteNumber("awayAgents", agents.Away);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
