using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Quartier.Offices.Data;

namespace Quartier.Offices.Directory;

/// <summary>Query string of the public office list.</summary>
public sealed record OfficeFilter(
    [FromQuery(Name = "town")] string? Town = null,
    [FromQuery(Name = "language")] string? Language = null,
    [FromQuery(Name = "fieldOfAction")] string? FieldOfAction = null,
    [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "includeClosed")] bool? IncludeClosed = null,
    [FromQuery(Name = "page")] int? Page = null,
    [FromQuery(Name = "pageSize")] int? PageSize = null);

internal static class OfficeQueries
{
    public const int DefaultPageSize = 20;
    private const string Escape = @"\";

    public static async Task<Ok<OfficePage>> ListOffices([AsParameters] OfficeFilter filter, OfficesDbContext db, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(filter.PageSize ?? DefaultPageSize, 1, OfficeLimits.MaxPageSize);
        var number = Math.Max(filter.Page ?? 1, 1);
        var query = Filter(db.Offices.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);

        // Counted in 64 bits: a page far past the end (up to int.MaxValue) is empty, not an overflow.
        var offset = (long)(number - 1) * size;
        var offices = offset >= total ? [] : await query
            .OrderBy(office => office.Name).ThenBy(office => office.Id)
            .Skip((int)offset).Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OfficePage([.. offices.Select(OfficeResponse.From)], number, size, total));
    }

    public static async Task<Results<Ok<OfficeResponse>, NotFound>> GetOffice(
        Guid id, OfficesDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        response.Headers.ETag = ETags.For(office);
        return TypedResults.Ok(OfficeResponse.From(office));
    }

    private static IQueryable<Office> Filter(IQueryable<Office> offices, OfficeFilter filter)
    {
        if (filter.IncludeClosed is not true)
        {
            offices = offices.Where(office => office.Status == OfficeStatus.Active);
        }

        if (!string.IsNullOrWhiteSpace(filter.Town))
        {
            var town = Literal(filter.Town.Trim());
            offices = offices.Where(office => EF.Functions.ILike(office.Town, town, Escape));
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            var language = filter.Language.Trim().ToLowerInvariant();
            offices = offices.Where(office => office.Languages.Contains(language));
        }

        if (!string.IsNullOrWhiteSpace(filter.FieldOfAction))
        {
            var field = filter.FieldOfAction.Trim();
            offices = offices.Where(office => office.FieldsOfAction.Contains(field));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = $"%{Literal(filter.Q.Trim())}%";
            offices = offices.Where(office =>
                EF.Functions.ILike(office.Name, pattern, Escape) || EF.Functions.ILike(office.Town, pattern, Escape) || EF.Functions.ILike(office.Kind, pattern, Escape));
        }

        return offices;
    }

    /// <summary>Text matched literally by ILIKE: its wildcards escaped with <see cref="Escape"/>.</summary>
    private static string Literal(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
