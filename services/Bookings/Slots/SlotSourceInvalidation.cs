using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;

namespace Quartier.Bookings.Slots;

/// <summary>
/// Makes the <see cref="SlotSourceCache"/> forget when a context saves a change to a service, an office
/// or a schedule: before the save, and again once it is visible to other connections (after the save,
/// or at commit inside a transaction), so that no source read in between outlives the change.
/// </summary>
public sealed class SlotSourceInvalidation(SlotSourceCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> changing = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ForgetIfSourcesChange(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ForgetIfSourcesChange(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetOnceVisible(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetOnceVisible(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetOnceVisible(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetOnceVisible(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => ForgetIfChanging(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfChanging(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ForgetIfChanging(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfChanging(eventData.Context);
        return Task.CompletedTask;
    }

    private void ForgetIfSourcesChange(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(IsSourceChange))
        {
            cache.Forget();
            changing.AddOrUpdate(context, context);
        }
    }

    private void ForgetOnceVisible(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            ForgetIfChanging(context);
        }
    }

    private void ForgetIfChanging(DbContext? context)
    {
        if (context is not null && changing.Remove(context))
        {
            cache.Forget();
        }
    }

    private static bool IsSourceChange(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.Entity is AppointmentService or BookableOffice or OfficeSchedule
        && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;
}
