namespace Quartier.Contracts.Offices;

// Parts of an office's public data carried by OfficeRegistered and OfficeUpdated. Organisations are
// public bodies; the office's contact person is deliberately not part of any event.

/// <summary>An organisation running or supporting the office; role is a code such as <c>town</c> or <c>housing-company</c>.</summary>
public sealed record OfficePartnerInfo(string Name, string Role, bool Operates);

public sealed record OfficeAccessibilityInfo(bool? StepFreeEntrance, bool? AccessibleToilet, bool? HearingLoop, string? Notes);

/// <summary>The funding programme (e.g. "Sozialer Zusammenhalt") and the period it is granted for.</summary>
public sealed record OfficeFundingInfo(string? Programme, DateOnly? Start, DateOnly? End);

/// <summary>The area an office serves, with indicators compared against the whole town.</summary>
public sealed record ProjectAreaInfo(string Name, int? Population, string? Boundary, IReadOnlyList<AreaIndicatorInfo> Indicators);

/// <summary>One indicator of a project area; a value is null where it is not recorded.</summary>
public sealed record AreaIndicatorInfo(
    string Name, decimal? AreaValue, decimal? TownValue, string Unit, string? Source, DateOnly? AsOf, string? Note);
