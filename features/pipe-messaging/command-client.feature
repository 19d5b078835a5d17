@role:command-pipe-client @in-process
Feature: The command-pipe client waits for long operations
  Processing a command may take a while, so a client waits at least 10 s for its answer by default; the
  reference client waits 30 s, and its time-out can be set. It takes an answer that arrives in pieces, and never takes one cut off by
  the end of the stream. Checked under a manual clock, the server scripted byte for byte.

  @req:PM-C04 @interpretation
  Scenario: by default the client still takes an answer after 10 s
    Given the reference command-pipe client
    When the client sends an Echo request
    And 10001 ms pass
    And the server answers the request
    Then the client takes the answer

  @req:PM-C04 @interpretation
  Scenario: by default the client waits 30 s to the millisecond, then gives up
    Given the reference command-pipe client
    When the client sends an Echo request
    And 29999 ms pass
    Then connection 1 is still open
    When 1 ms passes
    Then the client gives up at 30000 ms, closing its connection

  @req:PM-C04 @interpretation
  Scenario Outline: the client's time-out can be set (<time-out> ms)
    Given the reference command-pipe client with a time-out of <time-out> ms
    When the client sends an Echo request
    And <inside> ms pass
    And the server answers the request
    Then the client takes the answer

    Examples:
      | time-out | inside |
      | 10000    | 9999   |
      | 60000    | 59999  |

  @req:PM-C04 @interpretation
  Scenario: a time-out set to 10 s is kept to the millisecond
    Given the reference command-pipe client with a time-out of 10000 ms
    When the client sends an Echo request
    And 10000 ms pass
    Then the client gives up at 10000 ms, closing its connection

  @req:PM-F01 @req:PM-F04
  Scenario: the request goes as one frame at once, and an answer in pieces is rebuilt
    Given the reference command-pipe client
    When the client sends an Echo request
    Then the server receives the client's request at 0 ms
    When the server answers the request in 9 pieces
    Then the client takes the answer

  @req:PM-F05
  Scenario: an answer cut off by the end of the stream is no answer
    Given the reference command-pipe client
    When the client sends an Echo request
    And the server sends all but the last 3 bytes of its answer
    And the server closes the connection
    Then the client reports no response, because the stream ended after
