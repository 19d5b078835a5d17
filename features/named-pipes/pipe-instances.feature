@role:transport
Feature: One instance per client, and never more instances than allowed
  Unlike a listening socket, a pipe instance is the connection itself: it serves one client, and the next
  client needs another instance. A server that wants several clients at once keeps several instances, up
  to the maximum it set when it created the pipe, and never more.

  @req:NP-02
  Scenario: the next client is served once the only instance is free again
    Given a pipe with 1 instance
    And a client connected to it
    When another client tries to connect once
    Then that client is refused as busy
    When the first client disconnects
    And another client connects, retrying while the pipe is busy
    Then the server serves that client

  @req:NP-02
  Scenario: a pipe with three instances serves three clients at once
    Given a pipe with 3 instances that answers each client with what it wrote
    When 3 clients connect and stay connected
    Then the server holds 3 connections at once
    And each client gets back what it wrote, and nothing of the others

  @req:NP-04
  Scenario: a fourth client is refused while three instances are taken
    Given a pipe with 3 instances
    And 3 clients connected to it
    When another client tries to connect once
    Then that client is refused as busy
    And the server holds 3 connections at once

  @req:NP-04 @req:NP-02
  Scenario: a burst of 24 clients never holds more than 3 instances
    Given a pipe with 3 instances that answers each client with what it wrote, then closes it
    When 24 clients connect at the same moment, each retrying while the pipe is busy
    Then every client gets back what it wrote
    And the server never held more than 3 connections at once
