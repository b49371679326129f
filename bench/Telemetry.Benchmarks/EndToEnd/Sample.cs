namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>One poll of a running scenario (harness clock, seconds): readings consumed so far and the processes' CPU.</summary>
internal readonly record struct Sample(double T, long Consumed, double ServiceCpu, double LoadCpu, double BrokerCpu, double StoreCpu, double ServiceRssMb);
