using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static OptionsValidationException Invalid(Action<EscalationOptions> configure) =>
        Assert.Throws<OptionsValidationException>(() => new EscalationClient(new HttpClient(), TestData.Options(configure)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_api_key_fails_naming_the_setting_and_where_to_find_the_key(string key)
    {
        var error = Invalid(o => o.ApiAccessKey = key);

        Assert.Contains("ApiAccessKey: required", error.Message, StringComparison.Ordinal);
        Assert.Contains("API tab", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc\r\nX-Injected: yes")]
    [InlineData("abc\ndef")]
    [InlineData("abc\u0000def")]
    [InlineData("clé-non-ascii")]
    public void Api_key_with_control_or_non_ascii_characters_fails_without_echoing_the_key(string key)
    {
        var error = Invalid(o => o.ApiAccessKey = key);

        Assert.Contains("ApiAccessKey contains a control or non-ASCII character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://platformservice.botcentralapi.com/botservice-0.1/botcentral/livePersonAgent", "plain http on a non-loopback host")]
    [InlineData("http://10.0.0.5:8080/", "plain http on a non-loopback host")]
    [InlineData("ftp://127.0.0.1/", "must use https")]
    [InlineData("https://user:secret@example.test/", "must not carry user information")]
    public void Unsafe_endpoint_fails_naming_the_setting(string endpoint, string reason)
    {
        var error = Invalid(o => o.Endpoint = new Uri(endpoint));

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_endpoint_fails_asking_for_an_absolute_uri()
    {
        var error = Invalid(o => o.Endpoint = new Uri("/botservice-0.1/botcentral/livePersonAgent", UriKind.Relative));

        Assert.Contains("must be an absolute URI", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://127.0.0.2:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("https://proxy.example.test/livePersonAgent")]
    public void Plain_http_is_allowed_on_loopback_hosts_and_https_anywhere(string endpoint)
    {
        var client = new EscalationClient(new HttpClient(), TestData.Options(o => o.Endpoint = new Uri(endpoint)));

        Assert.NotNull(client);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(301)]
    [InlineData(-1)]
    public void Timeout_outside_one_second_to_five_minutes_fails(double seconds)
    {
        var error = Invalid(o => o.Timeout = TimeSpan.FromSeconds(seconds));

        Assert.Contains("Timeout is", error.Message, StringComparison.Ordinal);
        Assert.Contains("between 00:00:01 and 00:05:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_region_fails_listing_the_valid_regions()
    {
        var error = Invalid(o => o.Region = (LivePersonRegion)42);

        Assert.Contains("Valid regions: Us, Eu, Apac, UsAutomation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skill_with_a_non_numeric_id_fails_naming_the_skill()
    {
        var error = Invalid(o => o.Skills["billing"] = "BILL-01");

        Assert.Contains("EscalationOptions.Skills.billing is 'BILL-01'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_invalid_settings_are_all_reported_at_once()
    {
        var error = Invalid(o => { o.ApiAccessKey = ""; o.Timeout = TimeSpan.Zero; o.Skills["x"] = "y"; });

        Assert.Equal(3, error.Failures.Count());
    }

    [Fact]
    public void Options_to_string_masks_the_api_key()
    {
        var options = TestData.Options(o => { o.Region = LivePersonRegion.Eu; o.Skills["billing"] = "1"; });

        var text = options.ToString();

        Assert.DoesNotContain(TestData.ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("ApiAccessKey=***", text, StringComparison.Ordinal);
        Assert.Contains("Region=Eu", text, StringComparison.Ordinal);
        Assert.Contains("Skills=[billing]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_have_safe_defaults()
    {
        var options = new EscalationOptions();

        Assert.Equal(LivePersonRegion.Us, options.Region);
        Assert.Null(options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.Empty(options.Skills);
        Assert.Equal("ApiAccessKey=<not set>", options.ToString().Split(", ")[1]);
    }

    [Fact]
    public async Task Client_reads_the_options_once_so_later_changes_do_not_affect_it()
    {
        var wire = new WireRecorder();
        var options = TestData.Options();
        var client = new EscalationClient(wire.CreateHttpClient(), options);

        options.ApiAccessKey = "changed";
        options.Region = LivePersonRegion.Apac;
        await client.EscalateAsync(TestData.Request());

        Assert.Equal(TestData.ApiKey, wire.Sent.Headers["Authorization"]);
        Assert.Equal(LivePersonEndpoints.Us, wire.Sent.Uri);
    }

    [Theory]
    [InlineData("Retry.MaxAttempts", 0)]
    [InlineData("Retry.MaxAttempts", 11)]
    [InlineData("DuplicateGuard.MaxConversations", 0)]
    [InlineData("DuplicateGuard.MaxMemoryBytes", 1024)]
    public void Out_of_range_nested_settings_fail_once_naming_the_setting(string setting, int value)
    {
        var options = TestData.Options(o =>
        {
            switch (setting)
            {
                case "Retry.MaxAttempts": o.Retry.MaxAttempts = value; break;
                case "DuplicateGuard.MaxConversations": o.DuplicateGuard.MaxConversations = value; break;
                default: o.DuplicateGuard.MaxMemoryBytes = value; break;
            }
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new EscalationClient(options));

        var failure = Assert.Single(error.Failures);
        Assert.Contains(setting.Split('.')[1], failure, StringComparison.Ordinal);
        Assert.Contains("between", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_reported_naming_the_setting_once()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new EscalationClient(new EscalationOptions()));

        var failure = Assert.Single(error.Failures);
        // Built in code: named by the property, with no environment variable that this code would never read.
        Assert.StartsWith("EscalationOptions.ApiAccessKey: required.", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiAccessKey: ApiAccessKey", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("LivePerson__Escalation__", failure, StringComparison.Ordinal);
    }
}
