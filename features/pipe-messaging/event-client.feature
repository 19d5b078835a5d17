@role:event-pipe-client @in-process
Feature: The event-pipe client handshakes at once, answers checks and confirms every event
  The reference client sends its Handshake the moment it connects. If the service's Handshake has not
  come 3000 ms later, that client instance closes its connection and disposes of itself, and a new
  instance connects at once. It answers the service's idle-time Handshakes and confirms each Event with its
  eventId. Checked under a manual clock, the service scripted byte for byte.

  Background:
    Given the reference event-pipe client

  @req:PM-E02 @req:PM-F01
  Scenario: the client's Handshake is the first thing it sends, at once
    Then the client sends its Handshake on connection 1 at 0 ms

  @req:PM-E04 @interpretation
  Scenario: a service answering 1 ms before the 3000 ms time-out keeps the client
    When 2999 ms pass
    And the service answers with its Handshake
    And 1000 ms pass
    Then connection 1 is still open
    And the client has made 1 connection

  @req:PM-E04 @interpretation
  Scenario: without the service's Handshake at 3000 ms the instance goes and a new one connects at once
    When 2999 ms pass
    Then connection 1 is still open
    When 1 ms passes
    Then the client closes connection 1 at 3000 ms
    And the client has made 2 connections
    And the client sends its Handshake on connection 2 at 3000 ms

  @req:PM-E05 @interpretation
  Scenario: the client answers the service's check at once
    When the service answers with its Handshake
    And 1000 ms pass
    And the service sends a Handshake
    Then the client answers with a Handshake at 1000 ms

  @req:PM-E06 @req:PM-F03 @interpretation
  Scenario: the client confirms each event at once, with its eventId, in either form
    When the service answers with its Handshake as XML
    And the service sends a StateChanged event A
    And 200 ms pass
    And the service sends a TrafficChanged event B as XML
    Then the client confirms event A at 0 ms
    And the client confirms event B at 200 ms
    And the client's application has received events A, B

  @req:PM-F04
  Scenario: an event in pieces, and an event with a Handshake in one write, are rebuilt exactly
    When the service answers with its Handshake
    And the service sends a StateChanged event A in 7 pieces
    And the service sends a StateChanged event B and a Handshake in one write
    Then the client confirms event A at 0 ms
    And the client confirms event B at 0 ms
    And the client answers with a Handshake at 0 ms

  @req:PM-F05
  Scenario: an event cut off by the end of the stream is never confirmed, and a new instance connects
    When the service answers with its Handshake
    And the service sends all but the last 5 bytes of a StateChanged event A
    And 500 ms pass
    And the service closes the connection
    Then the client never confirms event A
    And the client has made 2 connections
    And the client sends its Handshake on connection 2 at 500 ms
