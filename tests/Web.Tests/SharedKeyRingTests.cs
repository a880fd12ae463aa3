using System.Diagnostics;
using FluentAssertions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Testing;

namespace Quartier.Web.Tests;

/// <summary>
/// Several web instances behind the gateway: a resident's form rendered by one must be accepted by the
/// one that happens to receive it, with the key ring the operator made with the <c>data-protection-key</c> verb.
/// </summary>
public sealed class SharedKeyRingTests : IDisposable
{
    private readonly DirectoryInfo keyRing = Directory.CreateTempSubdirectory("quartier-web-keys-");

    [Fact]
    public async Task A_form_rendered_by_one_instance_is_accepted_by_another_with_the_shared_key_ring_and_refused_without()
    {
        MakeKey().Should().Be(0);
        await using var renderer = Instance(keyRing.FullName);
        await using var receiver = Instance(keyRing.FullName);
        await using var stranger = Instance(keyRing: null);

        var (cookie, field) = Render(renderer);

        (await AcceptsAsync(receiver, cookie, field)).Should().BeTrue("the instances share the operator's key ring");
        (await AcceptsAsync(stranger, cookie, field)).Should().BeFalse("an instance with a key ring of its own cannot read the form's token");
    }

    public void Dispose() => keyRing.Delete(recursive: true);

    private int MakeKey()
    {
        using var verb = Process.Start(new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, SharedKeyRing.Verb, keyRing.FullName]) { RedirectStandardOutput = true })!;
        verb.WaitForExit(TimeSpan.FromSeconds(60));
        return verb.ExitCode;
    }

    private static ServiceFactory<Program> Instance(string? keyRing) =>
        new(keyRing is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["DataProtection:KeyRing"] = keyRing });

    private static (string Cookie, string Field) Render(ServiceFactory<Program> instance)
    {
        var context = new DefaultHttpContext { RequestServices = instance.Services };
        var tokens = instance.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return (tokens.CookieToken!, tokens.RequestToken!);
    }

    private static async Task<bool> AcceptsAsync(ServiceFactory<Program> instance, string cookie, string field)
    {
        var options = instance.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        var context = new DefaultHttpContext { RequestServices = instance.Services };
        context.Request.Method = "POST";
        context.Request.Headers.Cookie = $"{options.Cookie.Name}={cookie}";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { [options.FormFieldName] = field });
        return await instance.Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }
}
