namespace Quartier.Identity.AccessRecords;

/// <summary>One read of residents' personal data by staff, as a service reported it. Never the data itself.</summary>
public sealed class AccessRecord
{
    public Guid Id { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string Service { get; set; } = string.Empty;

    public Guid? OfficeId { get; set; }

    public string Purpose { get; set; } = string.Empty;

    public List<Guid> RecordIds { get; set; } = [];

    public DateTimeOffset ReadAt { get; set; }
}
