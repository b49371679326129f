using Microsoft.AspNetCore.Localization;

namespace Telemetry.Portal.Localization;

/// <summary><c>GET /culture/set?culture=en&amp;redirectUri=/topology</c>: stores the language in the culture cookie and goes back.</summary>
internal static class CultureEndpoint
{
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (!PortalCultures.Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                return Results.BadRequest($"unsupported culture '{culture}'; use one of {string.Join(", ", PortalCultures.Supported)}");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

            // Only local targets: an open redirect would let a link to the portal bounce users elsewhere.
            return Results.LocalRedirect(string.IsNullOrEmpty(redirectUri) || !IsLocal(redirectUri) ? "/" : redirectUri);
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static bool IsLocal(string uri) =>
        uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.StartsWith("/\\", StringComparison.Ordinal);
}
