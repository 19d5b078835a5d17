@role:launcher
Feature: The Launcher opens a session before the connector runs
  When a session request arrives, the Launcher tells the appliance that the connection has started,
  creates the session's pipe (and starts the session tracker, when one is configured), and only then
  starts the connector, naming the pipe in the connector's environment and nowhere else.

  @req:LC-L01
  Scenario: a new session request puts the login in progress
    Given a Launcher session whose connector uses the pipe
    Then the Launcher has posted ConnectionStarted once
    And the session is in login state inprogress and session state undefined

  @req:LC-L01
  Scenario Outline: ConnectionStarted comes before the pipe, the tracker and the connector (tracker <tracker>)
    Given the reference Launcher with the session tracker <tracker>
    When the Launcher starts a session for the reference connector
    Then the Launcher's log shows ConnectionStarted before the pipe listened, the session tracker started and the connector process started

    Examples:
      | tracker        |
      | configured     |
      | not configured |

  @req:LC-L01
  Scenario: ConnectionStarted is posted even for a connector that never uses the pipe
    Given a Launcher session whose connector never uses the pipe
    Then the Launcher has posted ConnectionStarted once
    And the session is in login state inprogress and session state undefined

  @req:LC-L02
  Scenario Outline: the pipe, and a configured tracker, run before the connector starts (tracker <tracker>)
    Given the reference Launcher with the session tracker <tracker>
    When the Launcher starts a session for the reference connector
    Then when the connector process started, the session's pipe was already accepting connections
    And when the connector process started, the session tracker was <tracker state>

    Examples:
      | tracker        | tracker state |
      | configured     | running       |
      | not configured | not running   |

  @req:LC-L03
  Scenario: the pipe name travels in the environment only
    Given the reference Launcher
    When the Launcher starts two sessions for the reference connector
    Then each connector process has its session's pipe name in VSI_IPC_PIPE_NAME
    And the two sessions' pipe names differ
    And no connector command line holds the pipe name

  @req:LC-L17 @policy
  Scenario: no credential goes on the connector's command line
    Beyond the source, which allows command-line parameters beside the pipe: other local accounts can read
    command lines, so the Launcher passes neither the password nor a secure field there.

    Given the reference Launcher
    When the Launcher starts two sessions for the reference connector
    Then no connector command line holds the password or a secure field value
