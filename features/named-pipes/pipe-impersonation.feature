@role:transport @windows
Feature: Acting as the client only after hearing from it
  A Windows server may take on its client's identity, but only once it has read something from the client.
  A server that asks too early is refused, and must then turn the request down rather than carry on as if
  it were the client.

  @req:NP-08
  Scenario: impersonating before reading anything fails
    Given a pipe with 1 instance
    And a client connected to it
    When the server tries to act as its client before reading from it
    Then the system refuses the impersonation
    And the server turns the request down without acting on it

  @req:NP-08
  Scenario: impersonating after reading the client's first bytes succeeds
    Given a pipe with 1 instance
    And a client connected to it
    When the client writes "hello" as one write
    And the server reads it and then acts as its client
    Then while acting as the client the server runs as the client's account
