namespace Quartier.Engagement.Events;

public static class EventLimits
{
    public const int Title = 200;
    public const int Description = 4000;
    public const int Place = 300;
    public const int MaxCapacity = 10_000;
}
