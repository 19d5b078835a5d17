using System.Xml;
using System.Xml.Schema;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.PipeMessaging;

/// <summary>The XSD of the messages' XML form, judging XML text with System.Xml.Schema.</summary>
internal static class PipeMessagingXsd
{
    public static string Folder => Path.Combine(Project.Layout.Schemas, "pipe-messaging");

    /// <summary>Every validation error and warning for <paramref name="xml"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        // A schema set is not documented as thread-safe, and tests run in parallel: one per validation.
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.Add(null, Path.Combine(Folder, "pipe-messaging.xsd"));
        schemas.Compile();

        var issues = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };

        // An undeclared root element is only a warning to the validator; here it is a fault.
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => issues.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException exception)
        {
            issues.Add($"not well-formed: {exception.Message}");
        }

        return issues;
    }
}
