@role:connector
Feature: The connector reports the course of the remote connection
  With a configuration it can launch, the connector reports the remote window, then its closing when
  the remote client exits; the harness ends the remote client after a short lifetime (2 s by default)
  in place of the user session's end. With a configuration it cannot launch, it reports a failure.
  After its final event it sends nothing but Custom events, closes the pipe and exits within the exit
  deadline (10 s by default).

  @req:LC-C07
  Scenario: a launchable configuration yields a window, then its closing when the remote client exits
    Given a launchable configuration
    When the connector under test runs a whole session
    Then it reported RemoteConnectionWindowCreated within the window deadline
    And after the remote client ended, it reported RemoteConnectionWindowClosed within the window-closed deadline

  @req:LC-C08
  Scenario: a configuration that cannot launch yields RemoteConnectionFailure before the connector exits
    Given a failing configuration
    When the connector under test runs a whole session
    Then it reported RemoteConnectionFailure with a non-empty message before it exited

  @req:LC-C05
  Scenario Outline: a processId comes only with a window and names a running process (<kind> configuration)
    Given a <kind> configuration
    When the connector under test runs a whole session
    Then only RemoteConnectionWindowCreated events carry a processId
    And every processId it reported named a running process when the event arrived

    Examples:
      | kind       |
      | launchable |
      | failing    |

  @req:LC-C06 @interpretation
  Scenario Outline: the events come in a lawful order (<kind> configuration)
    The suite reads the source as: a session that has ended does not open a window again, and a window
    that opened is not followed by a failure. A closed window without an earlier created one is allowed.

    Given a <kind> configuration
    When the connector under test runs a whole session
    Then it sent no RemoteConnectionWindowCreated after RemoteConnectionWindowClosed or RemoteConnectionFailure, and no RemoteConnectionFailure after RemoteConnectionWindowCreated

    Examples:
      | kind       |
      | launchable |
      | failing    |

  @req:LC-C10
  Scenario Outline: after its final event the connector only sends Custom, closes the pipe and exits (<kind> configuration)
    Given a <kind> configuration
    When the connector under test runs a whole session
    Then after its final event it sent nothing but Custom events
    And it closed the pipe and exited within the exit deadline of its final event

    Examples:
      | kind       |
      | launchable |
      | failing    |
