using Microsoft.AspNetCore.Components.Routing;

namespace Telemetry.Portal.Components.Layout;

/// <summary>One entry of the header navigation.</summary>
/// <param name="Href">Relative link, e.g. <c>topology</c> ("" is the overview).</param>
/// <param name="LabelKey">Key of its label in <c>SharedResource</c>.</param>
/// <param name="Match">How the current address selects it.</param>
public sealed record NavItem(string Href, string LabelKey, NavLinkMatch Match = NavLinkMatch.Prefix);
