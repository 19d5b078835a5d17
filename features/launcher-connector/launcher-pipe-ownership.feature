@role:launcher
Feature: The first client from the connector's process tree owns the pipe
  The pipe's name is visible to the whole user session, so the first client to connect wins. The
  Launcher sends that client the ConnectionConfiguration at once, keeps the pipe for it, and turns
  every later client away without a byte. Beyond the source, the reference Launcher only lets in a
  client that is the connector it started or one of its descendants.

  @req:LC-L04
  Scenario: the configuration is the first line a connecting client receives
    Given a Launcher session whose connector uses the pipe
    Then the first line the connector receives is the session's ConnectionConfiguration

  @req:LC-L04
  Scenario: over a real pipe, the configuration arrives within a second of connecting
    Given the reference Launcher without the client-process check
    When the Launcher starts a session for a connector that waits
    And a client connects to the session's pipe
    Then within 1 second that client receives the session's ConnectionConfiguration as its first line

  @req:LC-L05
  Scenario: a second client is turned away and receives nothing
    Given the reference Launcher without the client-process check
    When the Launcher starts a session for a connector that waits
    And a client connects to the session's pipe
    And a second client tries to connect to the session's pipe
    Then the second client is refused at once and receives no byte
    And the first client still owns the pipe

  @req:LC-L16 @policy
  Scenario: a client outside the connector's process tree is turned away
    Beyond the source, which leaves the pipe open to any process of the user session: the first line carries
    credentials, so the reference Launcher admits only the connector it started and what that connector started.

    Given the reference Launcher
    And a process outside the connector's tree tries the session's pipe just before the connector starts
    When the Launcher starts a session for the reference connector
    Then that process is refused and receives no byte
    And the Launcher logs that it is not the connector or one of its descendants
    And the connector it started then owns the pipe and its events reach the Launcher
