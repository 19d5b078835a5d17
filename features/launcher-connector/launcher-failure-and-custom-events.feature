@role:launcher
Feature: Failures end the session at once and custom events are passed on
  RemoteConnectionFailure lets the Launcher fail the session straight away, instead of waiting for the
  appliance's time-out; the session moves as table T2 says (interpretation: only the published table's
  column labels survive). The source lists failure among the triggers of the legacy delayed
  ConnectionEnded, so that event may still follow; the session is final by then and does not move.
  Custom events reach the appliance as custom user-session events carrying the connector's message.

  Background:
    Given a Launcher session whose connector uses the pipe

  @req:LC-L10 @interpretation
  Scenario Outline: a failure posts ConnectionFailed at once (table T2: <login before>, <session before>)
    Given the session is in login state <login before> and session state <session before>
    When the connector reports RemoteConnectionFailure with message "host unreachable"
    Then the Launcher has posted ConnectionFailed once
    And the session is in login state <login after> and session state <session after>
    And no time has passed on the session's clock

    Examples: table T2
      | login before | session before | login after | session after |
      | inprogress   | undefined      | failed      | faulted       |

  @req:LC-L10 @interpretation
  Scenario: after a failure only the legacy delayed ConnectionEnded follows, and it moves nothing
    The login time-out no longer matters once the failure is reported; the legacy delay (30 s by default,
    the suite's value) runs from the failure.

    When the connector reports RemoteConnectionFailure with message "host unreachable"
    And 29 seconds pass
    Then the Launcher has posted no ConnectionEnded
    When 1 second passes
    Then the Launcher has posted ConnectionEnded once
    And the Launcher has posted ConnectionFailed once
    And the session is in login state failed and session state faulted
    When 120 seconds pass
    Then the appliance recorded no connectionInitializationTimeout
    And the Launcher has posted ConnectionEnded once

  @req:LC-L11
  Scenario Outline: a Custom event becomes a custom user-session event with its message
    When the connector reports Custom with message "<message>"
    Then the appliance received a custom user-session event with message "<message>"
    And the session is in login state inprogress and session state undefined

    Examples:
      | message                               |
      | Logging in as CONTOSO\alice           |
      | Verbindung hergestellt – 接続しました |
