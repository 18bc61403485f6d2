namespace Dispatch.Solver.Placement;

/// <summary>Travel costs of every candidate site to every demand point, stored as one flat row per site so that the
/// local search, which sweeps all clients of one site, reads memory in order.</summary>
internal sealed class CostMatrix
{
    public CostMatrix(int sites, int clients, double[] values)
    {
        if (values.Length != (long)sites * clients)
        {
            throw new ArgumentException($"expected {sites} x {clients} values, got {values.Length}", nameof(values));
        }

        Sites = sites;
        Clients = clients;
        Values = values;
    }

    public int Sites { get; }

    public int Clients { get; }

    /// <summary><c>Values[site * Clients + client]</c>.</summary>
    public double[] Values { get; }

    public double this[int site, int client] => Values[(site * Clients) + client];

    public ReadOnlySpan<double> Row(int site) => Values.AsSpan(site * Clients, Clients);

    public static CostMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows, int clients)
    {
        var values = new double[rows.Count * clients];
        for (var s = 0; s < rows.Count; s++)
        {
            for (var d = 0; d < clients; d++)
            {
                values[(s * clients) + d] = rows[s][d];
            }
        }

        return new CostMatrix(rows.Count, clients, values);
    }
}
