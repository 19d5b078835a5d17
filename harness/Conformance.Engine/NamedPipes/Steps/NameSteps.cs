using System.Text;
using Conformance.Engine.Bindings;
using Conformance.Engine.Running;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>NP-10: names unique per use, fitted to the platform's limit, and refused clearly when they cannot fit.</summary>
[Binding]
internal sealed class NameSteps(ScenarioContext context) : IAsyncDisposable
{
    private const string Prefix = "np";
    private const int MinRandomDigits = 8;
    private List<string> _names = [];
    private string? _temp;
    private string? _name;
    private string? _refusal;
    private PipeListener? _opened;

    [When("the harness makes (\\d+) pipe names")]
    public void WhenTheHarnessMakesNames(int count) => _names = [.. Enumerable.Range(0, count).Select(_ => PipeName.NewUnique(Prefix))];

    [Then("no two of them are alike, even ignoring case")]
    public void ThenAllDiffer()
    {
        var distinct = _names.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        context.Expect(distinct == _names.Count, $"{_names.Count} different names", () => $"{_names.Count - distinct} repeated");
        context.Transcript.Add("names", new() { ["made"] = _names.Count, ["distinct"] = distinct });
    }

    [Given("a temp directory whose path is (\\d+) bytes long")]
    public void GivenATempDirectory(int length)
    {
        // Only the path's length matters to the name: the directory need not exist.
        const string root = "/tmp/";
        _temp = root + new string('t', Math.Max(1, length - root.Length));
        context.Transcript.Add("temp-directory", new() { ["bytes"] = Encoding.UTF8.GetByteCount(_temp) });
    }

    [When("the harness makes a pipe name there")]
    public void WhenTheHarnessMakesANameThere()
    {
        try
        {
            _name = PipeName.NewUnique(Prefix, _temp!);
        }
        catch (ArgumentException exception)
        {
            _refusal = exception.Message;
        }

        context.Transcript.Add("name-made", new() { ["made"] = _name is not null });
    }

    [Then("the name's socket path is at most (\\d+) bytes long")]
    public void ThenThePathFits(int limit)
    {
        var bytes = _name is null ? -1 : Encoding.UTF8.GetByteCount(PipeName.UnixSocketPath(_name, _temp!));
        context.Expect(_name is not null && bytes <= limit, $"a socket path of at most {limit} bytes",
            () => _name is null ? $"no name was made: {_refusal}" : $"{bytes} bytes");
    }

    [Then("the name keeps at least 8 random hex digits")]
    public void ThenTheNameKeepsItsDigits()
    {
        var digits = _name?[(Prefix.Length + 1)..] ?? "";
        context.Expect(digits.Length >= MinRandomDigits && digits.All(char.IsAsciiHexDigit), $"at least {MinRandomDigits} random hex digits",
            () => $"\"{digits}\"");
        context.Transcript.Add("name-digits", new() { ["atLeast8"] = digits.Length >= MinRandomDigits });
    }

    [When("a pipe named with (\\d+) characters is opened")]
    public void WhenALongNameIsOpened(int length)
    {
        _name = Prefix + "-" + new string('n', length - Prefix.Length - 1);
        try
        {
            _opened = PipeListener.Listen(_name);
        }
        catch (ArgumentException exception)
        {
            _refusal = exception.Message;
        }

        context.Transcript.Add("long-name-opened", new() { ["characters"] = length, ["opened"] = _opened is not null });
    }

    [Then("it is refused with a message naming the (\\d+)-(byte|character) limit( and TMPDIR)?")]
    public void ThenRefusedNaming(int limit, string unit, string tmpdir)
    {
        var named = _refusal is not null && _refusal.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && (string.IsNullOrEmpty(tmpdir) || _refusal.Contains("TMPDIR", StringComparison.Ordinal));
        context.Expect(named, $"a refusal naming the {limit}-{unit} limit{tmpdir}", () => _refusal is null ? "it was not refused" : $"the refusal said: {_refusal}");
        context.Transcript.Add("refused", new() { ["namesTheLimit"] = named });
    }

    [Then("no socket file was created for it")]
    public void ThenNoSocketFile()
    {
        var path = PipeName.UnixSocketPath(_name!);
        context.Expect(!File.Exists(path), "no socket file for the refused name", () => $"{path} exists");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_opened is not null)
        {
            await _opened.DisposeAsync().ConfigureAwait(false);
        }
    }
}
