@role:event-pipe-client
Feature: An event-pipe client, over real pipes
  The client under test runs as its own process, its event pipe named in CONFORMANCE_EVENT_PIPE_NAME.
  The harness takes every connection it makes and plays the service in real time. Timings are judged
  within 250 ms late and 50 ms early; only the frames the client sends are judged, as the catalog says.

  @req:PM-E02
  Scenario: the client's Handshake comes first, right after it connects
    When the event-pipe client under test meets a service that answers, checks and sends events
    And the event-pipe client under test meets a service that never answers its handshake
    Then the client sent its Handshake first, right after connecting

  @req:PM-E05 @interpretation
  Scenario: the client answers the service's check
    When the event-pipe client under test meets a service that answers, checks and sends events
    Then the client answered the service's check in time

  @req:PM-E06 @interpretation
  Scenario: the client confirms each event, in either form
    When the event-pipe client under test meets a service that answers, checks and sends events
    Then the client confirmed each event with its eventId in time

  @req:PM-E04 @interpretation
  Scenario: without the service's Handshake the instance goes and a new one connects
    When the event-pipe client under test meets a service that never answers its handshake
    Then the client gave up when its handshake time-out was up, and a new instance connected

  @req:PM-F04
  Scenario: events in pieces, or together with a check, are rebuilt
    When the event-pipe client under test meets a service that answers, checks and sends events
    Then the client rebuilt the events that came in pieces or together, and answered the check among them

  @req:PM-F05
  Scenario: an event cut off by the end of the stream is never confirmed
    When the event-pipe client under test meets a service that cuts an event off
    Then the client never confirmed the cut-off event

  @req:PM-F01 @req:PM-F02 @req:PM-F03 @req:PM-F06 @interpretation
  Scenario: every frame the client sends is well-formed
    When the event-pipe client under test meets a service that answers, checks and sends events
    And the event-pipe client under test meets a service that never answers its handshake
    Then every frame the client sent was well-formed under PM-F01
    And every frame the client sent was well-formed under PM-F02
    And every frame the client sent was well-formed under PM-F03
    And every frame the client sent was well-formed under PM-F06
