using Microsoft.AspNetCore.Http;

namespace LivePersonEscalation.Testing;

/// <summary>
/// Messaging Current Queue Health (<c>GET /operations/api/account/{id}/msgqueuehealth/current/?skillIds=…&amp;v=1</c>):
/// each skill asked for and set, in milliseconds, <c>-1</c> where there is no data.
/// </summary>
public sealed partial class AccountApiEmulator
{
    /// <summary>
    /// Sets a skill's current queue health. A skill never set is left out of the answer, as LivePerson leaves out a
    /// skill it has no metrics of.
    /// </summary>
    /// <param name="skillId">The skill id.</param>
    /// <param name="waitAfterTransfer">The average wait for an agent after a transfer; null answers <c>-1</c> (no data).</param>
    /// <param name="unassignedConversations">The conversations waiting for an agent.</param>
    public void SetQueueHealth(string skillId, TimeSpan? waitAfterTransfer, int unassignedConversations = 0)
    {
        lock (_gate)
        {
            _queues[skillId] = (waitAfterTransfer, unassignedConversations);
        }
    }

    private Task ServeQueueHealthAsync(HttpContext context)
    {
        var asked = (context.Request.Query["skillIds"].ToString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        KeyValuePair<string, (TimeSpan? Wait, int Unassigned)>[] listed;
        lock (_gate)
        {
            listed = _queues.Where(queue => asked.Contains(queue.Key, StringComparer.Ordinal)).ToArray();
        }

        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("skillsMetrics");
            foreach (var (id, queue) in listed)
            {
                var wait = queue.Wait is { } known ? (long)known.TotalMilliseconds : -1;
                writer.WriteStartObject(id);
                writer.WriteNumber("time", now);
                writer.WriteNumber("unassignedConversations", queue.Unassigned);
                writer.WriteNumber("actionableConversations", queue.Unassigned);
                writer.WriteNumber("avgWaitTimeForAgentAssignment_NewConversation", wait);
                writer.WriteNumber("avgWaitTimeForAgentAssignment_AfterTransfer", wait);
                writer.WriteNumber("maxWaitTimeForAgentAssignment", wait);
                writer.WriteNumber("waitTimeForAgentAssignment_50thPercentile", wait);
                writer.WriteNumber("waitTimeForAgentAssignment_90thPercentile", wait);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("metricsTotal");
            writer.WriteNumber("time", now);
            writer.WriteNumber("unassignedConversations", listed.Sum(queue => queue.Value.Unassigned));
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static bool IsQueueHealth(string method, string path, string account) =>
        HttpMethods.IsGet(method) && path.TrimEnd('/') == "/operations" + account + "msgqueuehealth/current";
}
