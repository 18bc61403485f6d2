using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Validates an incident body (docs/api.md "Recommendations") and turns it into the solver's
/// <see cref="Incident"/>.</summary>
/// <remarks>Whether the fault is in the catalog and whether the location is in the served area are not
/// checked here: the engine answers those (<c>cannot_serve_fault</c>, 422 outside the served area).
/// Every text has a maximum length so that an oversized field is a 400 and never a stored blob.</remarks>
public static class IncidentValidator
{
    /// <summary>Longest <c>id</c>; the id becomes a case's URL segment.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest <c>fault</c>; catalog keys are short words.</summary>
    public const int MaxFaultLength = 64;

    /// <summary>Longest <c>vehicle.tireSpec</c>, a size code such as <c>205/55R16</c>.</summary>
    public const int MaxTireSpecLength = 32;

    /// <summary>Longest <c>vehicle.model</c>.</summary>
    public const int MaxModelLength = 64;

    /// <summary>Longest <c>vin</c>; a real VIN has 17 characters.</summary>
    public const int MaxVinLength = 32;

    /// <summary>Longest <c>customer.name</c>.</summary>
    public const int MaxCustomerNameLength = 200;

    /// <summary>Longest <c>customer.phone</c>, room for an international number with separators.</summary>
    public const int MaxPhoneLength = 40;

    /// <summary>Longest <c>notes</c>, the only text that may hold line breaks.</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Every error of the body by its JSON path, or the incident with <c>reportedAt</c> in UTC and
    /// <c>onExpressway</c> defaulted to false.</summary>
    /// <param name="request">The body as read.</param>
    /// <param name="now">The time the request arrived; the default of <c>reportedAt</c>.</param>
    public static IncidentValidation Validate(IncidentRequest? request, DateTimeOffset now)
    {
        var errors = new ValidationErrorSink();
        if (request is null)
        {
            errors.Add("", "the incident body is required");
            return IncidentValidation.Invalid(errors.Errors);
        }

        if (errors.OptionalText("id", request.Id, MaxIdLength, allowBlank: false) && request.Id is not null && !IsUrlSafeId(request.Id))
        {
            errors.Add("id", $"must not contain any of {UnsafeIdCharacters} or spaces: the id is part of the case's URL");
        }

        if (request.ReportedAt is { } reported && !RequestLimits.IsPlausibleYear(reported.UtcDateTime.Year))
        {
            errors.Add("reportedAt", RequestLimits.TimeMessage);
        }

        errors.RequirePoint("location", request.Location);
        errors.RequireText("fault", request.Fault, MaxFaultLength);
        CheckVehicle(errors, request.Vehicle);
        CheckPriority(errors, request.Priority);

        if (request.Customer is not null)
        {
            errors.OptionalText("customer.name", request.Customer.Name, MaxCustomerNameLength);
            errors.OptionalText("customer.phone", request.Customer.Phone, MaxPhoneLength);
        }

        errors.OptionalText("vin", request.Vin, MaxVinLength);
        errors.OptionalText("notes", request.Notes, MaxNotesLength, allowLineBreaks: true);

        if (errors.Errors.Count > 0)
        {
            return IncidentValidation.Invalid(errors.Errors);
        }

        return IncidentValidation.Valid(new Incident(
            request.Location!,
            (request.ReportedAt ?? now).ToUniversalTime(),
            request.Fault!,
            request.Vehicle!.Powertrain!,
            request.Vehicle.TireSpec,
            request.Priority!,
            request.OnExpressway ?? false));
    }

    /// <summary>Characters an id may not hold, because they would not survive in a URL path segment.</summary>
    public const string UnsafeIdCharacters = "/\\?#%";

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(UnsafeIdCharacters);

    /// <summary>True when the id can be a URL path segment as it is.</summary>
    public static bool IsUrlSafeId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.AsSpan().IndexOfAny(Unsafe) < 0 && !id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    private static void CheckVehicle(ValidationErrorSink errors, VehicleDocument? vehicle)
    {
        if (!errors.Require("vehicle", vehicle))
        {
            return;
        }

        if (errors.Require("vehicle.powertrain", vehicle!.Powertrain) && !DocumentVocabulary.Powertrains.Contains(vehicle.Powertrain, StringComparer.Ordinal))
        {
            errors.Add("vehicle.powertrain", $"must be one of bev, erev, phev, ice (was {ValidationErrorSink.Quote(vehicle.Powertrain)})");
        }

        // A blank tyre spec would resolve a part template to a SKU like "TIRE-"; an unknown spec is left out.
        errors.OptionalText("vehicle.tireSpec", vehicle.TireSpec, MaxTireSpecLength, allowBlank: false);
        errors.OptionalText("vehicle.model", vehicle.Model, MaxModelLength);
    }

    private static void CheckPriority(ValidationErrorSink errors, string? priority)
    {
        if (errors.Require("priority", priority) && !DocumentVocabulary.Priorities.Contains(priority, StringComparer.Ordinal))
        {
            errors.Add("priority", $"must be one of p1, p2, p3 (was {ValidationErrorSink.Quote(priority)})");
        }
    }
}
