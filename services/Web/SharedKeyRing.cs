using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Quartier.Web;

/// <summary>
/// The key ring that protects the forms' antiforgery tokens and the staff console's sign-in cookie, shared by every web instance: a form
/// rendered by one instance is accepted by any other. With <c>DataProtection:KeyRing</c> (a directory,
/// in Kubernetes a Secret mounted read-only) the keys come from there and none is made at run time;
/// without it each process keeps its own, as on a developer's machine.
/// </summary>
public static class SharedKeyRing
{
    public const string Verb = "data-protection-key";

    /// <summary>A key made by <see cref="Verb"/> protects new forms for this long; add the next one before it ends.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(365);

    public static WebApplicationBuilder AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var protection = builder.Services.AddDataProtection().SetApplicationName("quartier-web");
        if (builder.Configuration["DataProtection:KeyRing"] is { Length: > 0 } directory)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(directory)).DisableAutomaticKeyGeneration();
        }

        return builder;
    }

    /// <summary><c>dotnet Web.dll data-protection-key DIR</c>: writes a new key into DIR (for the Secret), valid from now for <see cref="KeyLifetime"/>.</summary>
    public static int WriteKey(string[] arguments)
    {
        if (arguments is not [var directory])
        {
            Console.Error.WriteLine($"usage: {Verb} <directory>");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("quartier-web").PersistKeysToFileSystem(Directory.CreateDirectory(directory));
        using var provider = services.BuildServiceProvider();
        var now = DateTimeOffset.UtcNow;
        var key = provider.GetRequiredService<IKeyManager>().CreateNewKey(now, now + KeyLifetime);
        Console.WriteLine($"key-{key.KeyId:D}.xml, valid until {key.ExpirationDate:u}");
        return 0;
    }
}
