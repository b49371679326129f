namespace Telemetry.Core.Solar;

/// <summary>Loss and conversion parameters of the PVWatts-style output model; the defaults suit Chinese c-Si plants.</summary>
public sealed record PvSystemParameters
{
    /// <summary>Default parameters.</summary>
    public static PvSystemParameters Default { get; } = new();

    /// <summary>Power temperature coefficient γ, 1/°C (c-Si: −0.0035 to −0.0045).</summary>
    public double TemperatureCoefficientPerC { get; init; } = -0.004;

    /// <summary>
    /// DC system losses as a fraction: soiling 2%, mismatch 2%, DC wiring 2%, connections 0.5%, light-induced
    /// degradation 1.5%, nameplate 1% (PVWatts' list without shading and availability, which are events, not physics).
    /// </summary>
    public double SystemLossFraction { get; init; } = 0.09;

    /// <summary>Inverter nominal (European-weighted) efficiency.</summary>
    public double InverterNominalEfficiency { get; init; } = 0.97;

    /// <summary>Relative module power loss per year of operation.</summary>
    public double DegradationPerYear { get; init; } = 0.005;

    /// <summary>Wind speed assumed for module cooling, m/s.</summary>
    public double WindSpeedMs { get; init; } = 1.5;
}
