using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="ITimeSeriesStore"/> adapter must do, run against each of them (SQLite and the real InfluxDB): the
/// API's history and the portal's charts then read the same from either.
/// </summary>
public abstract class TimeSeriesStoreContract : IAsyncLifetime
{
    private const double Tolerance = 1e-9;

    /// <summary>Local midnight of 2026-10-30 (UTC+8): the test data spans a month end.</summary>
    protected static readonly DateTimeOffset Day0 = ChinaTime.StartOfDay(new DateOnly(2026, 10, 30));

    protected static FleetRegistry Fleet => StoreFleet.Fleet;

    protected ITimeSeriesStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(Fleet);
        await Store.InitializeAsync(default);
    }

    public virtual Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return Store is IAsyncDisposable a ? a.DisposeAsync().AsTask() : Task.CompletedTask;
    }

    protected abstract Task<ITimeSeriesStore> CreateStoreAsync(FleetRegistry fleet);

    /// <summary>Removes raw readings older than <paramref name="before"/> as the store's retention would.</summary>
    protected abstract Task ExpireRawAsync(DateTimeOffset before);

    /// <summary>The daily aggregate of one day's readings, computed here (readings in time order, the last of a device time wins).</summary>
    protected static DailyMeter Aggregate(IEnumerable<PvReading> readings)
    {
        var day = readings.GroupBy(r => r.TimestampMs).Select(g => g.Last()).OrderBy(r => r.TimestampMs).ToList();
        var steps = day.Zip(day.Skip(1), (x, y) => y.EnergyTotalKwh - x.EnergyTotalKwh).ToList();
        return new DailyMeter(
            ChinaTime.LocalDate(day[0].TimestampMs),
            day[0].EnergyTotalKwh,
            day[^1].EnergyTotalKwh,
            day.Count,
            day[0].Timestamp,
            day[^1].Timestamp,
            day.Min(r => r.EnergyTotalKwh),
            steps.Where(s => s > 0).Sum(),
            steps.Count(s => s < 0));
    }

    [Fact]
    public async Task Write_EveryFieldOfEveryKind_ReadsBackExactly()
    {
        var station = Station("PV-V001");
        var full = new PvReading
        {
            Device = station,
            TimestampMs = Day0.AddHours(10).ToUnixTimeMilliseconds() + 123,
            Seq = 4_000_000_000L,
            PowerKw = 61.5,
            EnergyTotalKwh = 123_456.789012,
            EnergyDayKwh = 0.1,
            DcVoltage = 612.3,
            DcCurrent = 1.23E-07,
            AcVoltage = 230.1,
            FrequencyHz = 50,
            InverterTempC = -3.25,
            IrradianceWm2 = 1E+20,
            ModuleTempC = 41.7,
            State = InverterState.Fault,
            Faults = [2034, 2035],
        };
        var minimal = new PvReading { Device = station, TimestampMs = full.TimestampMs + 60_000, PowerKw = 0, EnergyTotalKwh = 123_456.8 };
        var barn = (Barn)Fleet.Barns[0];
        var fullBarn = new BarnReading
        {
            Device = barn,
            TimestampMs = full.TimestampMs,
            Seq = 7,
            TempC = 19.5,
            HumidityPct = 62,
            Nh3Ppm = 8.5,
            Co2Ppm = 1800,
            H2sPpm = 0.3,
            FanStage = 2,
            FanRpm = [1200, 0, 1180],
            WaterL = 35.2,
            FeedKg = 12.25,
            Power = PowerSource.Battery,
        };
        var minimalBarn = new BarnReading { Device = barn, TimestampMs = full.TimestampMs + 60_000, TempC = -5, HumidityPct = 100 };

        await Store.WriteAsync([full, minimal, fullBarn, minimalBarn], default);

        var pv = await Store.ReadPvAsync(station.Id, Day0, Day0.AddDays(1), default);
        Assert.Equal([PvText(full), PvText(minimal)], pv.Select(PvText));
        var barns = await Store.ReadBarnAsync(barn.Id, Day0, Day0.AddDays(1), default);
        Assert.Equal([BarnText(fullBarn), BarnText(minimalBarn)], barns.Select(BarnText));
    }

    [Fact]
    public async Task Write_TagsThatNeedEscaping_ReadBackUnderTheirDevice()
    {
        var barn = (Barn)Fleet.Barns.Single(b => b.Id == StoreFleet.EscapedBarn);
        Assert.Equal(StoreFleet.AwkwardStage, barn.Stage);
        var reading = new BarnReading { Device = barn, TimestampMs = Day0.ToUnixTimeMilliseconds(), TempC = 21, HumidityPct = 55, Nh3Ppm = 3 };

        await Store.WriteAsync([reading], default);

        Assert.Equal([BarnText(reading)], (await Store.ReadBarnAsync(barn.Id, Day0, Day0.AddHours(1), default)).Select(BarnText));
        Assert.Contains(await Store.ReadLatestAsync(default), r => r.Device == barn && r.TimestampMs == reading.TimestampMs);
    }

    [Fact]
    public async Task Write_SameReadingsAgainAndOverlapping_LeavesOnePointPerDeviceTime()
    {
        var station = Station("PV-V002");
        var first = Meter(station, Day0.AddHours(9), count: 30, everySeconds: 60, startKwh: 1000);
        var overlapping = Meter(station, Day0.AddHours(9).AddMinutes(20), count: 20, everySeconds: 60, startKwh: 1000 + (20 * 0.5));

        await Store.WriteAsync(first, default);
        await Store.WriteAsync(first, default);
        await Store.WriteAsync(overlapping, default);

        var stored = await Store.ReadPvAsync(station.Id, Day0, Day0.AddDays(1), default);
        Assert.Equal(40, stored.Count);
        Assert.Equal(stored.Select(r => r.TimestampMs).Distinct(), stored.Select(r => r.TimestampMs));
        var hourly = await Store.ReadPvSeriesAsync(station.Id, Day0, Day0.AddDays(1), SeriesResolution.Day, default);
        Assert.Equal(40, Assert.Single(hourly).Readings);
    }

    [Fact]
    public async Task ReadAll_EveryDeviceOfBothKindsInTheRange_OldestFirst()
    {
        var a = Station("PV-V004");
        var b = Station("PV-H003");
        var barn = (Barn)Fleet.Barns.Single(x => x.Id == StoreFleet.EscapedBarn);
        var from = Day0.AddHours(10);
        var to = from.AddHours(1);
        Reading[] inside =
        [
            Pv(a, from, 1, 100), Climate(barn, from.AddMinutes(5), 21), Pv(b, from.AddMinutes(5), 2, 200), Pv(a, to.AddMilliseconds(-1), 3, 101),
        ];
        Reading[] outside = [Pv(a, from.AddMilliseconds(-1), 4, 99), Pv(b, to, 5, 201), Climate(barn, to.AddHours(1), 22)];
        await Store.WriteAsync([.. outside, .. inside], default);
        await Store.WriteAsync(inside, default); // again: still one point per device and time

        var all = await Store.ReadAllAsync(from, to, default);

        Assert.Equal(inside.Select(Text).Order(StringComparer.Ordinal), all.Select(Text).Order(StringComparer.Ordinal));
        Assert.Equal(all.Select(r => r.TimestampMs).Order(), all.Select(r => r.TimestampMs));
        Assert.Empty(await Store.ReadAllAsync(to.AddHours(2), to.AddHours(3), default));
    }

    [Theory]
    [InlineData(SeriesResolution.Raw)]
    [InlineData(SeriesResolution.Minute)]
    [InlineData(SeriesResolution.FifteenMinutes)]
    [InlineData(SeriesResolution.Day)]
    public async Task ReadPvSeries_EachResolution_MatchesTheBucketsComputedFromTheReadings(SeriesResolution resolution)
    {
        var station = Station("PV-V003");
        // Every 20 s from 22:00 to 02:00 local: crosses local midnight, so the daily buckets must split at 16:00 UTC.
        var readings = Meter(station, Day0.AddHours(22), count: 720, everySeconds: 20, startKwh: 5000, power: i => 10 + (i % 37) * 0.75);
        await Store.WriteAsync(readings, default);
        var (from, to) = (Day0.AddHours(21), Day0.AddHours(27));

        var series = await Store.ReadPvSeriesAsync(station.Id, from, to, resolution, default);

        var expected = readings.GroupBy(r => SeriesBuckets.BucketStart(r.TimestampMs, resolution)).OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Select(g => DateTimeOffset.FromUnixTimeMilliseconds(g.Key)), series.Select(p => p.Time));
        foreach (var (bucket, point) in expected.Zip(series))
        {
            Assert.Equal(bucket.Average(r => r.PowerKw), point.MeanPowerKw, Tolerance);
            Assert.Equal(bucket.Max(r => r.PowerKw), point.MaxPowerKw, Tolerance);
            Assert.Equal(bucket.Last().EnergyTotalKwh, point.LastEnergyTotalKwh, Tolerance);
            Assert.Equal(bucket.Count(), point.Readings);
        }

        if (resolution == SeriesResolution.Day)
        {
            Assert.Equal([Day0, Day0.AddDays(1)], series.Select(p => p.Time));
            Assert.Equal([360L, 360L], series.Select(p => p.Readings));
        }
    }

    [Fact]
    public async Task ReadBarnSeries_FifteenMinutes_AveragesGasesOverTheReadingsThatHaveThem()
    {
        var barn = (Barn)Fleet.Barns[1];
        var readings = Enumerable.Range(0, 60).Select(i => new BarnReading
        {
            Device = barn,
            TimestampMs = Day0.AddHours(12).AddMinutes(i).ToUnixTimeMilliseconds(),
            TempC = 20 + (i % 7),
            HumidityPct = 60 + (i % 3),
            Nh3Ppm = i % 2 == 0 ? i : null,
            Co2Ppm = 1500 + i,
            H2sPpm = i < 15 ? null : 0.5,
        }).ToList();
        await Store.WriteAsync(readings, default);

        var series = await Store.ReadBarnSeriesAsync(barn.Id, Day0.AddHours(12), Day0.AddHours(13), SeriesResolution.FifteenMinutes, default);

        Assert.Equal(4, series.Count);
        foreach (var (point, bucket) in series.Zip(readings.Chunk(15)))
        {
            Assert.Equal(bucket.Average(r => r.TempC), point.MeanTempC, Tolerance);
            Assert.Equal(bucket.Max(r => r.TempC), point.MaxTempC, Tolerance);
            Assert.Equal(bucket.Average(r => r.HumidityPct), point.MeanHumidityPct, Tolerance);
            Assert.Equal(bucket.Where(r => r.Nh3Ppm is not null).Average(r => r.Nh3Ppm!.Value), point.MeanNh3Ppm!.Value, Tolerance);
            Assert.Equal(bucket.Max(r => r.Nh3Ppm), point.MaxNh3Ppm);
            Assert.Equal(bucket.Average(r => r.Co2Ppm!.Value), point.MeanCo2Ppm!.Value, Tolerance);
            Assert.Equal(bucket.Any(r => r.H2sPpm is not null) ? 0.5 : null, point.MeanH2sPpm);
        }
    }

    [Fact]
    public async Task ReadVillagePower_SumsEachStationsMeanPerBucket()
    {
        var stations = Fleet.Stations.Where(s => s.Village.Id == "chengqu-bsd-01").Take(3).ToList();
        Assert.Equal(3, stations.Count);
        var outsider = Fleet.Stations.First(s => s.Village.Id != "chengqu-bsd-01");
        // Station k reports every (k+1) minutes at k*10 kW + minute/10; the third starts late, so early buckets have two stations.
        var readings = stations.SelectMany((s, k) => Enumerable.Range(0, 60 / (k + 1))
                .Where(i => k < 2 || i * (k + 1) >= 30)
                .Select(i => Pv(s, Day0.AddHours(11).AddMinutes(i * (k + 1)), (k * 10) + (i * (k + 1) / 10.0), 100 + i)))
            .Append(Pv(outsider, Day0.AddHours(11), 999, 1)).ToList();
        await Store.WriteAsync(readings, default);

        var power = await Store.ReadVillagePowerAsync("chengqu-bsd-01", Day0.AddHours(11), Day0.AddHours(12), SeriesResolution.FifteenMinutes, default);

        var expected = readings.Where(r => r.Device != outsider).GroupBy(r => SeriesBuckets.BucketStart(r.TimestampMs, SeriesResolution.FifteenMinutes)).OrderBy(g => g.Key)
            .Select(g => (Time: DateTimeOffset.FromUnixTimeMilliseconds(g.Key), Power: g.GroupBy(r => r.Device).Sum(s => s.Average(r => r.PowerKw)), Stations: g.Select(r => r.Device).Distinct().Count()))
            .ToList();
        Assert.Equal(expected.Select(e => (e.Time, e.Stations)), power.Select(p => (p.Time, p.Stations)));
        Assert.Equal([2, 2, 3, 3], power.Select(p => p.Stations));
        foreach (var (e, p) in expected.Zip(power))
        {
            Assert.Equal(e.Power, p.PowerKw, Tolerance);
        }
    }

    [Fact]
    public async Task DailyAndMonthlyEnergy_FromTheLifetimeMeter_AreRightWithLateAndReplayedReadings()
    {
        var station = Station("PV-V004");
        // Oct 30, 31, Nov 1, Nov 2 local: 3 readings a day at 08:00, 12:00, 16:00; the meter grows 10 kWh per reading.
        var all = Enumerable.Range(0, 12).Select(i => Pv(station, Day0.AddDays(i / 3).AddHours(8 + (4 * (i % 3))), 5, 1000 + (10 * i))).ToList();
        var late = all[5]; // Oct 31 16:00 arrives only after Nov 1's readings
        await Store.WriteAsync(all.Where(r => r != late).Take(7).ToList(), default);
        await Store.WriteAsync([.. all.Skip(8)], default);
        var before = await Store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 2), default);
        await Store.WriteAsync([late, .. all.Take(6)], default); // the late one, plus a replay of what was already stored
        await Store.WriteAsync([all[7]], default);

        var daily = await Store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 2), default);
        var monthly = await Store.ReadMonthlyEnergyAsync(station.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), default);
        var fromOct31 = await Store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 1), default);

        Assert.Equal(40.0, before.Single(d => d.Date == new DateOnly(2026, 11, 1)).EnergyKwh, Tolerance); // 1080 - 1040 without the late 1050
        Assert.Equal([20.0, 30.0, 30.0, 30.0], daily.Select(d => d.EnergyKwh));
        Assert.Equal([(1000.0, 1020.0, 1000.0, (DateOnly?)null, 3L)], daily.Take(1).Select(d => (d.FirstKwh, d.LastKwh, d.BaselineKwh, d.BaselineDate, d.Readings)));
        Assert.Equal((1030.0, 1050.0, 1020.0, new DateOnly(2026, 10, 30)), (daily[1].FirstKwh, daily[1].LastKwh, daily[1].BaselineKwh, daily[1].BaselineDate!.Value));
        Assert.Equal([(2026, 10, 50.0, 2), (2026, 11, 60.0, 2)], monthly.Select(m => (m.Year, m.Month, m.EnergyKwh, m.DaysWithData)));
        Assert.Equal([30.0, 30.0], fromOct31.Select(d => d.EnergyKwh)); // the baseline before Oct 31 comes from Oct 30's last reading
    }

    [Fact]
    public async Task DailyEnergy_AfterASilentDay_CountsTheGapOnTheNextDayWithData()
    {
        var station = Station("PV-V005");
        await Store.WriteAsync([Pv(station, Day0.AddHours(12), 1, 500), Pv(station, Day0.AddDays(2).AddHours(12), 1, 580)], default);

        var daily = await Store.ReadDailyEnergyAsync(station.Id, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 1), default);

        var day = Assert.Single(daily);
        Assert.Equal((new DateOnly(2026, 11, 1), 80.0, new DateOnly(2026, 10, 30)), (day.Date, day.EnergyKwh, day.BaselineDate!.Value));
    }

    [Fact]
    public async Task RollUp_KeepsDailyMetersWhenRecomputedAndAddsLateData()
    {
        var station = Station("PV-V006");
        var readings = Meter(station, Day0.AddHours(8), count: 20, everySeconds: 1800, startKwh: 2000);
        await Store.WriteAsync(readings, default);
        var expected = await Store.ReadDailyMetersAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31), default);

        await Store.RollUpAsync(new DateOnly(2026, 10, 29), new DateOnly(2026, 11, 1), default);
        await Store.RollUpAsync(new DateOnly(2026, 10, 29), new DateOnly(2026, 11, 1), default);
        var late = Pv(station, Day0.AddHours(23).AddMinutes(59), 0, 2100);
        await Store.WriteAsync([late], default);
        await Store.RollUpAsync(new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 30), default);

        var meters = await Store.ReadDailyMetersAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31), default);
        Assert.Equal([new DailyMeter(new DateOnly(2026, 10, 30), 2000, 2100, 21, Day0.AddHours(8), late.Timestamp, 2000, 100, 0)], meters);
        Assert.Equal(expected[0] with { LastKwh = 2100, Readings = 21, LastAt = late.Timestamp, RiseKwh = 100 }, meters[0]);
    }

    [Fact]
    public async Task DailyMeters_IntraDayResetEndingAboveTheFirstReading_CountsItsStepDownAndRises()
    {
        var station = Station("PV-V012");
        // Oct 29 20:00 reads 200, above Oct 30's first reading: a fall across midnight, which is a step of neither day.
        // Oct 30: 08:00 100, 10:00 110, 11:00 5 (the counter reset), 16:00 120 — the day ends above its first reading.
        // Oct 31: 00:30 121 (the 1 kWh from 16:00 is the night's, not Oct 31's), 09:00 130.
        await Store.WriteAsync(
            [
                Pv(station, Day0.AddHours(-4), 1, 200),
                Pv(station, Day0.AddHours(8), 1, 100), Pv(station, Day0.AddHours(10), 1, 110), Pv(station, Day0.AddHours(11), 1, 5), Pv(station, Day0.AddHours(16), 1, 120),
                Pv(station, Day0.AddDays(1).AddMinutes(30), 1, 121), Pv(station, Day0.AddDays(1).AddHours(9), 1, 130),
            ],
            default);

        var meters = await Store.ReadDailyMetersAsync(station.Id, new DateOnly(2026, 10, 29), new DateOnly(2026, 10, 31), default);

        Assert.Equal(
            [
                new DailyMeter(new DateOnly(2026, 10, 29), 200, 200, 1, Day0.AddHours(-4), Day0.AddHours(-4), 200, 0, 0),
                new DailyMeter(new DateOnly(2026, 10, 30), 100, 120, 4, Day0.AddHours(8), Day0.AddHours(16), 5, 125, 1),
                new DailyMeter(new DateOnly(2026, 10, 31), 121, 130, 2, Day0.AddDays(1).AddMinutes(30), Day0.AddDays(1).AddHours(9), 121, 9, 0),
            ],
            meters);
    }

    [Fact]
    public async Task DailyMeters_ReplayedDuplicatedAndLateReadings_AreAsIfTheyHadComeOnTime()
    {
        var station = Station("PV-V013");
        // Hourly 07:00–18:00, +10 kWh an hour, except 14:00 which reads 3 (a dip or a reset: the aggregate counts a step down).
        var day = Enumerable.Range(0, 12).Select(i => Pv(station, Day0.AddHours(7 + i), 1, i == 7 ? 3 : 1000 + (10 * i))).ToList();
        PvReading[] late = [day[5], day[7], day[11]]; // 12:00, the 14:00 dip and 18:00 come after the rest
        await Store.WriteAsync([.. day.Except(late)], default);
        var early = Assert.Single(await Store.ReadDailyMetersAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 30), default));

        await Store.WriteAsync([.. late, .. day.Take(6)], default); // the late ones, with a replay of readings already stored
        await Store.WriteAsync(day, default); // and the whole day once more
        var meters = await Store.ReadDailyMetersAsync(station.Id, new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 30), default);

        Assert.Equal((9L, 1100.0, 100.0, 0L), (early.Readings, early.LastKwh, early.RiseKwh, early.StepsDown));
        Assert.Equal([Aggregate(day)], meters);
        Assert.Equal((12L, 3.0, 60 + 1077 + 30.0, 1L), (meters[0].Readings, meters[0].MinKwh, meters[0].RiseKwh, meters[0].StepsDown));
    }

    [Fact]
    public async Task RollUp_ThenRawReadingsExpire_DailyMetersKeepEveryField()
    {
        var station = Station("PV-V014");
        var readings = new List<PvReading>
        {
            Pv(station, Day0.AddHours(7), 1, 40), Pv(station, Day0.AddHours(9), 1, 52.25), Pv(station, Day0.AddHours(12), 1, 0.5), Pv(station, Day0.AddHours(17), 1, 61.125),
            Pv(station, Day0.AddDays(1).AddHours(8), 1, 61.5), Pv(station, Day0.AddDays(1).AddHours(13), 1, 90),
        };
        await Store.WriteAsync(readings, default);
        var (from, to) = (new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31));
        var before = await Store.ReadDailyMetersAsync(station.Id, from, to, default);

        await Store.RollUpAsync(from, to, default);
        await ExpireRawAsync(Day0.AddDays(2));

        Assert.Empty(await Store.ReadPvAsync(station.Id, Day0, Day0.AddDays(2), default));
        Assert.Equal([Aggregate(readings.Take(4)), Aggregate(readings.Skip(4))], before);
        Assert.Equal(before, await Store.ReadDailyMetersAsync(station.Id, from, to, default));
    }

    [Fact]
    public async Task ReadDailyMeters_ManyStationsAtOnce_AnswersEachAsItsOwnRead()
    {
        var (a, b, silent) = (Station("PV-V015"), Station("PV-V016"), Station("PV-H010"));
        await Store.WriteAsync([.. Meter(a, Day0.AddHours(-2), count: 10, everySeconds: 1800, startKwh: 10), Pv(b, Day0.AddHours(9), 1, 7), Pv(b, Day0.AddHours(10), 1, 2)], default);
        var (from, to) = (new DateOnly(2026, 10, 29), new DateOnly(2026, 10, 31));
        await Store.RollUpAsync(from, to, default);
        // 600 ids with no data between them, so that the stations fall into different requests or IN lists of the adapters.
        var unknown = Enumerable.Range(0, 600).Select(i => $"PV-NONE-{i:D3}").ToList();

        var many = await Store.ReadDailyMetersAsync([a.Id, silent.Id, .. unknown, b.Id], from, to, default);

        Assert.Equal(603, many.Count);
        Assert.Equal(2, many[a.Id].Count); // 22:00–23:30 on Oct 29, 00:00–02:30 on Oct 30
        Assert.Equal((2L, 1L, 2.0), (many[b.Id].Single().Readings, many[b.Id].Single().StepsDown, many[b.Id].Single().MinKwh)); // 7 then 2
        Assert.All(unknown.Append(silent.Id), id => Assert.Empty(many[id]));
        foreach (var station in new[] { a, b, silent })
        {
            Assert.Equal(await Store.ReadDailyMetersAsync(station.Id, from, to, default), many[station.Id]);
        }
    }

    [Fact]
    public async Task ReadPvOfManyStations_GivesEachStationWhatReadingItAloneGives()
    {
        var a = Station("PV-H004");
        var b = Station("PV-H005");
        var silent = Station("PV-H006");
        await Store.WriteAsync(
            [Pv(a, Day0.AddHours(9), 2, 11), Pv(a, Day0.AddHours(7), 1, 10), Pv(a, Day0.AddHours(-1), 9, 9), Pv(a, Day0.AddDays(1), 9, 20), Pv(b, Day0.AddHours(8), 3, 12)],
            default);

        var many = await Store.ReadPvAsync([a.Id, b.Id, silent.Id, "PV-NOT-REGISTERED"], Day0, Day0.AddDays(1), default);

        Assert.Equal([a.Id, b.Id, silent.Id, "PV-NOT-REGISTERED"], many.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([(Day0.AddHours(7), 1.0), (Day0.AddHours(9), 2.0)], many[a.Id].Select(r => (r.Timestamp, r.PowerKw))); // in range, oldest first
        Assert.Equal([3.0], many[b.Id].Select(r => r.PowerKw));
        Assert.Empty(many[silent.Id]);
        Assert.Empty(many["PV-NOT-REGISTERED"]);
        foreach (var station in new[] { a, b })
        {
            Assert.Equal(
                (await Store.ReadPvAsync(station.Id, Day0, Day0.AddDays(1), default)).Select(r => (r.TimestampMs, r.PowerKw, r.EnergyTotalKwh, r.State)),
                many[station.Id].Select(r => (r.TimestampMs, r.PowerKw, r.EnergyTotalKwh, r.State)));
        }
    }

    [Fact]
    public async Task ReadLatestAndFirst_FindTheNewestPerDeviceAndTheFirstOfADay()
    {
        var a = Station("PV-H001");
        var b = Station("PV-H002");
        var early = Station("PV-H003");
        await Store.WriteAsync(
            [Pv(a, Day0.AddHours(7), 1, 10), Pv(a, Day0.AddHours(9), 2, 11), Pv(b, Day0.AddHours(8), 3, 12), Pv(a, Day0.AddHours(8), 4, 10.5), Pv(early, Day0.AddHours(6), 5, 3)],
            default);

        var latest = (await Store.ReadLatestAsync(default)).OfType<PvReading>().Where(r => r.Device == a || r.Device == b || r.Device == early).OrderBy(r => r.Device.Id).ToList();
        var first = (await Store.ReadFirstPvAsync(Day0.AddHours(7).AddMinutes(1), default)).Where(r => r.Device == a || r.Device == b || r.Device == early).OrderBy(r => r.Device.Id).ToList();

        Assert.Equal([(a.Id, 2.0), (b.Id, 3.0), (early.Id, 5.0)], latest.Select(r => (r.Device.Id, r.PowerKw)));
        Assert.Equal([(a.Id, 4.0, Day0.AddHours(8)), (b.Id, 3.0, Day0.AddHours(8))], first.Select(r => (r.Device.Id, r.PowerKw, r.Timestamp))); // PV-H003's only reading is earlier
    }

    protected static Station Station(string id) => (Station)(Fleet.TryGetDevice(id, out var d) ? d : throw new ArgumentException(id));

    protected static PvReading Pv(Station station, DateTimeOffset at, double powerKw, double meterKwh) =>
        new() { Device = station, TimestampMs = at.ToUnixTimeMilliseconds(), PowerKw = powerKw, EnergyTotalKwh = meterKwh, State = InverterState.Running };

    protected static List<PvReading> Meter(Station station, DateTimeOffset start, int count, int everySeconds, double startKwh, Func<int, double>? power = null) =>
        [.. Enumerable.Range(0, count).Select(i => Pv(station, start.AddSeconds(i * everySeconds), power?.Invoke(i) ?? 20, startKwh + (i * 0.5)))];

    private static BarnReading Climate(Barn barn, DateTimeOffset at, double tempC) =>
        new() { Device = barn, TimestampMs = at.ToUnixTimeMilliseconds(), TempC = tempC, HumidityPct = 60, FanStage = 1, FanRpm = [900] };

    private static string Text(Reading r) => r switch
    {
        PvReading pv => PvText(pv),
        BarnReading barn => BarnText(barn),
        _ => throw new ArgumentException(r.GetType().Name, nameof(r)),
    };

    private static string PvText(PvReading r) => string.Join('|', r.Device.Id, r.TimestampMs, r.Seq, r.PowerKw, r.EnergyTotalKwh, r.EnergyDayKwh, r.DcVoltage, r.DcCurrent,
        r.AcVoltage, r.FrequencyHz, r.InverterTempC, r.IrradianceWm2, r.ModuleTempC, r.State, string.Join(',', r.Faults));

    private static string BarnText(BarnReading r) => string.Join('|', r.Device.Id, r.TimestampMs, r.Seq, r.TempC, r.HumidityPct, r.Nh3Ppm, r.Co2Ppm, r.H2sPpm,
        r.FanStage, string.Join(',', r.FanRpm), r.WaterL, r.FeedKg, r.Power);
}
