namespace Conformance.Engine.Reports;

/// <summary>The reports a run writes beside results.json and the transcripts, which it always writes.</summary>
[Flags]
internal enum ReportFormats
{
    /// <summary>results.json and transcripts/ only.</summary>
    None = 0,

    /// <summary>junit.xml, for CI test tabs.</summary>
    JUnit = 1,

    /// <summary>report.html, offline and self-contained.</summary>
    Html = 2,

    /// <summary>messages.ndjson, the run as Cucumber messages for Cucumber's own tools.</summary>
    Messages = 4,

    /// <summary>Every report.</summary>
    All = JUnit | Html | Messages,
}
