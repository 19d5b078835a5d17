@role:event-pipe-service @in-process @req:PM-E01
Feature: The event-pipe service keeps one client at a time
  While a client holds the event pipe, a second one gets nothing: no answer to its Handshake, no event.
  Over a real pipe it is told the pipe is busy; here, inside the harness, it waits its turn and is served
  once the first client has gone.

  Scenario: a second client gets nothing while the first is connected, and is served after it
    Given the reference event-pipe service
    When client 1 connects
    And client 1 sends its Handshake
    And client 2 connects
    And client 2 sends its Handshake
    And the service emits a StateChanged event A
    Then client 2 receives nothing
    And client 1 receives event A at 0 ms
    When client 1 confirms event A
    And 500 ms pass
    And client 1 closes its connection
    Then client 2 receives the service's Handshake at 500 ms
