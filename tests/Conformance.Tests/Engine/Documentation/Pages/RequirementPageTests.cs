namespace Conformance.Tests.Engine.Documentation.Pages;

/// <summary>Issue 10: a requirement's page says what a vendor needs — level, role, wording, origin, readings, scenarios, fixtures, and the fix.</summary>
public class RequirementPageTests
{
    [Test]
    public async Task Shows_level_role_wording_and_the_origin_with_its_note()
    {
        var page = (await GeneratedSites.Suite())["requirements/LC-C03.html"];

        Assert.That(page, Does.Contain("<h1>LC-C03 <span class=\"level level-should\">SHOULD</span> <span class=\"origin origin-policy\">policy</span></h1>"));
        Assert.That(page, Does.Contain("The connector writes no byte-order mark at the start and no CR before LF."));
        Assert.That(page, Does.Contain("Why it is a policy.").And.Contain("Many readers choke on a byte-order mark"));
        Assert.That(page, Does.Contain("href=\"../protocols/launcher-connector.html#role-connector\">connector</a>"));
    }

    [Test]
    public async Task Links_each_covering_scenario_to_its_row_on_the_feature_page_and_to_its_diagram()
    {
        var page = (await GeneratedSites.Suite())["requirements/LC-C03.html"];

        Assert.That(page, Does.Contain("href=\"../features/launcher-connector/connector-lines.html#no-byte-order-mark-and-no-cr-kind-configuration\">"));
        Assert.That(page, Does.Contain(">launchable</a>").And.Contain(">failing</a>"));
        Assert.That(page, Does.Contain("href=\"../diagrams/connector-lines/no-byte-order-mark-and-no-cr-launchable-configuration.html\">sequence diagram</a>"));
    }

    [Test]
    public async Task Lists_the_fixtures_that_break_it_and_not_those_it_only_skips()
    {
        var site = await GeneratedSites.Suite();

        Assert.That(site["requirements/LC-C03.html"], Does.Contain("<code>dotnet/MisbehavingConnector bom-and-crlf</code>").And.Contain("LC-C03 non-strict"));
        Assert.That(site["requirements/LC-C09.html"], Does.Contain("python/leaks_password_to_stderr.py").And.Contain("python/leaks_password_in_child_command_line.py"));
        Assert.That(site["requirements/LC-C12.html"], Does.Contain("python/fails_on_unknown_members.py").And.Not.Contain("python/crashes_mid_line.py"), "LC-C12 skipped is not broken");
        Assert.That(site["requirements/LC-L01.html"], Does.Not.Contain("Fixtures that break it"));
    }

    [Test]
    public async Task Lists_the_pipe_messaging_and_dcv_fixtures_too_whose_tables_name_their_columns_differently()
    {
        var site = await GeneratedSites.Suite();

        Assert.That(site["requirements/PM-E03.html"], Does.Contain("pm_event_service.py never-answers-handshake"));
        Assert.That(site["requirements/PM-C04.html"], Does.Contain("PipeMessagingFixtures command-pipe-client gives-up-after-2-seconds").And.Contain("PM-C04 non-strict"));
        Assert.That(site["requirements/VC-13.html"], Does.Contain("DcvExtensionFixtures crashes-on-refusal").And.Not.Contain("expects-whole-reads"), "VC-13 skipped is not broken");
    }

    [Test]
    public async Task Says_how_to_fix_the_mistake_a_csharp_connector_written_the_obvious_way_makes()
    {
        var page = (await GeneratedSites.Suite())["requirements/LC-C03.html"];

        Assert.That(page, Does.Contain("<h2 id=\"fix\">How to fix it</h2>"));
        Assert.That(page, Does.Contain("new StreamWriter(pipe, Encoding.UTF8), WriteLine"));
        Assert.That(page, Does.Contain("new UTF8Encoding(false)").And.Contain("NewLine = &quot;\\n&quot;"));
    }

    [Test]
    public async Task Shows_the_readings_that_bear_on_it()
    {
        var page = (await GeneratedSites.Suite())["requirements/LC-L07.html"];

        Assert.That(page, Does.Contain("href=\"../interpretations.html#reading-launcher-connector-table-t1\">table T1</a>"));
    }

    [Test]
    public async Task With_results_shows_the_last_outcome_and_each_violation_as_expected_against_actual()
    {
        var site = await GeneratedSites.WithResults();

        var page = site["requirements/LC-C03.html"];
        Assert.That(page, Does.Contain("<h2 id=\"last-run\">Last run</h2>\n<p><span class=\"outcome outcome-non-strict\">non-strict</span>"));
        Assert.That(page, Does.Contain("<td>no byte-order mark before the first line</td><td><pre>the first line starts with EF BB BF &lt;bom&gt;</pre></td>"));
        Assert.That(page, Does.Contain("href=\"#fix\">how to fix it</a>"));
        Assert.That(site["requirements/LC-C02.html"], Does.Contain("outcome-passed"));
        Assert.That(site["requirements/LC-L01.html"], Does.Contain("outcome-not-run"), "a requirement the run did not select");
        Assert.That((await GeneratedSites.Suite())["requirements/LC-C03.html"], Does.Not.Contain("Last run"), "no results, no outcome");
    }
}
