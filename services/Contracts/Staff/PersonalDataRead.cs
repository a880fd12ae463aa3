namespace Quartier.Contracts.Staff;

/// <summary>
/// A member of staff read residents' personal data: who, when, in which service and office, which
/// records and for what. Never the data itself. The identity service keeps these as the access record.
/// </summary>
/// <param name="Actor">The token's subject: an account id, or a machine client's id.</param>
/// <param name="Purpose">What was read, as the endpoint names it (<c>day-list</c>, <c>callback-queue</c>, ...).</param>
/// <param name="RecordIds">The ids of the records whose personal data was shown.</param>
public sealed record PersonalDataRead(
    Guid AccessId,
    string Actor,
    string Service,
    Guid? OfficeId,
    string Purpose,
    IReadOnlyList<Guid> RecordIds,
    DateTimeOffset ReadAt);
