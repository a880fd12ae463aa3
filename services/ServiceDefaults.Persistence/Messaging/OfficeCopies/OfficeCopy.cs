using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Offices;

namespace Quartier.ServiceDefaults.Messaging.OfficeCopies;

/// <summary>What an office event says about the office's public data, whichever event carries it, and as of when.</summary>
public sealed record OfficeDescription(Guid OfficeId, string Name, string Kind, string Street, string PostalCode, string Town, string FederalState, string TimeZone, ProjectAreaInfo? ProjectArea, DateTimeOffset AsOf)
{
    public static OfficeDescription Of(OfficeRegistered registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return new(registered.OfficeId, registered.Name, registered.Kind, registered.Street, registered.PostalCode, registered.Town, registered.FederalState, registered.TimeZone, registered.ProjectArea, registered.RegisteredAt);
    }

    public static OfficeDescription Of(OfficeUpdated updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return new(updated.OfficeId, updated.Name, updated.Kind, updated.Street, updated.PostalCode, updated.Town, updated.FederalState, updated.TimeZone, updated.ProjectArea, updated.UpdatedAt);
    }
}

/// <summary>
/// A service's own copy of an office, kept from the Offices service's events so that it converges to
/// the office's latest state whatever order the events arrive in and however often: data is taken
/// only from an event newer than the data held, and a closure is final, kept even when it overtakes
/// the registration (the copy then waits, closed, for its data). Every service's copy follows this.
/// </summary>
public abstract class OfficeCopy
{
    public Guid OfficeId { get; init; }

    /// <summary>When Offices made the change the data held here comes from; null while only a closure has arrived.</summary>
    public DateTimeOffset? DescribedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Open, and known: a copy only a closure made takes nothing.</summary>
    public bool IsOpen => ClosedAt is null && DescribedAt is not null;

    /// <summary>Takes the description unless the data held is as new or newer (a repeated or overtaken event).</summary>
    public void Describe(OfficeDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (DescribedAt >= description.AsOf)
        {
            return;
        }

        Take(description);
        DescribedAt = description.AsOf;
    }

    /// <summary>Closes the copy for good; true only the first time, when what depends on the office must follow.</summary>
    public bool Close(DateTimeOffset closedAt)
    {
        if (ClosedAt is not null)
        {
            return false;
        }

        ClosedAt = closedAt;
        return true;
    }

    /// <summary>Copies what this service keeps of the office's data.</summary>
    protected abstract void Take(OfficeDescription description);
}

public static class OfficeCopies
{
    /// <summary>The copy of the office, made (empty, to be described or closed) when this is the first event about it.</summary>
    public static async Task<TCopy> FindOrAddAsync<TCopy>(this DbSet<TCopy> copies, Guid officeId, CancellationToken cancellationToken)
        where TCopy : OfficeCopy, new()
    {
        ArgumentNullException.ThrowIfNull(copies);
        if (await copies.FindAsync([officeId], cancellationToken) is { } copy)
        {
            return copy;
        }

        copy = new TCopy { OfficeId = officeId };
        copies.Add(copy);
        return copy;
    }
}
