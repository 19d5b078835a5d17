@role:event-pipe-service @in-process @req:PM-E05 @interpretation
Feature: The event-pipe service checks an idle client with a handshake
  When 1000 ms pass without an event, the service sends a Handshake and the client must answer with one.
  The suite gives the answer the same 1000 ms; a client that misses it is disconnected, one that answers
  a millisecond earlier keeps its connection, and the next check comes 1000 ms after the answer.

  Background:
    Given the reference event-pipe service
    When client 1 connects
    And client 1 sends its Handshake

  Scenario: after 1000 ms without an event the service checks the client
    When 999 ms pass
    Then client 1 receives no Handshake from the service after 0 ms
    When 1 ms passes
    Then client 1 receives a Handshake from the service at 1000 ms

  Scenario: an answer 1 ms before the deadline keeps the connection
    When 1000 ms pass
    And 999 ms pass
    And client 1 sends its Handshake
    And 1000 ms pass
    Then client 1 is still connected
    And client 1 receives a Handshake from the service at 2999 ms

  Scenario: no answer within 1000 ms costs the connection
    When 1000 ms pass
    And 999 ms pass
    Then client 1 is still connected
    When 1 ms passes
    Then client 1 is disconnected at 2000 ms
    And the service drops client 1 for PM-E05
