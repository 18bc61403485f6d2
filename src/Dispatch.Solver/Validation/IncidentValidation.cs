using System.Diagnostics.CodeAnalysis;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Validation;

/// <summary>The outcome of validating an incident body: the solver's incident, or every error found.</summary>
public sealed class IncidentValidation
{
    private IncidentValidation(Incident? incident, IReadOnlyList<ValidationError> errors)
    {
        Incident = incident;
        Errors = errors;
    }

    /// <summary>The solver's incident; null when the body is invalid.</summary>
    public Incident? Incident { get; }

    /// <summary>Empty when the body is valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when <see cref="Incident"/> is set and there are no errors.</summary>
    [MemberNotNullWhen(true, nameof(Incident))]
    public bool IsValid => Incident is not null;

    /// <summary>A body that passed every check.</summary>
    public static IncidentValidation Valid(Incident incident) => new(incident ?? throw new ArgumentNullException(nameof(incident)), []);

    /// <summary>A rejected body; there must be at least one error.</summary>
    public static IncidentValidation Invalid(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("an invalid outcome needs at least one error", nameof(errors));
        }

        return new IncidentValidation(null, errors);
    }
}
