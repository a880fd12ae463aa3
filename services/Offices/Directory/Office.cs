using Quartier.ServiceDefaults.Contact;
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

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public IReadOnlyList<Partner> Partners { get; set; } = [];

    public PublicContact? Contact { get; set; }

    /// <summary>ISO 639-1 codes of the languages spoken in the office.</summary>
    public List<string> Languages { get; set; } = [];

    public Accessibility? Accessibility { get; set; }

    /// <summary>Codes of <see cref="Quartier.Contracts.FieldsOfAction"/>.</summary>
    public List<string> FieldsOfAction { get; set; } = [];

    public Funding? Funding { get; set; }

    public ProjectArea? ProjectArea { get; set; }

    public OfficeStatus Status { get; set; } = OfficeStatus.Active;

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>PostgreSQL's xmin: two staff members editing at once cannot silently overwrite each other.</summary>
    public uint Version { get; private set; }

    /// <summary>Takes over everything staff can edit; identity, status and history stay.</summary>
    public void Apply(OfficeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Name = request.Name.Trim();
        Kind = request.Kind.Trim();
        Street = request.Street.Trim();
        PostalCode = request.PostalCode;
        Town = request.Town.Trim();
        FederalState = request.FederalState;
        TimeZone = request.TimeZone ?? OfficeRequest.DefaultTimeZone;
        Latitude = request.Latitude;
        Longitude = request.Longitude;
        Partners = request.Partners ?? [];
        Contact = request.Contact is { } contact ? contact with { Phone = PhoneNumberRules.ToE164(contact.Phone) } : null;
        Languages = [.. (request.Languages ?? []).Distinct()];
        Accessibility = request.Accessibility;
        FieldsOfAction = [.. (request.FieldsOfAction ?? []).Distinct()];
        Funding = request.Funding;
        ProjectArea = request.ProjectArea;
    }

    public static Office Register(Guid id, OfficeRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var office = new Office
        {
            Id = id,
            Name = request.Name,
            Kind = request.Kind,
            Street = request.Street,
            PostalCode = request.PostalCode,
            Town = request.Town,
            FederalState = request.FederalState,
            TimeZone = request.TimeZone ?? OfficeRequest.DefaultTimeZone,
            RegisteredAt = now,
        };
        office.Apply(request);
        return office;
    }
}
