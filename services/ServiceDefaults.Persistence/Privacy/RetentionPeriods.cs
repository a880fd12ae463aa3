using Microsoft.Extensions.Options;

namespace Quartier.ServiceDefaults.Privacy;

/// <summary>
/// A kind of personal data and how long it may be kept after it is done, in days: a default and the
/// limits a deployment (section <c>Retention</c>) or, where <see cref="PerOffice"/>, an office may choose within.
/// </summary>
public sealed record RetentionKind(string Name, int DefaultDays, int MinimumDays, int MaximumDays, bool PerOffice, string Kept)
{
    public static readonly RetentionKind Appointments = new("appointments", 30, 7, 180, true, "after the appointment");
    public static readonly RetentionKind Callbacks = new("callbacks", 30, 7, 180, true, "after the callback request is closed or its window passed");
    public static readonly RetentionKind Registrations = new("registrations", 90, 14, 365, true, "after the event");
    public static readonly RetentionKind Volunteers = new("volunteers", 365, 30, 730, true, "after the volunteer or tandem ended");
    public static readonly RetentionKind IdempotentAnswers = new("idempotentAnswers", 1, 1, 7, false, "after the request");
    public static readonly RetentionKind Mails = new("mails", 30, 1, 90, false, "after the message was sent, set aside or due");
    public static readonly RetentionKind AccessRecord = new("accessRecord", 730, 365, 1095, false, "after the read");

    public static readonly IReadOnlyList<RetentionKind> All = [Appointments, Callbacks, Registrations, Volunteers, IdempotentAnswers, Mails, AccessRecord];

    public bool Allows(int days) => days >= MinimumDays && days <= MaximumDays;

    public string LimitsText => $"between {MinimumDays} and {MaximumDays} days";

    public static RetentionKind? Named(string name) => All.FirstOrDefault(kind => string.Equals(kind.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The deployment's retention in days per kind (section <c>Retention</c>, e.g. <c>Retention:Appointments=60</c>); a kind not named keeps its default.</summary>
public sealed class RetentionPeriods : Dictionary<string, int>
{
    public const string Section = "Retention";

    public RetentionPeriods()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public int DaysFor(RetentionKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return TryGetValue(kind.Name, out var days) ? days : kind.DefaultDays;
    }

    public TimeSpan For(RetentionKind kind) => TimeSpan.FromDays(DaysFor(kind));
}

/// <summary>A service does not start with a retention outside its limits or of a kind that does not exist.</summary>
public sealed class RetentionPeriodsValidation : IValidateOptions<RetentionPeriods>
{
    public ValidateOptionsResult Validate(string? name, RetentionPeriods options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options
            .Select(setting => RetentionKind.Named(setting.Key) switch
            {
                null => $"{RetentionPeriods.Section}:{setting.Key} is no kind of data; the kinds are {string.Join(", ", RetentionKind.All.Select(kind => kind.Name))}.",
                var kind when !kind.Allows(setting.Value) => $"{RetentionPeriods.Section}:{setting.Key} is {setting.Value} days; it must lie {kind.LimitsText}.",
                _ => null,
            })
            .OfType<string>()
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
