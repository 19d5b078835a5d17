using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Conformance.Engine.Documentation.Diagrams;

/// <summary>
/// Who the parties of a protocol's transcripts are, and which entry kind is drawn how: the table a sequence
/// diagram is drawn from. The generic table knows only "sent" and "received" between the harness and the party
/// under test; a protocol extends it with its own parties and kinds (<see cref="Modules.IProtocolModule.Parties"/>).
/// An entry of a kind no table names is drawn in a lane of its own, <see cref="NotesLane"/>, so nothing is lost.
/// </summary>
internal sealed class TranscriptParties
{
    /// <summary>The lane, right of every party, for entries of kinds the table does not name.</summary>
    public const string NotesLane = "notes";

    private readonly ImmutableList<string> _parties;
    private readonly ImmutableDictionary<string, Func<JsonObject, SequenceStep>> _kinds;

    private TranscriptParties(ImmutableList<string> parties, ImmutableDictionary<string, Func<JsonObject, SequenceStep>> kinds)
    {
        _parties = parties;
        _kinds = kinds;
    }

    /// <summary>What every protocol starts from: lines the harness sent to the party under test, and lines it received from it.</summary>
    public static TranscriptParties Generic { get; } = new TranscriptParties([], ImmutableDictionary<string, Func<JsonObject, SequenceStep>>.Empty.WithComparers(StringComparer.Ordinal))
        .WithParties("harness", "party under test")
        .With("sent", entry => SequenceStep.Message("harness", "party under test", EntryText.Field(entry, "line") ?? "sent"))
        .With("received", entry => SequenceStep.Message("party under test", "harness", EntryText.Field(entry, "line") ?? "received"));

    /// <summary>The parties in the order their lifelines are drawn, left to right.</summary>
    public IReadOnlyList<string> Parties => _parties;

    /// <summary>The kinds the table names.</summary>
    public IEnumerable<string> Kinds => _kinds.Keys.Order(StringComparer.Ordinal);

    /// <summary>A table whose parties are <paramref name="parties"/>, in that order (replacing the ones before).</summary>
    public TranscriptParties WithParties(params string[] parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        return new TranscriptParties([.. parties.Distinct(StringComparer.Ordinal)], _kinds);
    }

    /// <summary>A table that draws entries of <paramref name="kind"/> as <paramref name="draw"/> says (replacing what it said before).</summary>
    public TranscriptParties With(string kind, Func<JsonObject, SequenceStep> draw)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(draw);
        return new TranscriptParties(_parties, _kinds.SetItem(kind, draw));
    }

    /// <summary>How <paramref name="entry"/> is drawn: as its kind says, or as a note in <see cref="NotesLane"/> for a kind the table does not name.</summary>
    public SequenceStep Draw(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kind = EntryText.Field(entry, "kind") ?? "(no kind)";
        if (_kinds.TryGetValue(kind, out var draw))
        {
            return draw(entry);
        }

        var members = EntryText.Members(entry);
        return SequenceStep.Note(NotesLane, members.Length == 0 ? kind : $"{kind}: {members}");
    }
}
