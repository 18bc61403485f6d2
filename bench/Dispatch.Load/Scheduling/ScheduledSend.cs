namespace Dispatch.Load.Scheduling;

/// <summary>One arrival as the scheduler launches it: its index, when it should have been sent and when it was.</summary>
public readonly record struct ScheduledSend(long Index, long IntendedTimestamp, long LaunchTimestamp);
