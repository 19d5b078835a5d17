@role:event-pipe-service
Feature: An event-pipe service, over real pipes
  The service under test runs as its own process with a fresh event pipe and command pipe. The harness
  plays its clients in real time and asks for events with Conformance.EmitEvent requests on the command
  pipe; a service that answers Error has the event scenarios skipped, with the reason, and is then not
  conformant, since their MUST rules went unchecked. Timings are judged within 250 ms late and 50 ms
  early of the service's deadlines (1000 ms each by default; set them in the manifest).

  @req:PM-E03
  Scenario: the client's Handshake is answered with the service's
    When a client connects to the service under test, handshakes at once and answers its checks
    Then the service answered the client's Handshake with its own, promptly

  @req:PM-E05 @interpretation
  Scenario: an idle client is checked, and kept while it answers in time
    When a client connects to the service under test, handshakes at once and answers its checks
    Then the service checked the idle client after each idle interval and kept it while it answered in time

  @req:PM-E05 @interpretation
  Scenario: a check left unanswered costs the connection
    When a client of the service under test leaves its check unanswered
    Then the service disconnected the client when its answer deadline was up

  @req:PM-E02
  Scenario: a client's Handshake is due within the deadline
    When clients connect to the service under test and handshake late, never, and a byte at a time
    Then the late Handshake was answered and the silent client cut off when its deadline was up

  @req:PM-E01
  Scenario: one client at a time
    When a second client tries the service under test while a first is connected
    Then the second client got nothing while the first was served on

  @req:PM-E06 @interpretation
  Scenario: each event waits for its Confirmation
    When the service under test emits events that its client confirms at once, late and in turn
    Then each event came as asked and waited for its Confirmation

  @req:PM-E09 @interpretation
  Scenario: a confirmed event never comes again
    When the service under test emits events that its client confirms at once, late and in turn
    And the service under test emits an event its client leaves unconfirmed, and more while no client is connected
    Then no confirmed event came again

  @req:PM-E07
  Scenario: an unconfirmed event costs the connection and goes to the next client first
    When the service under test emits an event its client leaves unconfirmed, and more while no client is connected
    Then the unconfirmed event cost the connection when its deadline was up and went to the next client right after its handshake

  @req:PM-E09 @interpretation
  Scenario: kept events come oldest first
    When the service under test emits an event its client leaves unconfirmed, and more while no client is connected
    Then the kept events came oldest first, and never again once confirmed

  @req:PM-E10 @interpretation
  Scenario: events that find no client are kept
    When the service under test emits an event its client leaves unconfirmed, and more while no client is connected
    Then the events that found no client were kept for the next

  @req:PM-E08 @interpretation
  Scenario: an unconfirmed TrafficChanged is dropped, the connection kept
    When the service under test emits TrafficChanged events left unconfirmed or with no client
    Then the unconfirmed TrafficChanged kept the connection and reached no other client

  @req:PM-E10 @interpretation
  Scenario: a TrafficChanged that finds no client is not kept
    When the service under test emits TrafficChanged events left unconfirmed or with no client
    Then the TrafficChanged that found no client was not kept

  @req:PM-F04
  Scenario: frames are rebuilt whether they come a byte at a time or many in one write
    When clients connect to the service under test and handshake late, never, and a byte at a time
    And clients send the service under test hostile lengths, cut-off frames and a flood
    Then the Handshake written a byte at a time was answered
    And each hostile input judged under PM-F04 cost only its connection, and the next client was served

  @req:PM-F02
  Scenario: a length with its top bit set costs only its connection
    When clients send the service under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-F02 cost only its connection, and the next client was served

  @req:PM-F06 @interpretation
  Scenario: a zero length costs only its connection
    When clients send the service under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-F06 cost only its connection, and the next client was served

  @req:PM-F05
  Scenario: a stream that ends inside a frame is never acted on
    When clients send the service under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-F05 cost only its connection, and the next client was served

  @req:PM-F03 @interpretation
  Scenario: a payload that is not a message is never acted on
    When clients send the service under test payloads that are not messages, and a slow drip
    Then each hostile input judged under PM-F03 cost only its connection, and the next client was served

  @req:PM-E02
  Scenario: a Handshake that never completes — dripping in, or claiming 2 GiB — is cut off at the deadline
    When clients send the service under test payloads that are not messages, and a slow drip
    And clients send the service under test hostile lengths, cut-off frames and a flood
    Then each hostile input judged under PM-E02 cost only its connection, and the next client was served

  @req:PM-F01 @req:PM-F02 @req:PM-F03 @req:PM-F06 @interpretation
  Scenario: every frame the service sends is well-formed
    When a client connects to the service under test, handshakes at once and answers its checks
    And the service under test emits events, where it can, that its client confirms at once, late and in turn
    Then every frame the service sent was well-formed under PM-F01
    And every frame the service sent was well-formed under PM-F02
    And every frame the service sent was well-formed under PM-F03
    And every frame the service sent was well-formed under PM-F06
