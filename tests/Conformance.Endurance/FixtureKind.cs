namespace Conformance.Endurance;

/// <summary>Which conformant fixture of tests/fixtures the certifications run against.</summary>
internal enum FixtureKind
{
    /// <summary>tests/fixtures/python/conformant_connector.py.</summary>
    Python,

    /// <summary>tests/fixtures/node/conformant-connector.js.</summary>
    Node,
}
