using LivePersonEscalation.WebhookSample;

namespace LivePersonEscalation.Webhook.Tests;

/// <summary>Off shift, what the user reads is built from LivePerson's opening time, in the webhook's time zone.</summary>
public sealed class OffShiftMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 16, 0, 0, TimeSpan.Zero); // a Monday

    [Theory]
    [InlineData(20, "Our agents are away right now; they are back in 20 minutes. Please write again then.")]
    [InlineData(3 * 60, "Our agents are away right now; they are back today at 19:00 (UTC). Please write again then.")]
    [InlineData(17 * 60, "Our agents are away right now; they are back tomorrow at 09:00 (UTC). Please write again then.")]
    [InlineData(65 * 60, "Our agents are away right now; they are back on Thursday at 09:00 (UTC). Please write again then.")]
    public void The_message_says_when_agents_are_back(int minutes, string expected)
    {
        var hours = new BusinessHours();

        Assert.Equal(expected, hours.OffShiftMessage(Now.AddMinutes(minutes), Now));
    }

    [Fact]
    public void Without_an_opening_time_the_closed_message_is_used()
    {
        var hours = new BusinessHours { ClosedMessage = "Closed." };

        Assert.Equal("Closed.", hours.OffShiftMessage(opensAt: null, Now));
        Assert.Equal("Closed.", hours.OffShiftMessage(Now.AddMinutes(-5), Now));
    }
}
