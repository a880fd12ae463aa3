namespace Quartier.Web;

/// <summary>The pages' texts: <c>Resources/Texts.resx</c> (German) and one file per further language.</summary>
public sealed class Texts;
