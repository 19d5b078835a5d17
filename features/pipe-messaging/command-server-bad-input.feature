@role:command-pipe-server @in-process
Feature: A hostile frame costs the command-pipe server one connection and nothing more
  Whatever a client sends in place of a request — a length with its top bit set, a zero length, more than
  the server's limit, a payload that is not a message, a stream that ends inside a frame — the server
  drops that client without answering and serves the next one.

  Background:
    Given the reference command-pipe server
    When client 1 connects

  Scenario Outline: a bad length header costs its connection at once (<header>)
    When client 1 sends a frame header claiming <header> bytes
    Then client 1 is disconnected at 0 ms
    And the server drops client 1 for <requirement>
    And client 1 receives nothing
    When client 2 connects
    And client 2 sends an Echo request
    Then client 2 receives one Response to its request at 0 ms, and then the end of the connection

    @req:PM-F02
    Examples: top bit set
      | header     | requirement |
      | 0x80000000 | PM-F02      |

    @req:PM-F06 @interpretation
    Examples: zero length
      | header     | requirement |
      | 0x00000000 | PM-F06      |

  @req:PM-F02
  Scenario: a claimed 2 GiB is refused as a resource limit, without waiting for it
    When client 1 sends a frame header claiming 0x7FFFFFFF bytes and 16 bytes of payload
    Then client 1 is disconnected at 0 ms
    And the server drops client 1 for PM-F02 as a resource limit

  @req:PM-F03 @interpretation
  Scenario Outline: a payload that is not a request is never answered (<payload>)
    When client 1 sends a frame holding the <payload>
    Then client 1 is disconnected at 0 ms
    And the server drops client 1 for PM-F03
    And client 1 receives nothing
    When client 2 connects
    And client 2 sends an Echo request
    Then client 2 receives one Response to its request at 0 ms, and then the end of the connection

    Examples:
      | payload                                                  |
      | text plain words                                         |
      | bytes 3C FF 3E                                           |
      | text {"messageType":"Request","command":"Conformance.Echo"} |
      | text {"messageType":"Handshake","sender":"Client"}       |

  @req:PM-F05
  Scenario: a request cut off by the end of the stream is never answered
    When client 1 sends the first 30 bytes of an Echo request
    And client 1 ends its writing
    Then client 1 is disconnected at 0 ms
    And the server drops client 1 for PM-F05
    And client 1 receives nothing
