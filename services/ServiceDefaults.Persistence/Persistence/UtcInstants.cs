using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>
/// Instants arrive with any offset (events in Berlin time, a query's <c>+14:00</c>); <c>timestamptz</c>
/// takes only UTC from Npgsql. Every instant column, and every value compared with one, is turned to UTC.
/// </summary>
public static class UtcInstants
{
    public static ModelConfigurationBuilder StoreInstantsAsUtc(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        return configurationBuilder;
    }
}

public sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(instant => instant.ToUniversalTime(), instant => instant);
