namespace Telemetry.Simulators.Weather;

/// <summary>The kind of day a county has; it sets the level and variability of cloudiness.</summary>
internal enum DayType
{
    /// <summary>Cloudless apart from haze: transmission 0.92–1.0.</summary>
    Clear,

    /// <summary>Broken clouds passing: output jumps between clear-sky and shade.</summary>
    PartlyCloudy,

    /// <summary>Closed cloud deck: diffuse light only, 10–45% of clear sky.</summary>
    Overcast,
}
