namespace Conformance.Engine.Situations;

/// <summary>
/// What makes two runs of an act the same: the act, and the inputs that shape it (the configuration chosen,
/// the settings). Scenarios whose Given and When steps come to equal situations judge one shared recording.
/// </summary>
/// <param name="Act">The act, e.g. "whole session".</param>
/// <param name="Inputs">Its inputs in words, e.g. "launchable configuration"; equal inputs mean an equal run.</param>
internal sealed record Situation(string Act, string Inputs)
{
    /// <summary>"whole session · launchable configuration", for reports.</summary>
    public string Name => Inputs.Length == 0 ? Act : $"{Act} · {Inputs}";

    /// <inheritdoc />
    public override string ToString() => Name;
}
