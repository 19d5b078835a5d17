@role:transport @windows
Feature: Read-only and write-only pipes
  A Windows pipe can be created for one direction only: the server then only reads and the client only
  writes, or the other way round. Every instance of one pipe shares its direction and its maximum number of
  instances. A Unix socket is always both ways and has no such setting, so these scenarios are Windows'.

  @req:NP-05
  Scenario: a client cannot read from an inbound-only pipe
    Given an inbound-only pipe: the client writes, the server reads
    When a client opens it for reading and writing
    Then the system refuses the client access
    And a client that opens it for writing only can write to the server

  @req:NP-05
  Scenario: a client cannot write to an outbound-only pipe
    Given an outbound-only pipe: the server writes, the client reads
    When a client opens it for reading and writing
    Then the system refuses the client access
    And a client that opens it for reading only can read from the server

  @req:NP-05
  Scenario: a second instance must keep the pipe's direction
    Given an inbound-only pipe: the client writes, the server reads
    When the server creates a second instance that reads and writes
    Then the system refuses to create that instance

  @req:NP-05 @req:NP-04
  Scenario: an instance beyond the pipe's maximum cannot be created
    Given a pipe whose maximum is 2 instances, both created
    When the server creates a third instance
    Then the system refuses to create that instance
