using System.Xml;
using System.Xml.Schema;

namespace Conformance.Engine.Validation;

/// <summary>A protocol's XSD, loaded with System.Xml.Schema, judging the XML form of its messages.</summary>
internal sealed class XmlMessageSchema
{
    private readonly XmlSchemaSet _schemas;
    private readonly Lock _gate = new();

    private XmlMessageSchema(string name, XmlSchemaSet schemas)
    {
        Name = name;
        _schemas = schemas;
    }

    /// <summary>The protocol folder, such as <c>pipe-messaging</c>.</summary>
    public string Name { get; }

    /// <summary>Loads and compiles the XSD at <paramref name="path"/>; nothing outside it is ever fetched.</summary>
    public static XmlMessageSchema Load(string name, string path)
    {
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.Add(null, path);
        schemas.Compile();
        return new XmlMessageSchema(name, schemas);
    }

    /// <summary>Every validation error and warning for <paramref name="xml"/>; empty when it is valid.</summary>
    public IReadOnlyList<SchemaIssue> Validate(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var issues = new List<SchemaIssue>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = _schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };

        // An undeclared root element is only a warning to the validator; here it is a fault.
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            issues.Add(new SchemaIssue($"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}", "xsd", $"{e.Severity}: {e.Message}"));

        // A compiled schema set is not documented as safe to share between readers at once.
        lock (_gate)
        {
            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), settings);
                while (reader.Read())
                {
                }
            }
            catch (XmlException exception)
            {
                issues.Add(new SchemaIssue($"line {exception.LineNumber}, position {exception.LinePosition}", "xml", $"not well-formed: {exception.Message}"));
            }
        }

        return issues;
    }
}
