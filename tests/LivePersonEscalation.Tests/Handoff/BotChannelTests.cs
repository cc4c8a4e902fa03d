namespace LivePersonEscalation.Tests.Handoff;

public sealed class BotChannelTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("WEB")]
    [InlineData("Web")]
    [InlineData(" web ")]
    public void Web_in_any_casing_is_the_preview_channel(string name)
    {
        var channel = new BotChannel(name);

        Assert.True(channel.IsPreview);
        Assert.Equal(BotChannel.Web, channel);
    }

    [Theory]
    [InlineData("lp_web")]
    [InlineData("LP_WEB")]
    [InlineData("webchat")]
    [InlineData("web2")]
    [InlineData("fb")]
    public void Only_exactly_web_is_the_preview(string name)
    {
        Assert.False(new BotChannel(name).IsPreview);
    }

    [Fact]
    public void Of_both_documented_channel_lists_only_web_is_the_preview()
    {
        string[] getChannel = ["lp_sms", "lp_web", "lp_inapp", "sms", "web", "inapp"];
        string[] getUserChannel = ["lp_sms", "lp_web", "lp_inapp", "lp_whatsapp", "lp_rcs", "lp_abc", "twilio_sms", "lp_fb"];

        Assert.Equal(["web"], getChannel.Concat(getUserChannel).Where(name => new BotChannel(name).IsPreview));
    }

    [Fact]
    public void Unknown_channels_are_allowed_and_not_the_preview()
    {
        var channel = new BotChannel("my_custom_channel");

        Assert.False(channel.IsPreview);
        Assert.Equal("my_custom_channel", channel.ToString());
    }

    [Fact]
    public void Equality_and_hash_ignore_case_invariantly()
    {
        var upper = new BotChannel("LP_WHATSAPP");

        Assert.True(upper == new BotChannel("lp_whatsapp"));
        Assert.Equal(new BotChannel("lp_whatsapp").GetHashCode(), upper.GetHashCode());
        Assert.Single(new HashSet<BotChannel> { upper, new BotChannel("lp_whatsapp") });
    }

    [Fact]
    public void Comparison_does_not_depend_on_the_current_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");

            Assert.Equal(new BotChannel("lp_inapp"), new BotChannel("LP_INAPP"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_channel_name_is_rejected(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new BotChannel(name));

        Assert.Contains("getChannel()", error.Message, StringComparison.Ordinal);
    }
}
