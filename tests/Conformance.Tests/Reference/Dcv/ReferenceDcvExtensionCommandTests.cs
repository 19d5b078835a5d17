using Conformance.Processes;
using Conformance.Reference.Dcv;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>How the reference DCV extension is started: the running runtime's dotnet, the assembly beside the harness.</summary>
public class ReferenceDcvExtensionCommandTests
{
    [Test]
    public void Runs_the_extension_built_beside_the_harness_with_the_arguments_given()
    {
        var command = ReferenceDcvExtensionCommand.Command("--channels", "5");

        Assert.That(command, Is.EqualTo(new[] { DotnetHost.Path, Path.Combine(AppContext.BaseDirectory, ReferenceDcvExtensionCommand.AssemblyFile), "--channels", "5" }));
    }

    [Test]
    public void Names_the_reference_extension_when_it_was_not_built()
    {
        Assert.That(() => ReferenceDcvExtensionCommand.Command("NotBuiltExtension.dll", []),
            Throws.InstanceOf<FileNotFoundException>().With.Message.StartsWith("The reference DCV extension is not built beside the harness"));
    }
}
