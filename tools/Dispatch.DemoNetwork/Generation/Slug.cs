using System.Text;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>ASCII ids from GeoNames names ("Ürümqi" -> "urumqi", "Xi’an" -> "xian").</summary>
public static class Slug
{
    public static string From(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            var folded = ch switch
            {
                'Ü' or 'ü' => 'u',
                'ê' or 'é' or 'è' => 'e',
                _ => char.ToLowerInvariant(ch),
            };
            if (folded is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(folded);
            }
            else if (folded is ' ' or '-' && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
