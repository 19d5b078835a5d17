@role:command-pipe-server @in-process
Feature: The command-pipe server answers one request per connection, one client at a time
  A client connects, sends one Request and gets one Response carrying its requestId; then the server
  closes the connection, and nothing else the client sent is answered. Clients that arrive meanwhile wait
  their turn and are all served. A client without a whole request 3 s after it was accepted is cut off.
  Checked on the reference server under a manual clock, the clients scripted byte for byte.

  Background:
    Given the reference command-pipe server

  @req:PM-C01 @req:PM-F01 @interpretation
  Scenario: one request, one response, then the server closes
    When client 1 connects
    And client 1 sends an Echo request
    Then client 1 receives one Response to its request at 0 ms, and then the end of the connection

  @req:PM-C01 @req:PM-F03 @interpretation
  Scenario: a request in XML is answered
    When client 1 connects
    And client 1 sends an Echo request as XML
    Then client 1 receives one Response to its request at 0 ms, and then the end of the connection

  @req:PM-C01 @req:PM-F04 @interpretation
  Scenario: a second request in the same write is never answered
    When client 1 connects
    And client 1 sends two Echo requests in one write
    Then client 1 receives one Response to its request at 0 ms, and then the end of the connection

  @req:PM-F04
  Scenario: a request arriving a byte at a time is rebuilt exactly
    When client 1 connects
    And client 1 sends an Echo request a byte at a time
    Then client 1 receives one Response to its request at 0 ms, and then the end of the connection

  @req:PM-C02
  Scenario: clients arriving during an exchange wait their turn and are all served
    When client 1 connects
    And client 1 sends the first 10 bytes of an Echo request
    And client 2 connects
    And client 2 sends an Echo request
    And client 3 connects
    And client 3 sends an Echo request
    And 500 ms pass
    Then client 2 receives nothing
    And client 3 receives nothing
    When client 1 sends the rest of its Echo request after the first 10 bytes
    Then client 1 receives one Response to its request at 500 ms, and then the end of the connection
    And client 2 receives one Response to its request at 500 ms, and then the end of the connection
    And client 3 receives one Response to its request at 500 ms, and then the end of the connection

  @req:PM-C03
  Scenario: a request completed 1 ms before the deadline is answered
    When client 1 connects
    And client 1 sends the first 10 bytes of an Echo request
    And 2999 ms pass
    And client 1 sends the rest of its Echo request after the first 10 bytes
    Then client 1 receives one Response to its request at 2999 ms, and then the end of the connection

  @req:PM-C03
  Scenario: a client without a whole request at 3 s is disconnected then
    When client 1 connects
    And client 1 sends the first 10 bytes of an Echo request
    And 2999 ms pass
    Then client 1 is still connected
    When 1 ms passes
    Then client 1 is disconnected at 3000 ms
    And the server drops client 1 for PM-C03

  @req:PM-C03 @req:PM-C02
  Scenario: a waiting client's 3 s start when it is accepted
    When client 1 connects
    And client 2 connects
    And client 2 sends an Echo request
    And 3000 ms pass
    Then client 1 is disconnected at 3000 ms
    And client 2 receives one Response to its request at 3000 ms, and then the end of the connection
