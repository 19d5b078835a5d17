@role:connector
Feature: Every line the connector writes is one well-formed event
  The connector writes UTF-8 text, one JSON object per line, each line ended by a single LF and no
  longer than the line limit (1 MiB by default). Each object is a CustomConnectorEvent: a known
  eventType and a string message. A "launchable" configuration is one the connector can open; a
  "failing" one names a host that cannot be reached (unreachable.invalid by default).

  @req:LC-C02
  Scenario Outline: each line is one UTF-8 JSON object ended by LF, within the line limit (<kind> configuration)
    Given a <kind> configuration
    When the connector under test runs a whole session
    Then it wrote at least one line
    And every line it wrote is valid UTF-8, ended by LF and at most 1 MiB long
    And every line it wrote is one JSON object

    Examples:
      | kind       |
      | launchable |
      | failing    |

  @req:LC-C03 @policy
  Scenario Outline: no byte-order mark and no CR (<kind> configuration)
    Beyond the source, which says only "UTF-8, a message per line": many readers fail on a byte-order mark or
    a CR. A C# connector gets both from StreamWriter(pipe, Encoding.UTF8) and WriteLine on Windows; write
    with new UTF8Encoding(false) and NewLine = "\n" instead.

    Given a <kind> configuration
    When the connector under test runs a whole session
    Then it wrote at least one line
    And its first line does not start with a byte-order mark
    And no line it wrote ends with CR before LF

    Examples:
      | kind       |
      | launchable |
      | failing    |

  @req:LC-C04
  Scenario Outline: each message satisfies the CustomConnectorEvent schema (<kind> configuration)
    Given a <kind> configuration
    When the connector under test runs a whole session
    Then it wrote at least one line
    And every message it wrote satisfies the CustomConnectorEvent schema

    Examples:
      | kind       |
      | launchable |
      | failing    |

  @req:LC-C14 @interpretation
  Scenario Outline: Custom and failure messages are non-empty and fit the appliance (<kind> configuration)
    The suite reads 4096 characters as the appliance's limit for a custom event's message, and applies
    it to failure messages too.

    Given a <kind> configuration
    When the connector under test runs a whole session
    Then every Custom and RemoteConnectionFailure message it wrote has between 1 and 4096 characters

    Examples:
      | kind       |
      | launchable |
      | failing    |
