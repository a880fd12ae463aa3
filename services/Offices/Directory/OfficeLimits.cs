namespace Quartier.Offices.Directory;

/// <summary>Field lengths and counts shared by validation and the database schema.</summary>
public static class OfficeLimits
{
    public const int Name = 200;
    public const int Kind = 100;
    public const int Street = 200;
    public const int Town = 100;
    public const int OrganisationName = 200;
    public const int PersonName = 200;
    public const int ContactRole = 100;
    public const int Phone = 30;
    public const int Email = 254;
    public const int Notes = 2000;
    public const int Programme = 200;
    public const int AreaName = 200;
    public const int IndicatorName = 200;
    public const int Unit = 20;
    public const int Source = 500;
    public const int MaxPartners = 20;
    public const int MaxLanguages = 40;
    public const int MaxIndicators = 50;
    public const int MaxPageSize = 100;
}
