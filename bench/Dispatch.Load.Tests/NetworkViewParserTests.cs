using Dispatch.Load.Workload;

namespace Dispatch.Load.Tests;

public class NetworkViewParserTests
{
    private const string Network = """
        {"parameters":{"faults":{"flat_tire":[{"mode":"onsite","types":["service_van"],"part":"TIRE-{tireSpec}"}],"battery":[]}},
         "regions":[{"code":"540000","name":"Tibet","geometry":{"type":"Polygon","coordinates":[]}}],
         "centers":[{"id":"c-lhasa","kind":"direct","location":{"lat":29.6,"lon":91.1},
                     "resources":[{"id":"r-1","type":"flatbed","status":"assigned"},{"id":"r-2","type":"service_van"}],
                     "stock":{"TIRE-255/45R20":{"onHand":4,"reserved":1},"BATT-12V":{"onHand":2.0,"reserved":0}}},
                    {"id":"p-nagqu","kind":"partner","resources":[],"stock":{"TIRE-205/55R16":{"onHand":1,"reserved":0},"TIRE-255/45R20":{"onHand":0,"reserved":0}}}],
         "demandPoints":[{"id":"d-1","location":{"lat":29.6,"lon":91.1},"weight":3},{"id":"d-bad","weight":1}],
         "rules":[]}
        """;

    [Fact]
    public void Parse_NetworkDocument_ReadsWhatTheGeneratorUses()
    {
        var view = NetworkViewParser.Parse(Network);

        Assert.Equal(["flat_tire", "battery"], view.Faults);
        Assert.Equal(["c-lhasa", "p-nagqu"], view.Centers.Select(c => c.Id));
        Assert.Equal("available", view.Centers[0].Resources[1].Status);
        Assert.Equal([new Coordinates(29.6, 91.1)], view.DemandPoints);
        Assert.Equal(["205/55R16", "255/45R20"], view.TireSpecs);
    }

    [Fact]
    public void StockLevels_EveryCenterAndSku_KeyedTogether()
    {
        var levels = NetworkViewParser.Parse(Network).StockLevels();

        Assert.Equal(4, levels.Count);
        Assert.Equal(new StockCount(4, 1), levels[new StockKey("c-lhasa", "TIRE-255/45R20")]);
        Assert.Equal(new StockCount(2, 0), levels[new StockKey("c-lhasa", "BATT-12V")]);
    }
}
