namespace Quartier.Offices.Directory;

/// <summary>Field lengths shared by validation and the database schema.</summary>
public static class OfficeLimits
{
    public const int Name = 200;
    public const int Kind = 100;
    public const int Street = 200;
    public const int Town = 100;
    public const int MaxPageSize = 100;
}
