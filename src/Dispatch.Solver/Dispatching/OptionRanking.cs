namespace Dispatch.Solver.Dispatching;

/// <summary>Orders options (docs/dispatch-semantics.md "Score", "Policies"): by score, then eta, then ordinal resource
/// id, then mode catalog order; <see cref="RankingPolicy.Closest"/> by eta, then id, then mode.</summary>
internal sealed class OptionRanking(int[] ordinalRank, RankingPolicy policy) : IComparer<CandidateOption>
{
    public RankingPolicy Policy { get; } = policy;

    public double KeyOf(in CandidateOption option) => Policy == RankingPolicy.Closest ? option.EtaMin : option.Score;

    public int Compare(CandidateOption x, CandidateOption y)
    {
        if (Policy == RankingPolicy.Coverage)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }
        }

        var byEta = x.EtaMin.CompareTo(y.EtaMin);
        if (byEta != 0)
        {
            return byEta;
        }

        var byId = ordinalRank[x.Resource].CompareTo(ordinalRank[y.Resource]);
        return byId != 0 ? byId : x.Mode.CompareTo(y.Mode);
    }
}
