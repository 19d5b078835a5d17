using Conformance.Engine.Requirements;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Requirements;

public class RequirementCatalogTests
{
    [Test]
    public void Loads_the_projects_catalog_with_levels_and_roles()
    {
        var catalog = RequirementCatalog.Load(Project.Layout.Features);

        Assert.That(catalog.Find("LC-C09")!.Level, Is.EqualTo(RequirementLevel.Must));
        Assert.That(catalog.Find("LC-C13")!.Level, Is.EqualTo(RequirementLevel.May));
        Assert.That(catalog.Find("LC-L15")!.Origin, Is.EqualTo(RequirementOrigin.Interpretation));
        Assert.That(catalog.Find("LC-C09")!.Origin, Is.EqualTo(RequirementOrigin.Policy));
        Assert.That(catalog.Find("LC-C09")!.OriginNote, Is.Not.Empty);
        Assert.That(catalog.Readings.Select(reading => reading.Name), Does.Contain("table T1"));
        Assert.That(catalog.Find("LC-L15")!.Role, Is.EqualTo("launcher"));
    }

    [Test]
    public void Reads_a_list_of_roles_for_a_requirement_that_binds_both_sides()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, RequirementCatalog.FileName),
                """{ "protocol": "p", "requirements": [ { "id": "P-01", "level": "MUST", "roles": ["server", "client"], "origin": "source", "summary": "s" } ] }""");

            var requirement = RequirementCatalog.Load(directory.FullName).Find("P-01")!;

            Assert.That(requirement.Roles, Is.EqualTo(new[] { "server", "client" }));
            Assert.That(requirement.Role, Is.EqualTo("server"));
            Assert.That(requirement.Binds("client"), Is.True);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Rejects_a_requirement_giving_both_a_role_and_roles()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, RequirementCatalog.FileName),
                """{ "protocol": "p", "requirements": [ { "id": "P-01", "level": "MUST", "role": "server", "roles": ["client"], "origin": "source", "summary": "s" } ] }""");

            var error = Assert.Throws<InvalidDataException>(() => RequirementCatalog.Load(directory.FullName));

            Assert.That(error!.Message, Does.Contain("P-01").And.Contain("not both"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Rejects_an_unknown_level_naming_the_file_and_the_entry()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, RequirementCatalog.FileName),
                """{ "protocol": "p", "requirements": [ { "id": "P-01", "level": "MUSTN'T", "role": "r", "origin": "source", "summary": "s" } ] }""");

            var error = Assert.Throws<InvalidDataException>(() => RequirementCatalog.Load(directory.FullName));

            Assert.That(error!.Message, Does.Contain("P-01").And.Contain("MUSTN'T").And.Contain(RequirementCatalog.FileName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Rejects_an_interpretation_without_a_note_saying_why()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, RequirementCatalog.FileName),
                """{ "protocol": "p", "requirements": [ { "id": "P-01", "level": "MUST", "role": "r", "origin": "interpretation", "summary": "s" } ] }""");

            var error = Assert.Throws<InvalidDataException>(() => RequirementCatalog.Load(directory.FullName));

            Assert.That(error!.Message, Does.Contain("P-01").And.Contain("note"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Rejects_a_requirement_listed_twice()
    {
        var twice = new Requirement("P-01", RequirementLevel.Must, "r", "s", RequirementOrigin.Source, "p");

        Assert.Throws<InvalidDataException>(() => _ = new RequirementCatalog([twice, twice]));
    }

    [Test]
    public void Gives_each_requirement_the_known_mistakes_listed_beside_its_catalog()
    {
        var catalog = RequirementCatalog.Load(Project.Layout.Features);

        var bom = catalog.Find("LC-C03")!.Mistakes.Single();
        Assert.That(bom.Mistake, Does.Contain("StreamWriter(pipe, Encoding.UTF8)").And.Contain("byte-order mark").And.Contain("CR LF"));
        Assert.That(bom.Fix, Does.Contain("new UTF8Encoding(false)").And.Contain("NewLine = \"\\n\""));
        Assert.That(catalog.Find("LC-C09")!.Mistakes.Select(mistake => mistake.Fix), Has.Some.Contains("standard input"));
        Assert.That(catalog.Find("LC-L01")!.Mistakes, Is.Empty);
        Assert.That(catalog.Titles["launcher-connector"], Does.Contain("Launcher"));
    }

    [Test]
    public void A_catalog_without_a_mistakes_file_knows_no_mistakes()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, RequirementCatalog.FileName),
                """{ "protocol": "p", "requirements": [ { "id": "P-01", "level": "MUST", "role": "r", "origin": "source", "summary": "s" } ] }""");

            var catalog = RequirementCatalog.Load(directory.FullName);

            Assert.That(catalog.Find("P-01")!.Mistakes, Is.Empty);
            Assert.That(catalog.Titles, Is.Empty);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [TestCase("""{ "mistakes": [ { "requirement": "P-99", "mistake": "m", "fix": "f" } ] }""", "P-99")]
    [TestCase("""{ "mistakes": [ { "requirement": "P-01", "mistake": "m" } ] }""", "\"fix\"")]
    [TestCase("""{ "mistakes": [ """, "not a list of known mistakes")]
    public void Rejects_a_mistakes_file_that_is_malformed_or_names_an_unknown_requirement(string mistakes, string message)
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, RequirementCatalog.FileName),
                """{ "protocol": "p", "requirements": [ { "id": "P-01", "level": "MUST", "role": "r", "origin": "source", "summary": "s" } ] }""");
            File.WriteAllText(Path.Combine(directory.FullName, "mistakes.json"), mistakes);

            var error = Assert.Throws<InvalidDataException>(() => RequirementCatalog.Load(directory.FullName));

            Assert.That(error!.Message, Does.Contain("mistakes.json").And.Contain(message));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
