namespace Quartier.Contracts.Offices;

/// <summary>
/// The ids of the three real offices the demo data registers (Offices' <c>demo-data</c> verb), so
/// the identity service's demo staff can be members of them. Fixed, so loading stays idempotent.
/// </summary>
public static class DemoOfficeIds
{
    /// <summary>Koordinierungsbüro Berliner Straße 92, Salzgitter.</summary>
    public static readonly Guid Salzgitter = new("0f1ce000-0000-4000-8000-000000000001");

    /// <summary>Stadtteilbüro Südstadt, Leinefelde-Worbis.</summary>
    public static readonly Guid Leinefelde = new("0f1ce000-0000-4000-8000-000000000002");

    /// <summary>Mittelpunkt Hüttenstraße, Stadthagen.</summary>
    public static readonly Guid Stadthagen = new("0f1ce000-0000-4000-8000-000000000003");
}
