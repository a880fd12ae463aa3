using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Quartier.Reporting.Data;

/// <summary>Events may carry instants with an offset (e.g. Berlin time); timestamptz stores them as UTC.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(instant => instant.ToUniversalTime(), instant => instant);
