using Quartier.Contracts.Engagement;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

public sealed class VolunteerProjection :
    IProjection<VolunteerSignedUp>,
    IProjection<VolunteerApproved>,
    IProjection<VolunteerEnded>,
    IProjection<VolunteerPaused>,
    IProjection<ShiftFilled>,
    IProjection<ShiftShort>,
    IProjection<TandemFormed>,
    IProjection<TandemEnded>,
    IProjection<VolunteerHoursLogged>
{
    public async Task ApplyAsync(VolunteerSignedUp signedUp, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddVolunteerAsync(db, signedUp.VolunteerId, signedUp.OfficeId, cancellationToken)).SignedUpOn = BerlinTime.DateOf(signedUp.SignedUpAt);

    public async Task ApplyAsync(VolunteerApproved approved, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddVolunteerAsync(db, approved.VolunteerId, approved.OfficeId, cancellationToken)).Approve(approved.ApprovedAt);

    public async Task ApplyAsync(VolunteerPaused paused, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddVolunteerAsync(db, paused.VolunteerId, paused.OfficeId, cancellationToken)).Pause(paused.PausedAt);

    public async Task ApplyAsync(VolunteerEnded ended, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddVolunteerAsync(db, ended.VolunteerId, ended.OfficeId, cancellationToken)).EndedOn = BerlinTime.DateOf(ended.EndedAt);

    public async Task ApplyAsync(ShiftFilled filled, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddShiftAsync(db, filled.ShiftId, filled.OfficeId, cancellationToken)).Report(BerlinTime.DateOf(filled.StartsAt), filled: true, filled.FilledAt);

    public async Task ApplyAsync(ShiftShort shiftShort, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddShiftAsync(db, shiftShort.ShiftId, shiftShort.OfficeId, cancellationToken)).Report(BerlinTime.DateOf(shiftShort.StartsAt), filled: false, shiftShort.DetectedAt);

    public async Task ApplyAsync(TandemFormed formed, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var tandem = await FindOrAddTandemAsync(db, formed.TandemId, formed.OfficeId, cancellationToken);
        (tandem.StartsOn, tandem.PlannedEndOn) = (formed.StartsOn, formed.EndsOn);
    }

    public async Task ApplyAsync(TandemEnded ended, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddTandemAsync(db, ended.TandemId, ended.OfficeId, cancellationToken)).EndedOn = BerlinTime.DateOf(ended.EndedAt);

    public async Task ApplyAsync(VolunteerHoursLogged logged, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.FindOrAddAsync(logged.EntryId, () => new HoursEntry { EntryId = logged.EntryId }, cancellationToken);
        (entry.VolunteerId, entry.OfficeId, entry.FieldOfAction, entry.Date, entry.Hours) = (logged.VolunteerId, logged.OfficeId, logged.FieldOfAction, logged.Date, logged.Hours);
    }

    private static Task<VolunteerRecord> FindOrAddVolunteerAsync(ReportingDbContext db, Guid volunteerId, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(volunteerId, () => new VolunteerRecord { VolunteerId = volunteerId, OfficeId = officeId }, cancellationToken);

    private static Task<ShiftRecord> FindOrAddShiftAsync(ReportingDbContext db, Guid shiftId, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(shiftId, () => new ShiftRecord { ShiftId = shiftId, OfficeId = officeId }, cancellationToken);

    private static Task<TandemRecord> FindOrAddTandemAsync(ReportingDbContext db, Guid tandemId, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(tandemId, () => new TandemRecord { TandemId = tandemId, OfficeId = officeId }, cancellationToken);
}
