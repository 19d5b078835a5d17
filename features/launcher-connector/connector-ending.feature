@role:connector
Feature: The connector ends cleanly when the Launcher hangs up, and takes unusual configurations in its stride
  A Launcher closes the pipe early when the session is aborted; the connector then exits within the exit
  deadline (10 s by default), waiting without spinning the CPU: at most 10 % of one core over the wait,
  measured over at least one second so that a prompt exit's own shutdown work is not mistaken for spinning.
  Members the connector does not know, non-ASCII text and empty dictionaries are part of a valid
  configuration and change nothing.

  @req:LC-C11 @policy
  Scenario: the connector exits promptly and quietly when the Launcher closes the pipe
    Beyond the source, which does not say what a connector does when the Launcher hangs up: a connector left
    running holds a remote session open.

    Given a launchable configuration
    When the Launcher closes the pipe after the connector reported its window
    Then the connector exits within the exit deadline
    And while it was exiting it used at most 10 % of one core

  @req:LC-C12 @policy
  Scenario Outline: <variant> in a launchable configuration change nothing
    Beyond the source, which does not promise a configuration that never grows or holds only ASCII.

    Given the connector reports RemoteConnectionWindowCreated for the plain launchable configuration
    And a launchable configuration with <variant>
    When the connector under test runs until it reports its window
    Then it reported RemoteConnectionWindowCreated as it does for the plain configuration, and neither crashed nor reported RemoteConnectionFailure

    Examples:
      | variant               |
      | unknown extra members |
      | non-ASCII text        |
      | empty dictionaries    |
