using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Data;
using Quartier.ServiceDefaults.Mail;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// How long queued confirmations take to reach an SMTP server: Bookings in this process commits N
/// confirmations (text, HTML and an .ics, as residents receive them) in one transaction and its sender
/// delivers them to a real SMTP sink; the baseline sends the same N messages straight from MailKit
/// over one connection to the same sink, without the queue. Alternating rounds.
/// </summary>
public sealed class MailBenchmark : IBenchmark
{
    public string Name => "mail";

    public string Description => "time for N queued confirmations to reach the SMTP sink, beside MailKit sending them directly (args: messages, rounds)";

    public async Task RunAsync(string[] args)
    {
        var count = args is [var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
        var rounds = args is [_, var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        await using var smtp = await SmtpSink.StartAsync();
        var settings = new Dictionary<string, string>(smtp.Settings())
        {
            ["ConnectionStrings:bookingsdb"] = await postgres.CreateDatabaseAsync("bookingsdb"),
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var bookings = new ServiceFactory<BookingsDbContext>(settings);
        bookings.StartServer();
        var options = bookings.Services.GetRequiredService<IOptions<MailOptions>>().Value;

        var queued = new List<double>();
        var direct = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            queued.Add(await ThroughTheQueueAsync(bookings.Services, smtp, count));
            direct.Add(await DirectlyAsync(options, smtp, count));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} confirmations per round, {rounds} rounds, ~{Letter(0).ToMime(Guid.NewGuid(), "a@example.org", options).ToString().Length / 1024} KiB each"));
        Console.WriteLine(Line("queued in one commit -> all at the sink", queued, count));
        Console.WriteLine(Line("MailKit straight to the sink (baseline)", direct, count));
    }

    private static async Task<double> ThroughTheQueueAsync(IServiceProvider services, SmtpSink smtp, int count)
    {
        var before = smtp.Count;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingsDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<ResidentMail>();
        for (var i = 0; i < count; i++)
        {
            mail.Add(db, $"resident-{i}@example.org", "appointment-confirmed", Guid.NewGuid(), Letter(i));
        }

        var clock = Stopwatch.StartNew();
        await db.SaveChangesAsync();
        while (smtp.Count < before + count)
        {
            await Task.Delay(20);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> DirectlyAsync(MailOptions options, SmtpSink smtp, int count)
    {
        var before = smtp.Count;
        var messages = Enumerable.Range(0, count).Select(i => Letter(i).ToMime(Guid.NewGuid(), $"resident-{i}@example.org", options)).ToList();
        var clock = Stopwatch.StartNew();
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
            foreach (var message in messages)
            {
                await client.SendAsync(message);
            }

            await client.DisconnectAsync(quit: true);
        }

        while (smtp.Count < before + count)
        {
            await Task.Delay(20);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static ResidentLetter Letter(int i) => new(
        "de",
        string.Create(CultureInfo.InvariantCulture, $"Ihr Termin: Montag, 14. Dezember 2026, {8 + (i % 8)}:00"),
        "Guten Tag,",
        ["Ihr Termin ist gebucht. Mit der Datei im Anhang können Sie ihn in Ihren Kalender übernehmen."],
        [new("Termin", "Sozialberatung"), new("Wann", "Montag, 14. Dezember 2026, 10:00–10:30"), new("Wie", "Im Büro"), new("Wo", "Stadtteilbüro Südstadt, Käthe-Kollwitz-Straße 20, 37327 Leinefelde-Worbis")],
        new("Termin ansehen, verschieben oder absagen", new Uri($"https://quartier.example.org/appointment/{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}")),
        "Freundliche Grüße\nStadtteilbüro Südstadt\n\nDiese Nachricht wurde automatisch gesendet.",
        new("appointment.ics", "text", "calendar", System.Text.Encoding.UTF8.GetBytes(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quartier Platform//Bookings//DE\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:x@bookings.quartier\r\nDTSTAMP:20261207T100000Z\r\nDTSTART:20261214T090000Z\r\nDTEND:20261214T093000Z\r\nSUMMARY:Sozialberatung – Stadtteilbüro Südstadt\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")));

    private static string Line(string what, List<double> milliseconds, int count)
    {
        var best = milliseconds.Min();
        var median = milliseconds.Order().ElementAt(milliseconds.Count / 2);
        return string.Create(CultureInfo.InvariantCulture,
            $"{what,-42} median {median / 1000:0.00} s ({count / (median / 1000):0} msg/s), best {best / 1000:0.00} s, rounds: {string.Join(", ", milliseconds.Select(ms => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture)))} s");
    }
}
