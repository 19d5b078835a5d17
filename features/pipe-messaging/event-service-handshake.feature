@role:event-pipe-service @in-process
Feature: The event-pipe service opens each connection with a handshake
  A client sends its Handshake as soon as it connects, and the service answers with a Handshake of its own,
  which shows the client can hear it. A client whose Handshake has not arrived when 1000 ms are up is cut
  off; one that handshakes a millisecond earlier is served. Checked on the reference service under a
  manual clock, the client scripted byte for byte.

  Background:
    Given the reference event-pipe service

  @req:PM-E02 @req:PM-E03 @req:PM-F01
  Scenario: a Handshake sent at once is answered at once
    When client 1 connects
    And client 1 sends its Handshake
    Then client 1 receives the service's Handshake at 0 ms
    And client 1 is still connected

  @req:PM-E03 @req:PM-F03 @interpretation
  Scenario: a client that speaks XML is answered
    When client 1 connects
    And client 1 sends its Handshake as XML
    Then client 1 receives the service's Handshake at 0 ms

  @req:PM-E02
  Scenario: a Handshake 1 ms before the deadline is still answered
    When client 1 connects
    And 999 ms pass
    And client 1 sends its Handshake
    Then client 1 receives the service's Handshake at 999 ms
    And client 1 is still connected

  @req:PM-E02
  Scenario: a client still silent at 1000 ms is disconnected then
    When client 1 connects
    And 999 ms pass
    Then client 1 is still connected
    When 1 ms passes
    Then client 1 is disconnected at 1000 ms
    And the service drops client 1 for PM-E02
    And client 1 receives nothing

  @req:PM-E02
  Scenario: a Handshake dripping in a byte every 100 ms is cut off at 1000 ms
    When client 1 connects
    And client 1 sends its Handshake a byte at a time, 100 ms apart
    Then client 1 is disconnected at 1000 ms
    And the service drops client 1 for PM-E02
    And client 1 receives nothing

  @req:PM-E02
  Scenario: a Handshake claiming to come from the service does not open the connection
    When client 1 connects
    And client 1 sends a Handshake claiming to be the Service
    Then client 1 is disconnected at 0 ms
    And the service drops client 1 for PM-E02
