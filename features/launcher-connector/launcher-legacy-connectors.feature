@role:launcher
Feature: Connectors that never report still get their session ended
  Using the pipe is optional. If nothing tells the Launcher that the connection is over, a configured
  session tracker follows the remote window; otherwise the Launcher waits a configured delay (30 s by
  default) after the session ends, fails or times out, and then posts ConnectionEnded. A connection
  that fails silently before any window is timed out by the appliance after the login time-out
  (120 s by default).

  @req:LC-L12 @interpretation
  Scenario: a configured session tracker follows the window of a connector that never uses the pipe
    Given the session tracker is configured
    And a Launcher session whose connector never uses the pipe
    And the session is in login state succeeded and session state running
    When the session tracker finds the remote window of process 5151
    And process 5151 exits
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state succeeded and session state faulted

  @req:LC-L12 @interpretation
  Scenario: without a tracker, ConnectionEnded follows the configured delay after the session ends
    The source names the delay as a setting without a value; 30 s is the suite's default.

    Given the session tracker is not configured
    And a Launcher session whose connector never uses the pipe
    And the session is in login state succeeded and session state running
    When the user session logs off
    And 29 seconds pass
    Then the Launcher has posted no ConnectionEnded
    When 1 second passes
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state succeeded and session state completed

  @req:LC-L12 @interpretation
  Scenario: a connector that uses the pipe but never reports the end falls back to the same delay
    Given a Launcher session whose connector uses the pipe
    And the connector reported RemoteConnectionWindowCreated without a processId
    And the session is in login state succeeded and session state running
    When the user session logs off
    And 30 seconds pass
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state succeeded and session state completed

  @req:LC-L13 @interpretation
  Scenario: a silent failure before any window is timed out, then ended after the delay
    The source says only that the appliance times such a session out. The 120 s login time-out, the 30 s
    delay and the event's name connectionInitializationTimeout are the suite's; the final states are T1's
    last row.

    Given a Launcher session whose connector uses the pipe
    When 119 seconds pass
    Then the appliance recorded no connectionInitializationTimeout
    When 1 second passes
    Then the appliance recorded connectionInitializationTimeout once
    And the session is in login state failed and session state undefined
    And the Launcher has posted no ConnectionEnded
    When 29 seconds pass
    Then the Launcher has posted no ConnectionEnded
    When 1 second passes
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state failed and session state faulted

  @req:LC-L13 @interpretation
  Scenario: a connector that never uses the pipe is timed out the same way
    Given a Launcher session whose connector never uses the pipe
    When 150 seconds pass
    Then the appliance recorded connectionInitializationTimeout once
    And the Launcher has posted ConnectionEnded once
    And the session is in login state failed and session state faulted
