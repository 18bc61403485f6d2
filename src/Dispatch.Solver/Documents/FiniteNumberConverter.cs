using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>Reads a JSON number as a double only when it is finite: <c>1e400</c> is an error, not infinity.</summary>
public sealed class FiniteNumberConverter : JsonConverter<double>
{
    /// <inheritdoc />
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("expected a number");
        }

        return reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new JsonException("the number is out of range");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
