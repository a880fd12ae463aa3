using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Quartier.ServiceDefaults.Privacy;

/// <summary>An office's own retention of one kind of its residents' data, kept by the service that holds that data.</summary>
public sealed class OfficeRetention
{
    public Guid OfficeId { get; init; }

    public string Kind { get; init; } = string.Empty;

    public int Days { get; set; }

    public DateTimeOffset SetAt { get; set; }
}

/// <summary>
/// Offices whose data of one kind is done before <see cref="DoneBefore"/> may go: one office, or when
/// <see cref="AllBut"/>, every office except those with a retention of their own.
/// </summary>
public sealed record RetentionScope(DateTimeOffset DoneBefore, IReadOnlyList<Guid> Offices, bool AllBut);

public static class OfficeRetentions
{
    public static ModelBuilder AddOfficeRetention(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OfficeRetention>(retention =>
        {
            retention.ToTable("OfficeRetention");
            retention.HasKey(r => new { r.OfficeId, r.Kind });
            retention.Property(r => r.Kind).HasMaxLength(50);
        });
        return modelBuilder;
    }

    /// <summary>The scopes a retention job works through for <paramref name="kind"/>: the offices on the deployment's period, then each office on its own.</summary>
    public static async Task<IReadOnlyList<RetentionScope>> RetentionScopesAsync(
        this DbContext db, RetentionKind kind, RetentionPeriods periods, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(periods);
        var own = await db.Set<OfficeRetention>().AsNoTracking().Where(r => r.Kind == kind.Name).ToListAsync(cancellationToken);
        return
        [
            new RetentionScope(now - periods.For(kind), [.. own.Select(r => r.OfficeId)], AllBut: true),
            .. own.Select(r => new RetentionScope(now - TimeSpan.FromDays(r.Days), [r.OfficeId], AllBut: false)),
        ];
    }

    /// <summary>The rows of the offices the scope covers.</summary>
    public static IQueryable<T> Of<T>(this IQueryable<T> rows, RetentionScope scope, Expression<Func<T, Guid>> officeOf)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(officeOf);
        var offices = scope.Offices.ToList();
        Expression covered = Expression.Call(Expression.Constant(offices), typeof(List<Guid>).GetMethod(nameof(List<Guid>.Contains))!, officeOf.Body);
        if (scope.AllBut)
        {
            covered = Expression.Not(covered);
        }

        return rows.Where(Expression.Lambda<Func<T, bool>>(covered, officeOf.Parameters));
    }
}
