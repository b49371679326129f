namespace Telemetry.Revenue.Plans;

/// <summary>One problem in a plans file.</summary>
/// <param name="Path">Where, as a JSON path such as <c>plans[2].posts[0].holder</c>.</param>
/// <param name="Rule">The rule broken (see <see cref="PlanRule"/>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record PlanValidationError(string Path, string Rule, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: [{Rule}] {Message}";
}
