using Quartier.Contracts.Bookings;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;

namespace Quartier.Reporting.Callbacks;

public sealed class CallbackProjection :
    IProjection<CallbackRequested>,
    IProjection<CallbackAttempted>,
    IProjection<CallbackCompleted>,
    IProjection<CallbackUnreachable>,
    IProjection<CallbackOverdue>,
    IProjection<CallbackCancelled>
{
    public async Task ApplyAsync(CallbackRequested requested, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, requested.CallbackId, requested.OfficeId, cancellationToken)).Request(requested);

    public async Task ApplyAsync(CallbackAttempted attempted, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, attempted.CallbackId, attempted.OfficeId, cancellationToken)).Attempt(attempted);

    public async Task ApplyAsync(CallbackCompleted completed, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, completed.CallbackId, completed.OfficeId, cancellationToken)).Complete(completed);

    public async Task ApplyAsync(CallbackUnreachable unreachable, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, unreachable.CallbackId, unreachable.OfficeId, cancellationToken)).GiveUp(unreachable.ClosedAt);

    public async Task ApplyAsync(CallbackOverdue overdue, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, overdue.CallbackId, overdue.OfficeId, cancellationToken)).MarkOverdue(overdue.DetectedAt);

    public async Task ApplyAsync(CallbackCancelled cancelled, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, cancelled.CallbackId, cancelled.OfficeId, cancellationToken)).Cancel(cancelled.CancelledAt);

    private static Task<CallbackRecord> FindOrAddAsync(ReportingDbContext db, Guid callbackId, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(callbackId, () => new CallbackRecord { CallbackId = callbackId, OfficeId = officeId }, cancellationToken);
}
