@role:command-pipe-server
Feature: A command-pipe server, over real pipes
  The server under test runs as its own process with a fresh command pipe. The harness plays its clients
  in real time; their requests carry the command Conformance.Echo, and any Response with the request's
  requestId, Success or Error, answers one. Timings are judged within 250 ms late and 50 ms early of the
  server's request deadline (3 s by default; set requestSeconds in the manifest).

  @req:PM-C01 @interpretation
  Scenario: one request per connection, then the server closes
    When clients send the server under test requests at once, in XML, and a byte at a time
    Then each got one Response to its request, and then the server closed the connection

  @req:PM-C02
  Scenario: one client at a time, each served in its turn
    When three clients come to the server under test at once
    Then each client was served in its turn, none dropped, none while another's exchange was open

  @req:PM-C03
  Scenario: a request well inside the deadline is answered
    When a client sends the server under test its request well inside the deadline
    Then the request was answered

  @req:PM-C03
  Scenario: a client that says nothing is disconnected when the deadline is up
    When a client connects to the server under test and says nothing
    Then the silent client was disconnected when the request deadline was up

  @req:PM-C03
  Scenario: a request dripping in a byte every 100 ms is cut off at the deadline
    When a client drips its request into the server under test a byte every 100 ms
    Then the dripping client was disconnected when the request deadline was up

  @req:PM-C03
  Scenario: a request claiming 2 GiB, of which little comes, is cut off at the deadline
    When clients send the server under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-C03 cost only its connection, and the next request was answered

  @req:PM-F04
  Scenario: requests are rebuilt whether they come a byte at a time or many in one write
    When clients send the server under test requests at once, in XML, and a byte at a time
    And clients send the server under test hostile lengths, cut-off frames and a flood
    Then the coalesced and the byte-at-a-time requests were answered
    And each hostile input judged under PM-F04 cost only its connection, and the next request was answered

  @req:PM-F02
  Scenario: a length with its top bit set costs only its connection
    When clients send the server under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-F02 cost only its connection, and the next request was answered

  @req:PM-F06 @interpretation
  Scenario: a zero length costs only its connection
    When clients send the server under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-F06 cost only its connection, and the next request was answered

  @req:PM-F05
  Scenario: a request cut off by the end of the stream is never answered
    When clients send the server under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-F05 cost only its connection, and the next request was answered

  @req:PM-F03 @interpretation
  Scenario: a payload that is not a request is never acted on, and XML is a request too
    When clients send the server under test payloads that are not requests
    And clients send the server under test requests at once, in XML, and a byte at a time
    Then each hostile input judged under PM-F03 cost only its connection, and the next request was answered
    And the request in XML was answered

  @req:PM-F01 @req:PM-F02 @req:PM-F03 @req:PM-F06 @interpretation
  Scenario: every frame the server sends is well-formed
    When clients send the server under test requests at once, in XML, and a byte at a time
    And three clients come to the server under test at once
    Then every frame the server sent was well-formed under PM-F01
    And every frame the server sent was well-formed under PM-F02
    And every frame the server sent was well-formed under PM-F03
    And every frame the server sent was well-formed under PM-F06
