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

    public Incident? Incident { get; }

    /// <summary>Empty when the body is valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Incident))]
    public bool IsValid => Incident is not null;

    public static IncidentValidation Valid(Incident incident) => new(incident ?? throw new ArgumentNullException(nameof(incident)), []);

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
