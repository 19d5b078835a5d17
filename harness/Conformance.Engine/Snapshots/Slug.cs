using System.Text;

namespace Conformance.Engine.Snapshots;

/// <summary>File-name-safe forms of names: lower case, letters and digits, single hyphens.</summary>
internal static class Slug
{
    /// <summary>At most 120 characters of <paramref name="name"/> as a slug.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        foreach (var character in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(character);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length <= 120 ? text : text[..120].TrimEnd('-');
    }
}
