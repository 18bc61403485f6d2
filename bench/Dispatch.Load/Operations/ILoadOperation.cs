using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Operations;

/// <summary>One kind of arrival of the mix.</summary>
public interface ILoadOperation
{
    OperationKind Kind { get; }

    /// <summary>Runs the arrival; false when there was nothing to act on and no call was made.</summary>
    Task<bool> ExecuteAsync(OperationCall arrival);
}
