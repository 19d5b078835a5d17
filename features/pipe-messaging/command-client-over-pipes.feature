@role:command-pipe-client
Feature: A command-pipe client, over real pipes
  The client under test runs as its own process, the command pipe named in CONFORMANCE_COMMAND_PIPE_NAME;
  it sends one request and exits with code 0 once it has the response. The harness plays the server in
  real time. Only the frames the client sends are judged, as the catalog says.

  @req:PM-C04 @interpretation
  Scenario: the client waits for a slow answer
    The harness holds its answer for responseSeconds (10 s by default, the least PM-C04 asks a client to wait),
    less the 50 ms early tolerance.

    When the command-pipe client under test meets a server that answers slowly
    Then the client was still waiting when the slow answer came, and took it

  @req:PM-F04
  Scenario: an answer in pieces is rebuilt
    When the command-pipe client under test meets a server that answers at once, in pieces
    Then the client took the answer in pieces

  @req:PM-F05
  Scenario: an answer cut off by the end of the stream is no answer
    When the command-pipe client under test meets a server that cuts its answer off
    Then the client did not take the cut-off answer

  @req:PM-F01 @req:PM-F02 @req:PM-F03 @req:PM-F06 @interpretation
  Scenario: every frame the client sends is well-formed
    When the command-pipe client under test meets a server that answers at once, in pieces
    Then every frame the client sent was well-formed under PM-F01
    And every frame the client sent was well-formed under PM-F02
    And every frame the client sent was well-formed under PM-F03
    And every frame the client sent was well-formed under PM-F06
