using MassTransit;
using Quartier.Contracts.Offices;

namespace Quartier.Benchmarks;

/// <summary>
/// Announces an office on the broker, as the Offices service would, and waits until the service under
/// measurement shows its own copy — so a benchmark needs no Offices process.
/// </summary>
public static class OfficeSeeding
{
    public static async Task<Guid> RegisterOfficeAsync(string broker, HttpClient client, string copyPath)
    {
        ArgumentNullException.ThrowIfNull(client);
        var officeId = Guid.NewGuid();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(broker)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(new OfficeRegistered(officeId, "Stadtteilbüro Südstadt", "Stadtteilbüro", "Käthe-Kollwitz-Straße 20", "37327",
                "Leinefelde-Worbis", "DE-TH", "Europe/Berlin", DateTimeOffset.UtcNow), context => context.MessageId = NewId.NextGuid());
        }
        finally
        {
            await bus.StopAsync();
        }

        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var response = await client.GetAsync(new Uri($"{copyPath}/{officeId}", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return officeId;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The office did not reach {copyPath}.");
    }
}
