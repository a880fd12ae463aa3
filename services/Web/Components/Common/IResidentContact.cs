namespace Quartier.Web.Components.Common;

/// <summary>A resident form's name and ways to reach them, as <see cref="NameAndReach"/> asks for them.</summary>
public interface IResidentContact
{
    string? Name { get; set; }

    string? Phone { get; set; }

    string? Email { get; set; }
}
