using FluentAssertions;
using Microsoft.Playwright;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>Tests in a real browser against the platform: a headless Chromium of their own, pages by their path through the gateway.</summary>
public abstract class BrowserTests(PlatformFixture platform) : IAsyncLifetime
{
    protected PlatformFixture Platform { get; } = platform;

    protected HeadlessChromium Chromium { get; private set; } = null!;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Chromium = await HeadlessChromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<IPage> NewPageAsync(string locale) => await Chromium.NewPageAsync(new BrowserNewContextOptions { Locale = locale });

    protected string Address(string path) => new Uri(Platform.Gateway.BaseAddress, path).ToString();

    /// <summary>The page's heading is the one expected, and axe finds nothing on it.</summary>
    protected static async Task ExpectAccessibleAsync(IPage page, string heading)
    {
        ArgumentNullException.ThrowIfNull(page);
        (await page.Locator("h1").InnerTextAsync()).Should().Be(heading);
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }
}
