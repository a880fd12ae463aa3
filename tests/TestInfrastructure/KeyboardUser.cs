using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Quartier.Testing;

/// <summary>A person in a real browser with the keyboard alone: Tab to a field or link, type, Enter.</summary>
public static class KeyboardUser
{
    /// <summary>Tabs through the page from where the focus is until the element has it, then types over its value.</summary>
    public static async Task TypeIntoAsync(this IPage page, string selector, string text)
    {
        await page.TabToAsync(selector).ConfigureAwait(false);
        await page.Keyboard.PressAsync("ControlOrMeta+a").ConfigureAwait(false);
        await page.Keyboard.TypeAsync(text).ConfigureAwait(false);
    }

    /// <summary>Tabs to a link or button and presses Enter: the next page is loaded when this returns.</summary>
    public static async Task FollowAsync(this IPage page, string selector)
    {
        await page.TabToAsync(selector).ConfigureAwait(false);
        await page.SubmitAsync().ConfigureAwait(false);
    }

    /// <summary>Tabs to a check box and ticks it with the space bar.</summary>
    public static async Task TickAsync(this IPage page, string selector)
    {
        await page.TabToAsync(selector).ConfigureAwait(false);
        await page.Keyboard.PressAsync("Space").ConfigureAwait(false);
    }

    /// <summary>Tabs into a group of radio buttons, moves to the one wanted with the arrow keys, and chooses it with the space bar.</summary>
    public static async Task ChooseAsync(this IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        var group = await page.Locator(selector).GetAttributeAsync("name").ConfigureAwait(false);
        await page.TabToAsync($"input[type=radio][name='{group}']").ConfigureAwait(false);
        for (var press = 0; press < 20 && !await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector).ConfigureAwait(false); press++)
        {
            await page.Keyboard.PressAsync("ArrowDown").ConfigureAwait(false);
        }

        await page.Keyboard.PressAsync("Space").ConfigureAwait(false);
    }

    /// <summary>Enter on the focused field or link, and the next document loaded (the same address after a form post).</summary>
    public static async Task SubmitAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync("() => window.beforeSubmit = true").ConfigureAwait(false);
        await page.Keyboard.PressAsync("Enter").ConfigureAwait(false);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete' && !window.beforeSubmit").ConfigureAwait(false);
    }

    public static async Task TabToAsync(this IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var press = 0; press < 200; press++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector).ConfigureAwait(false))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab").ConfigureAwait(false);
        }

        throw new InvalidOperationException($"{selector} cannot be reached with the Tab key on {page.Url}.");
    }

    /// <summary>The axe rules' violations on the page as it stands, one line each; empty when there are none.</summary>
    public static async Task<string> AxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe().ConfigureAwait(false);
        return string.Join("; ", result.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
    }
}
