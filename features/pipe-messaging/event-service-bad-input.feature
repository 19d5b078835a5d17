@role:event-pipe-service @in-process
Feature: A hostile frame costs the event-pipe service one connection and nothing more
  The event pipe is open to every local process. A length with its top bit set, a zero length, a payload
  that is neither JSON nor XML, not UTF-8 or not a valid message, and a stream that ends inside a frame
  each make the service drop that connection at once and serve the next client. Beyond the source, the
  reference service refuses a legal length above its 16 MiB limit the same way, as a resource limit,
  without allocating it.

  Background:
    Given the reference event-pipe service
    When client 1 connects

  Scenario Outline: a bad length header costs its connection at once (<header>)
    When client 1 sends a frame header claiming <header> bytes
    Then client 1 is disconnected at 0 ms
    And the service drops client 1 for <requirement>
    When client 2 connects
    And client 2 sends its Handshake
    Then client 2 receives the service's Handshake at 0 ms

    @req:PM-F02
    Examples: top bit set
      | header     | requirement |
      | 0x80000000 | PM-F02      |
      | 0xFFFFFFFF | PM-F02      |

    @req:PM-F06 @interpretation
    Examples: zero length
      | header     | requirement |
      | 0x00000000 | PM-F06      |

  @req:PM-F02
  Scenario Outline: a legal length above the limit is refused as a resource limit (<header>)
    When client 1 sends a frame header claiming <header> bytes and 16 bytes of payload
    Then client 1 is disconnected at 0 ms
    And the service drops client 1 for PM-F02 as a resource limit
    When client 2 connects
    And client 2 sends its Handshake
    Then client 2 receives the service's Handshake at 0 ms

    Examples:
      | header     |
      | 0x01000001 |
      | 0x7FFFFFFF |

  @req:PM-F03 @interpretation
  Scenario Outline: a payload that is not a message costs its connection (<payload>)
    When client 1 sends a frame holding the <payload>
    Then client 1 is disconnected at 0 ms
    And the service drops client 1 for PM-F03
    When client 2 connects
    And client 2 sends its Handshake
    Then client 2 receives the service's Handshake at 0 ms

    Examples:
      | payload                                                       |
      | text hello                                                    |
      | text   ["Handshake"]                                          |
      | bytes 7B 22 6D FF FE 22 7D                                    |
      | bytes EF BB BF 7B 7D                                          |
      | text {"messageType":"Handshake","sender":"Nobody"}            |
      | text <Handshake><sender>Nobody</sender></Handshake>           |

  @req:PM-F05
  Scenario Outline: a stream that ends inside a frame delivers nothing (<part>)
    When client 1 sends the first <bytes> bytes of its Handshake
    And client 1 ends its writing
    Then client 1 is disconnected at 0 ms
    And the service drops client 1 for PM-F05
    And client 1 receives nothing
    When client 2 connects
    And client 2 sends its Handshake
    Then client 2 receives the service's Handshake at 0 ms

    Examples:
      | part                 | bytes |
      | inside the header    | 2     |
      | inside the payload   | 20    |

  @req:PM-F04
  Scenario: a Handshake arriving a byte at a time is rebuilt exactly
    When client 1 sends its Handshake a byte at a time, 0 ms apart
    Then client 1 receives the service's Handshake at 0 ms

  @req:PM-F04
  Scenario: a flood of frames in one write is read frame by frame and the service goes on
    When client 1 sends its Handshake
    And client 1 sends 1000 Handshakes in one write
    And 1000 ms pass
    Then client 1 is still connected
    And client 1 receives a Handshake from the service at 1000 ms
