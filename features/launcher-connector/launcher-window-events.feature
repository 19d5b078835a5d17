@role:launcher
Feature: Window events move the session only when the connection is over
  RemoteConnectionWindowCreated tells the Launcher which process to track; it posts nothing. The
  connection is over when the connector says the window closed and nothing is tracked, or when the
  tracked process exits. Then the Launcher posts ConnectionEnded and the session moves as table T1
  says. (Interpretation: the published table's cells were lost; these rows use the public API's
  state names.)

  Background:
    Given a Launcher session whose connector uses the pipe

  @req:LC-L06
  Scenario: a window without a process id posts nothing and moves nothing
    Given the session is in login state succeeded and session state running
    When the connector reports RemoteConnectionWindowCreated without a processId
    Then the Launcher has posted nothing since ConnectionStarted
    And the session is in login state succeeded and session state running
    And the Launcher is tracking no process

  @req:LC-L06
  Scenario: a window with a process id starts tracking, and a second one replaces it
    When the connector reports RemoteConnectionWindowCreated for process 4242
    Then the Launcher is tracking process 4242
    When the connector reports RemoteConnectionWindowCreated for process 4343
    Then the Launcher is tracking process 4343
    And the Launcher has posted nothing since ConnectionStarted
    And the session is in login state inprogress and session state undefined

  @req:LC-L07
  Scenario Outline: the connector reports the window closed while nothing is tracked (table T1: <login before>, <session before>)
    Given the session is in login state <login before> and session state <session before>
    When the connector reports RemoteConnectionWindowClosed
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state <login after> and session state <session after>

    @interpretation
    Examples: table T1
      | login before | session before | login after | session after |
      | inprogress   | undefined      | failed      | faulted       |
      | succeeded    | connected      | succeeded   | faulted       |
      | succeeded    | running        | succeeded   | faulted       |
      | succeeded    | loggingOff     | succeeded   | completed     |
      | succeeded    | abortRequested | succeeded   | aborted       |
      | failed       | undefined      | failed      | faulted       |

  @req:LC-L08
  Scenario: the window closed while a process is tracked waits for that process
    Given the connector reported RemoteConnectionWindowCreated for process 4242
    And the session is in login state succeeded and session state loggingOff
    When the connector reports RemoteConnectionWindowClosed
    Then the Launcher has posted no ConnectionEnded
    When process 4242 exits
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state succeeded and session state completed

  @req:LC-L09
  Scenario Outline: the tracked process exits without the window being reported closed (table T1: <login before>, <session before>)
    Given the connector reported RemoteConnectionWindowCreated for process 4242
    And the session is in login state <login before> and session state <session before>
    When process 4242 exits
    Then the Launcher has posted ConnectionEnded once
    And the session is in login state <login after> and session state <session after>
    And the Launcher is tracking no process

    @interpretation
    Examples: table T1
      | login before | session before | login after | session after |
      | inprogress   | undefined      | failed      | faulted       |
      | succeeded    | connected      | succeeded   | faulted       |
      | succeeded    | running        | succeeded   | faulted       |
      | succeeded    | loggingOff     | succeeded   | completed     |
      | succeeded    | abortRequested | succeeded   | aborted       |
      | failed       | undefined      | failed      | faulted       |

  @req:LC-L09
  Scenario: only the process tracked last ends the connection
    Given the connector reported RemoteConnectionWindowCreated for process 4242
    And the connector reported RemoteConnectionWindowCreated for process 4343
    And the session is in login state succeeded and session state running
    When process 4242 exits
    Then the Launcher has posted no ConnectionEnded
    When process 4343 exits
    Then the Launcher has posted ConnectionEnded once
