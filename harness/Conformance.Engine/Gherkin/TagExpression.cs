namespace Conformance.Engine.Gherkin;

/// <summary>
/// A Cucumber tag expression such as <c>@req:LC-C09 or @smoke and not @windows</c>: <c>not</c> binds
/// tightest, then <c>and</c>, then <c>or</c>; parentheses group. The registry has no package for it, so
/// this is the small recursive-descent parser the grammar needs.
/// </summary>
internal sealed class TagExpression
{
    private readonly Func<IReadOnlyCollection<string>, bool> _evaluate;

    private TagExpression(string text, Func<IReadOnlyCollection<string>, bool> evaluate)
    {
        Text = text;
        _evaluate = evaluate;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>The expression that matches everything.</summary>
    public static TagExpression All { get; } = new("", _ => true);

    /// <summary>True when a scenario with <paramref name="tags"/> matches.</summary>
    public bool Matches(IReadOnlyCollection<string> tags) => _evaluate(tags);

    /// <summary>Parses <paramref name="text"/>; empty text matches everything.</summary>
    /// <exception cref="FormatException">The expression is malformed; the message says where.</exception>
    public static TagExpression Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var parser = new Parser(Tokenize(text));
        var evaluate = parser.ParseOr();
        parser.ExpectEnd();
        return new TagExpression(text, evaluate);
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character) || character is '(' or ')')
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                if (character is '(' or ')')
                {
                    tokens.Add(character.ToString());
                }
            }
            else
            {
                current.Append(character);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        public Func<IReadOnlyCollection<string>, bool> ParseOr()
        {
            var left = ParseAnd();
            while (Accept("or"))
            {
                var l = left;
                var right = ParseAnd();
                left = tags => l(tags) || right(tags);
            }

            return left;
        }

        public void ExpectEnd()
        {
            if (_position < tokens.Count)
            {
                throw new FormatException($"Unexpected \"{tokens[_position]}\" at token {_position + 1} of the tag expression.");
            }
        }

        private Func<IReadOnlyCollection<string>, bool> ParseAnd()
        {
            var left = ParseNot();
            while (Accept("and"))
            {
                var l = left;
                var right = ParseNot();
                left = tags => l(tags) && right(tags);
            }

            return left;
        }

        private Func<IReadOnlyCollection<string>, bool> ParseNot()
        {
            if (Accept("not"))
            {
                var operand = ParseNot();
                return tags => !operand(tags);
            }

            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")"))
                {
                    throw new FormatException("A '(' in the tag expression is not closed.");
                }

                return inner;
            }

            if (_position >= tokens.Count)
            {
                throw new FormatException("The tag expression ends where a tag was expected.");
            }

            var tag = tokens[_position++];
            if (!tag.StartsWith('@'))
            {
                throw new FormatException($"\"{tag}\" is not a tag: tags start with '@'.");
            }

            return tags => tags.Contains(tag);
        }

        private bool Accept(string token)
        {
            if (_position < tokens.Count && string.Equals(tokens[_position], token, StringComparison.Ordinal))
            {
                _position++;
                return true;
            }

            return false;
        }
    }
}
