using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class IncidentValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 3, 30, 0, TimeSpan.Zero);

    private static IncidentRequest Valid() => new()
    {
        Id = "inc-001",
        Location = new GeoPoint(29.65, 91.1),
        ReportedAt = new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.FromHours(8)),
        Fault = "flat_tire",
        Vehicle = new VehicleDocument { Model = "Sedan X", Powertrain = "bev", TireSpec = "255/45R20" },
        Priority = "p1",
        OnExpressway = true,
        AutoDispatch = false,
        Customer = new CustomerDocument { Name = "Zhang Wei", Phone = "+86 138 0000 0000" },
        Vin = "LSVAU2180N2000001",
        Notes = "Left front tyre.\nTwo children in the car.",
    };

    [Fact]
    public void Validate_ValidRequest_ReturnsTheIncident()
    {
        var result = IncidentValidator.Validate(Valid(), Now);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var incident = result.Incident;
        Assert.Equal(new GeoPoint(29.65, 91.1), incident.Location);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 3, 0, 0, TimeSpan.Zero), incident.ReportedAt);
        Assert.Equal(TimeSpan.Zero, incident.ReportedAt.Offset);
        Assert.Equal("flat_tire", incident.Fault);
        Assert.Equal("bev", incident.Powertrain);
        Assert.Equal("255/45R20", incident.TireSpec);
        Assert.Equal("p1", incident.Priority);
        Assert.True(incident.OnExpressway);
    }

    [Fact]
    public void Validate_MinimalRequest_AppliesDefaults()
    {
        var request = new IncidentRequest
        {
            Location = new GeoPoint(30, 91),
            Fault = "battery",
            Vehicle = new VehicleDocument { Powertrain = "ice" },
            Priority = "p3",
        };

        var result = IncidentValidator.Validate(request, Now);

        Assert.True(result.IsValid);
        Assert.Equal(Now, result.Incident.ReportedAt);
        Assert.False(result.Incident.OnExpressway);
        Assert.Null(result.Incident.TireSpec);
    }

    [Fact]
    public void Validate_UnknownFault_IsNotAnError()
    {
        // The engine answers cannot_serve_fault for a fault missing from the catalog.
        var result = IncidentValidator.Validate(Valid() with { Fault = "alien_abduction" }, Now);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_NullRequest_ReportsTheRoot()
    {
        var result = IncidentValidator.Validate(null, Now);

        Assert.False(result.IsValid);
        ErrorAssert.Single(result.Errors, "", "required");
    }

    [Fact]
    public void Validate_MissingLocation_ReportsLocation()
    {
        ErrorAssert.Single(IncidentValidator.Validate(Valid() with { Location = null }, Now).Errors, "location", "is required");
    }

    [Theory]
    [InlineData(90.5, 91.0, "location.lat", "from -90 to 90")]
    [InlineData(double.NaN, 91.0, "location.lat", "from -90 to 90")]
    [InlineData(30.0, 180.01, "location.lon", "from -180 to 180")]
    [InlineData(30.0, double.NegativeInfinity, "location.lon", "from -180 to 180")]
    public void Validate_LocationOutOfRange_ReportsTheComponent(double lat, double lon, string path, string message)
    {
        var result = IncidentValidator.Validate(Valid() with { Location = new GeoPoint(lat, lon) }, Now);

        ErrorAssert.Single(result.Errors, path, message);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "must not be empty")]
    [InlineData("   ", "must not be empty")]
    public void Validate_MissingFault_ReportsFault(string? fault, string message)
    {
        ErrorAssert.Single(IncidentValidator.Validate(Valid() with { Fault = fault }, Now).Errors, "fault", message);
    }

    [Fact]
    public void Validate_MissingVehicle_ReportsVehicle()
    {
        ErrorAssert.Single(IncidentValidator.Validate(Valid() with { Vehicle = null }, Now).Errors, "vehicle", "is required");
    }

    [Theory]
    [InlineData("diesel", "must be one of bev, erev, phev, ice (was 'diesel')")]
    [InlineData("BEV", "must be one of bev, erev, phev, ice (was 'BEV')")]
    [InlineData(null, "is required")]
    public void Validate_BadPowertrain_ReportsPowertrain(string? powertrain, string message)
    {
        var request = Valid() with { Vehicle = Valid().Vehicle! with { Powertrain = powertrain } };

        ErrorAssert.Single(IncidentValidator.Validate(request, Now).Errors, "vehicle.powertrain", message);
    }

    [Theory]
    [InlineData("bev")]
    [InlineData("erev")]
    [InlineData("phev")]
    [InlineData("ice")]
    public void Validate_EachPowertrain_IsAccepted(string powertrain)
    {
        var request = Valid() with { Vehicle = Valid().Vehicle! with { Powertrain = powertrain } };

        Assert.True(IncidentValidator.Validate(request, Now).IsValid);
    }

    [Theory]
    [InlineData("p0", "must be one of p1, p2, p3 (was 'p0')")]
    [InlineData("high", "must be one of p1, p2, p3 (was 'high')")]
    [InlineData(null, "is required")]
    public void Validate_BadPriority_ReportsPriority(string? priority, string message)
    {
        ErrorAssert.Single(IncidentValidator.Validate(Valid() with { Priority = priority }, Now).Errors, "priority", message);
    }

    [Fact]
    public void Validate_BlankTireSpec_ReportsTireSpec()
    {
        var request = Valid() with { Vehicle = Valid().Vehicle! with { TireSpec = " " } };

        ErrorAssert.Single(IncidentValidator.Validate(request, Now).Errors, "vehicle.tireSpec", "must not be empty");
    }

    [Theory]
    [InlineData("id", IncidentValidator.MaxIdLength)]
    [InlineData("fault", IncidentValidator.MaxFaultLength)]
    [InlineData("vehicle.tireSpec", IncidentValidator.MaxTireSpecLength)]
    [InlineData("vehicle.model", IncidentValidator.MaxModelLength)]
    [InlineData("vin", IncidentValidator.MaxVinLength)]
    [InlineData("customer.name", IncidentValidator.MaxCustomerNameLength)]
    [InlineData("customer.phone", IncidentValidator.MaxPhoneLength)]
    [InlineData("notes", IncidentValidator.MaxNotesLength)]
    public void Validate_TextOneOverItsLimit_ReportsTheField(string path, int limit)
    {
        var atLimit = WithText(path, new string('x', limit));
        var overLimit = WithText(path, new string('x', limit + 1));

        Assert.True(IncidentValidator.Validate(atLimit, Now).IsValid);
        ErrorAssert.Single(IncidentValidator.Validate(overLimit, Now).Errors, path, $"must be at most {limit} characters (was {limit + 1})");
    }

    [Fact]
    public void Validate_MegabyteNotes_ReportsNotesWithAShortMessage()
    {
        var result = IncidentValidator.Validate(Valid() with { Notes = new string('n', 1 << 20) }, Now);

        var error = ErrorAssert.Single(result.Errors, "notes", "must be at most 4000 characters");
        Assert.True(error.Message.Length < 200);
    }

    [Fact]
    public void Validate_MegabytePowertrain_EchoesOnlyAShortPrefix()
    {
        var request = Valid() with { Vehicle = Valid().Vehicle! with { Powertrain = new string('b', 1 << 20) } };

        var error = ErrorAssert.Single(IncidentValidator.Validate(request, Now).Errors, "vehicle.powertrain", "must be one of");
        Assert.True(error.Message.Length < 200);
    }

    [Theory]
    [InlineData("inc\u0000001")]
    [InlineData("inc\n001")]
    [InlineData("")]
    public void Validate_IdNotPrintable_ReportsId(string id)
    {
        Assert.Equal("id", Assert.Single(IncidentValidator.Validate(Valid() with { Id = id }, Now).Errors).Path);
    }

    [Fact]
    public void Validate_NotesWithLineBreaksAndTabs_AreAccepted()
    {
        Assert.True(IncidentValidator.Validate(Valid() with { Notes = "line one\r\n\tline two" }, Now).IsValid);
    }

    [Fact]
    public void Validate_NotesWithOtherControlCharacters_ReportsNotes()
    {
        ErrorAssert.Single(IncidentValidator.Validate(Valid() with { Notes = "bell \u0007" }, Now).Errors, "notes", "control characters");
    }

    [Fact]
    public void Validate_ManyErrors_ReportsEveryOne()
    {
        var request = new IncidentRequest
        {
            Id = new string('i', 200),
            Location = new GeoPoint(100, 200),
            Vehicle = new VehicleDocument { Powertrain = "steam", TireSpec = new string('t', 40) },
            Priority = "urgent",
            Customer = new CustomerDocument { Phone = new string('9', 41) },
        };

        var result = IncidentValidator.Validate(request, Now);

        Assert.False(result.IsValid);
        Assert.Null(result.Incident);
        Assert.Equal(
            ["id", "location.lat", "location.lon", "fault", "vehicle.powertrain", "vehicle.tireSpec", "priority", "customer.phone"],
            result.Errors.Select(e => e.Path));
        Assert.DoesNotContain(result.Errors, e => e.IsConflict);
    }

    private static IncidentRequest WithText(string path, string text)
    {
        var request = Valid();
        return path switch
        {
            "id" => request with { Id = text },
            "fault" => request with { Fault = text },
            "vehicle.tireSpec" => request with { Vehicle = request.Vehicle! with { TireSpec = text } },
            "vehicle.model" => request with { Vehicle = request.Vehicle! with { Model = text } },
            "vin" => request with { Vin = text },
            "customer.name" => request with { Customer = request.Customer! with { Name = text } },
            "customer.phone" => request with { Customer = request.Customer! with { Phone = text } },
            "notes" => request with { Notes = text },
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };
    }
}
