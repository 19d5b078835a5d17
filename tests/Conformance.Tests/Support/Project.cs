using Conformance.Engine;

namespace Conformance.Tests.Support;

/// <summary>The repository the tests run in.</summary>
internal static class Project
{
    public static ProjectLayout Layout { get; } = ProjectLayout.Locate();
}
