@role:launcher @req:LC-L14 @interpretation
Feature: A session's connection is closed out once, and final states are final
  The suite reads the source as: ConnectionEnded is posted at most once per session, a session in a
  final state (faulted, aborted, completed, abandoned) never leaves it, and no ConnectionFailed follows
  ConnectionEnded. After ConnectionFailed the legacy delayed ConnectionEnded may still come (the source
  lists failure among its triggers), once, and moves nothing. Custom events still pass.

  Background:
    Given a Launcher session whose connector uses the pipe
    And the session is in login state succeeded and session state running

  Scenario: a second window-closed report posts nothing
    When the connector reports RemoteConnectionWindowClosed
    And the connector reports RemoteConnectionWindowClosed
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state succeeded and session state faulted

  Scenario: the tracked process exiting after the window closed without tracking posts nothing more
    When the connector reports RemoteConnectionWindowClosed
    And the connector reports RemoteConnectionWindowCreated for process 4242
    And process 4242 exits
    Then the Launcher has posted ConnectionEnded once

  Scenario: a failure after the session ended changes nothing
    When the connector reports RemoteConnectionWindowClosed
    And the connector reports RemoteConnectionFailure with message "too late"
    Then the Launcher has posted no ConnectionFailed
    And the session is in login state succeeded and session state faulted

  Scenario: after a failure the legacy delayed ConnectionEnded comes once and moves nothing
    When the connector reports RemoteConnectionFailure with message "host unreachable"
    And the user session logs off
    And 60 seconds pass
    Then the Launcher has posted ConnectionFailed once
    And the Launcher has posted ConnectionEnded once
    And the session is in login state succeeded and session state faulted

  Scenario Outline: a session in a final state stays there (<session>)
    Given the session is in login state succeeded and session state <session>
    When the connector reports RemoteConnectionWindowClosed
    Then the session is in login state succeeded and session state <session>

    Examples:
      | session   |
      | faulted   |
      | aborted   |
      | completed |
      | abandoned |

  Scenario: custom events still pass after the session ended
    When the connector reports RemoteConnectionWindowClosed
    And the connector reports Custom with message "connection log uploaded"
    Then the appliance received a custom user-session event with message "connection log uploaded"
