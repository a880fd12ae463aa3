using MailKit.Security;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>How a service sends e-mail to residents: section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server. Without one, messages are queued and wait until it is configured.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS: <c>StartTls</c> (required), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>, <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@quartier.invalid";

    public string FromName { get; set; } = "Quartier";

    /// <summary>Where residents open the platform's pages (the public address of the gateway); links in messages start here.</summary>
    public Uri PublicAddress { get; set; } = new("http://localhost:8080/");

    /// <summary>The wait after the first failed attempt; it doubles with each further one, up to <see cref="LongestRetry"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many failed attempts a message is set aside for an operator (the <c>mail</c> verb).</summary>
    public int Attempts { get; set; } = 15;

    public TimeSpan RetryAfter(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * (1L << Math.Clamp(failedAttempts - 1, 0, 30))));
}
