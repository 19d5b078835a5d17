namespace Conformance.Engine.Gherkin;

/// <summary>What a step does; And, But and * take the kind of the step before them.</summary>
internal enum StepKind
{
    /// <summary>Sets the scene.</summary>
    Given,

    /// <summary>Acts.</summary>
    When,

    /// <summary>Checks.</summary>
    Then,
}
