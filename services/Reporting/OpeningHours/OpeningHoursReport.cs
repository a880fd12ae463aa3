using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.OpeningHours;

/// <summary>Hours offered on the period's dates and how much of the capacity booked (not cancelled) appointments use.</summary>
public sealed record OpeningHoursReport(
    ReportHeader Header,
    decimal OfferedHours,
    int CapacityMinutes,
    int BookedMinutes,
    decimal? Utilisation) : ITabularReport
{
    public static async Task<OpeningHoursReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var offered = await report.InScope(report.Db.OpeningDays.AsNoTracking())
            .Where(d => d.Date >= report.From && d.Date <= report.To)
            .GroupBy(_ => 1)
            .Select(g => new { Minutes = g.Sum(d => d.OfferedMinutes), Capacity = g.Sum(d => d.CapacityMinutes) })
            .SingleOrDefaultAsync(report.CancellationToken);
        var bookedMinutes = await report.InScope(report.Db.Appointments.AsNoTracking())
            .Where(a => a.Booked && a.CancelledAt == null && a.Date >= report.From && a.Date <= report.To)
            .SumAsync(a => a.DurationMinutes, report.CancellationToken);
        var capacity = offered?.Capacity ?? 0;
        return new OpeningHoursReport(header, Math.Round((offered?.Minutes ?? 0) / 60m, 2), capacity, bookedMinutes, ReportMath.Share(bookedMinutes, capacity));
    }

    public IReadOnlyList<CsvTable> ToCsv() =>
        [new CsvTable(["offeredHours", "capacityMinutes", "bookedMinutes", "utilisation"], [[OfferedHours, CapacityMinutes, BookedMinutes, Utilisation]])];
}
