namespace Telemetry.Revenue.Plans;

/// <summary>A plans file that cannot be used, with every problem found.</summary>
public sealed class AllocationPlanException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> with its <paramref name="errors"/>.</summary>
    public AllocationPlanException(string source, IReadOnlyList<PlanValidationError> errors, Exception? inner = null)
        : base(Describe(source, errors), inner)
    {
        File = source;
        Errors = errors;
    }

    /// <summary>The file (or "(in memory)").</summary>
    public string File { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PlanValidationError> Errors { get; }

    private static string Describe(string source, IReadOnlyList<PlanValidationError> errors) =>
        $"Revenue plans '{source}' are invalid ({errors.Count} problem(s)):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Take(20).Select(e => "  " + e));
}
