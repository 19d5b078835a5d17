@role:event-pipe-service @in-process
Feature: The event-pipe service delivers events one at a time, each confirmed
  An Event waits for a Confirmation carrying its eventId, 1000 ms at most, and nothing else is sent
  meanwhile. An unconfirmed event costs the connection and is kept for the next client, unless it is a
  TrafficChanged event, which is dropped while the connection stays. Kept events reach the next client
  right after its handshake, oldest first, and a confirmed event never comes again. Events are asked for
  the way the harness asks a service under test: a Conformance.EmitEvent request on the command pipe.

  Background:
    Given the reference event-pipe service
    When client 1 connects
    And client 1 sends its Handshake

  @req:PM-E06 @interpretation
  Scenario: an event confirmed 1 ms before the deadline is done with
    When the service emits a StateChanged event A
    And 999 ms pass
    And client 1 confirms event A
    And 1000 ms pass
    Then client 1 receives event A at 0 ms
    And client 1 is still connected
    And client 1 receives a Handshake from the service at 1999 ms
    And the service holds no event

  @req:PM-E06 @interpretation
  Scenario: nothing else is sent while an event awaits its confirmation
    When the service emits a StateChanged event A
    And the service emits a StateChanged event B
    And 500 ms pass
    Then client 1 never receives event B
    When client 1 confirms event A as XML
    Then client 1 receives event B at 500 ms

  @req:PM-E07
  Scenario: an event unconfirmed at 1000 ms costs the connection and is kept
    When the service emits a StateChanged event A
    And 999 ms pass
    Then client 1 is still connected
    When 1 ms passes
    Then client 1 is disconnected at 1000 ms
    And the service keeps event A for the next client

  @req:PM-E07 @req:PM-E09 @interpretation
  Scenario: the next client gets the kept event right after its handshake, and never again once confirmed
    When the service emits a StateChanged event A
    And 1000 ms pass
    And client 2 connects
    And client 2 sends its Handshake
    Then client 2 receives event A in that order right after the service's Handshake
    When client 2 confirms event A
    And client 2 closes its connection
    And client 3 connects
    And client 3 sends its Handshake
    And 500 ms pass
    Then client 3 never receives event A
    And the service holds no event

  @req:PM-E09 @req:PM-E10 @interpretation
  Scenario: kept events come back in the order they occurred
    When the service emits a StateChanged event A
    And 1000 ms pass
    And the service emits a StateChanged event B
    And the service emits a ConnectionLost event C
    And client 2 connects
    And client 2 sends its Handshake
    And client 2 confirms event A
    And client 2 confirms event B
    And client 2 confirms event C
    Then client 2 receives events A, B, C in that order right after the service's Handshake
    And the service holds no event

  @req:PM-E08 @interpretation
  Scenario: an unconfirmed TrafficChanged is dropped and the connection kept
    When the service emits a TrafficChanged event T
    And 999 ms pass
    And 1 ms passes
    Then client 1 is still connected
    And the service holds no event
    When 1000 ms pass
    Then client 1 receives a Handshake from the service at 2000 ms

  @req:PM-E08 @interpretation
  Scenario: a dropped TrafficChanged never reaches another client
    When the service emits a TrafficChanged event T
    And 1000 ms pass
    And client 1 closes its connection
    And client 2 connects
    And client 2 sends its Handshake
    And 500 ms pass
    Then client 2 never receives event T

  @req:PM-E10 @interpretation
  Scenario: events that occur with no client are kept for the next, TrafficChanged excepted
    When client 1 closes its connection
    And the service emits a StateChanged event A
    And the service emits a TrafficChanged event T
    Then the service keeps event A for the next client
    When client 2 connects
    And client 2 sends its Handshake
    Then client 2 receives event A in that order right after the service's Handshake
    When client 2 confirms event A
    And 500 ms pass
    Then client 2 never receives event T
