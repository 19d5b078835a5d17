using System.Reflection;
using Conformance.Tests.Support;
using PublicApiGenerator;

namespace Conformance.Tests.PublicApi;

/// <summary>
/// Issue 8: the libraries a vendor references have a tracked public API. A change to it shows here as a difference
/// from the approved text, to be accepted on purpose (copy the .received.txt over the .approved.txt), never by accident.
/// </summary>
public class PublicApiTests
{
    private static readonly string Folder = Path.Combine(Project.Layout.Root, "tests", "Conformance.Tests", "PublicApi");

    // The SDKs, and the protocol libraries their public API hands out.
    private static IEnumerable<TestCaseData> Libraries()
    {
        yield return new TestCaseData(typeof(Conformance.ConnectorSdk.LauncherIpcClient).Assembly).SetArgDisplayNames("Conformance.ConnectorSdk");
        yield return new TestCaseData(typeof(Conformance.DcvExtensionSdk.DcvExtensionClient).Assembly).SetArgDisplayNames("Conformance.DcvExtensionSdk");
        yield return new TestCaseData(typeof(Conformance.Protocols.Transport.PipeName).Assembly).SetArgDisplayNames("Conformance.Protocols");
    }

    [TestCaseSource(nameof(Libraries))]
    public void Is_the_approved_one(Assembly library)
    {
        var name = library.GetName().Name!;
        var api = library.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approved = Path.Combine(Folder, $"{name}.approved.txt");
        var received = Path.Combine(Folder, $"{name}.received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : "";

        if (api == expected)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, api);
        Assert.Fail($"The public API of {name} changed: compare {received} with {approved}, and copy it over if the change is meant.");
    }

    [Test]
    public void Of_the_connector_SDK_hands_out_nothing_of_the_harness()
    {
        var sdk = typeof(Conformance.ConnectorSdk.LauncherIpcClient).Assembly;
        var handedOut = sdk.GetExportedTypes()
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(TypesIn)
            .Where(type => type.Assembly != sdk && type.Assembly.GetName().Name!.StartsWith("Conformance", StringComparison.Ordinal))
            .Select(type => type.FullName)
            .Distinct()
            .ToList();

        Assert.That(handedOut, Is.All.StartsWith("Conformance.Protocols.LauncherConnector."), "only the protocol's own messages");
    }

    private static IEnumerable<Type> TypesIn(MemberInfo member)
    {
        IEnumerable<Type> types = member switch
        {
            MethodInfo method => [method.ReturnType, .. method.GetParameters().Select(parameter => parameter.ParameterType)],
            PropertyInfo property => [property.PropertyType],
            FieldInfo field => [field.FieldType],
            ConstructorInfo constructor => constructor.GetParameters().Select(parameter => parameter.ParameterType),
            _ => [],
        };
        return types.SelectMany(type => type.IsGenericType ? type.GetGenericArguments().Append(type) : [type]);
    }
}
