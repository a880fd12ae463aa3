using System.Text.Json.Serialization;

namespace Quartier.Offices.Directory;

[JsonConverter(typeof(JsonStringEnumConverter<OfficeStatus>))]
public enum OfficeStatus
{
    Active,
    Closed,
}

/// <summary>A neighbourhood office as residents find it in the directory.</summary>
public sealed class Office
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Stadtteilbüro, Koordinierungsbüro, Treffpunkt, ...</summary>
    public required string Kind { get; set; }

    public required string Street { get; set; }

    public required string PostalCode { get; set; }

    public required string Town { get; set; }

    /// <summary>ISO 3166-2 code of the federal state, which decides the public holidays.</summary>
    public required string FederalState { get; set; }

    /// <summary>IANA time zone in which the office's opening hours are wall-clock times.</summary>
    public required string TimeZone { get; set; }

    public OfficeStatus Status { get; set; } = OfficeStatus.Active;

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>PostgreSQL's xmin: two staff members editing at once cannot silently overwrite each other.</summary>
    public uint Version { get; private set; }
}
