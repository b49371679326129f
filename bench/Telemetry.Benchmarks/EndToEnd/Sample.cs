namespace Telemetry.Benchmarks.EndToEnd;

/// <summary>One poll of a running scenario (harness clock, seconds): readings consumed so far, the service's progress and the processes' CPU.</summary>
internal readonly record struct Sample(double T, long Consumed, ServiceProgress Service, double ServiceCpu, double LoadCpu, double BrokerCpu, double StoreCpu, double ServiceRssMb);
