using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Simulators;

public sealed class PvSimulatorTests
{
    private static readonly DateOnly Day = new(2026, 5, 10);

    public static TheoryData<StationClass> Classes => [StationClass.Household, StationClass.Village, StationClass.National];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Next_ThreeDays_LifetimeMeterNeverDecreasesAndGrowsByTheReportedEnergy(StationClass cls)
    {
        var station = TestFleet.SampleFleet.Stations.First(s => s.Class == cls);
        var from = ChinaTime.StartOfDay(Day).AddHours(9.5);
        var readings = Simulate.Readings<PvReading>(station, from, from.AddDays(3));

        for (var i = 1; i < readings.Count; i++)
        {
            Assert.True(readings[i].EnergyTotalKwh >= readings[i - 1].EnergyTotalKwh, $"meter went back at {readings[i].Timestamp:O}");
        }

        // The meter counts what the inverter delivered: its growth matches the integral of reported power (±1%).
        var integral = 0.0;
        for (var i = 1; i < readings.Count; i++)
        {
            integral += (readings[i].PowerKw + readings[i - 1].PowerKw) / 2 * (readings[i].Timestamp - readings[i - 1].Timestamp).TotalHours;
        }

        var growth = readings[^1].EnergyTotalKwh - readings[0].EnergyTotalKwh;
        Assert.True(growth > 0);
        Assert.InRange(growth, integral * 0.99 - 0.05, integral * 1.01 + 0.05);
    }

    [Fact]
    public void Next_AcrossLocalMidnight_EnergyTodayResetsToZeroAndTracksTheMeterWithinTheDay()
    {
        var station = TestFleet.SampleFleet.Stations.First(s => s.Class == StationClass.Village);
        var from = ChinaTime.StartOfDay(Day).AddHours(6);
        var readings = Simulate.Readings<PvReading>(station, from, from.AddDays(2));

        var midnight = ChinaTime.StartOfDay(Day.AddDays(1));
        var atMidnight = readings.Single(r => r.Timestamp == midnight);
        var lastBefore = readings.Last(r => r.Timestamp < midnight);
        Assert.Equal(0, atMidnight.EnergyDayKwh);
        Assert.True(lastBefore.EnergyDayKwh > 50, $"a 100-kWp-class station makes more than 50 kWh a May day, got {lastBefore.EnergyDayKwh}");

        foreach (var day in readings.GroupBy(r => ChinaTime.LocalDate(r.TimestampMs)))
        {
            var offsets = day.Select(r => r.EnergyTotalKwh - r.EnergyDayKwh!.Value).ToList();
            Assert.InRange(offsets.Max() - offsets.Min(), 0, 0.02); // e_total − e_day is the meter at midnight
        }
    }

    [Fact]
    public void Start_MidDay_EnergyTodayIncludesTheMorningAndMeterStartsFromCommissioningEstimate()
    {
        var station = TestFleet.SampleFleet.Stations.First(s => s.Class == StationClass.Village);
        var noon = ChinaTime.StartOfDay(Day).AddHours(13);

        var first = Simulate.Readings<PvReading>(station, noon, noon.AddMinutes(1)).Single();

        var days = Day.DayNumber - station.Commissioned.DayNumber;
        var estimate = station.CapacityKwp * 3.7 * days;
        Assert.True(first.EnergyDayKwh > 0.5 * station.CapacityKwp * 0.3, "by 13:00 the morning's energy is already on the day counter");
        Assert.InRange(first.EnergyTotalKwh - first.EnergyDayKwh!.Value, estimate * 0.999, estimate * 1.001);
    }

    [Fact]
    public void Next_SameTimestampsInTwoRuns_IdenticalReadings()
    {
        var station = TestFleet.SampleFleet.Stations[3];
        var from = ChinaTime.StartOfDay(Day).AddHours(10);

        var a = Simulate.Readings<PvReading>(station, from, from.AddHours(2));
        var b = Simulate.Readings<PvReading>(station, from.AddHours(1), from.AddHours(2));

        var fromA = a.Where(r => r.Timestamp >= from.AddHours(1)).ToList();
        Assert.Equal(fromA.Count, b.Count);
        for (var i = 0; i < b.Count; i++)
        {
            Assert.Equal(fromA[i].PowerKw, b[i].PowerKw);
            Assert.Equal(fromA[i].EnergyTotalKwh, b[i].EnergyTotalKwh, 1);
            Assert.Equal(fromA[i].Seq, b[i].Seq);
        }
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Next_DayAndNight_StateElectricsAndSensorsArePlausible(StationClass cls)
    {
        var station = TestFleet.SampleFleet.Stations.First(s => s.Class == cls);
        var readings = Simulate.Readings<PvReading>(station, ChinaTime.StartOfDay(Day), ChinaTime.StartOfDay(Day.AddDays(1)));

        var night = readings.Where(r => ChinaTime.ToLocal(r.Timestamp).Hour is < 4 or >= 21).ToList();
        Assert.All(night, r =>
        {
            Assert.Equal(0, r.PowerKw);
            Assert.Equal(InverterState.Standby, r.State);
            Assert.Equal(0, r.DcVoltage);
        });

        var producing = readings.Where(r => r.PowerKw > 0.2 * station.AcRatingKw).ToList();
        Assert.NotEmpty(producing);
        Assert.All(producing, r =>
        {
            Assert.Equal(InverterState.Running, r.State);
            Assert.True(r.PowerKw <= station.AcRatingKw);
            Assert.InRange(r.DcVoltage!.Value * r.DcCurrent!.Value / 1000, r.PowerKw, r.PowerKw * 1.15); // DC ≥ AC, inverter ≥ 87%
            Assert.True(r.InverterTempC > r.ModuleTempC.GetValueOrDefault(-100) - 40);
        });

        // China's LV grid is 220 V phase; national plants use 800 V-line inverters (462 V phase). ±10% is the trip band.
        var nominal = cls == StationClass.National ? 462 : 220;
        Assert.All(readings, r =>
        {
            Assert.InRange(r.AcVoltage!.Value, nominal * 0.95, nominal * 1.06);
            Assert.InRange(r.FrequencyHz!.Value, 49.9, 50.1);
            Assert.Equal(station.HasIrradianceSensor, r.IrradianceWm2 is not null);
            Assert.Equal(station.HasIrradianceSensor, r.ModuleTempC is not null);
        });
    }

    [Fact]
    public void Next_StationsInOneCounty_SeeSimilarCloudsOnTheSameDay()
    {
        var fleet = TestFleet.SampleFleet;
        var village = fleet.Stations.Where(s => s.Class == StationClass.Village).GroupBy(s => s.Village.County.Id).First(g => g.Count() >= 3).ToList();
        var day = ChinaTime.StartOfDay(new DateOnly(2026, 6, 3));

        var yields = village.Select(s =>
            Simulate.Readings<PvReading>(s, day, day.AddDays(1)).Last().EnergyDayKwh!.Value / s.CapacityKwp).ToList();

        // Peers in one county differ by orientation and local clouds, not by weather regime: within ±25% of their median.
        var median = yields.Order().ElementAt(yields.Count / 2);
        Assert.All(yields, y => Assert.InRange(y, median * 0.75, median * 1.25));
    }
}
