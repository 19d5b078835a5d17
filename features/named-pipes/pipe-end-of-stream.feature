@role:transport
Feature: The end of the stream is seen at once, and waiting costs nothing
  When one end closes, the other learns of it at once as the end of the stream. Waiting for that, or for a
  first client, must not keep a processor busy: the waiting end sleeps in the system until there is
  something to see. Each scenario runs the waiting end in a probe process of its own and measures the
  processor time that process used while it waited.

  @req:NP-09
  Scenario: a waiting client sees the server's close at once, without spinning
    Given a pipe with 1 instance
    And a probe process connected to it as a client, waiting for the end of the stream
    When the server stays silent for 2 seconds and then closes the connection
    Then the probe sees the end of the stream within 1 second of the close
    And the probe used at most 10% of one processor while it waited

  @req:NP-09
  Scenario: a waiting server sees its client's close at once, without spinning
    Given a probe process serving a pipe
    And a client connected to the probe
    When the client stays silent for 2 seconds and then closes the connection
    Then the probe sees the end of the stream within 1 second of the close
    And the probe used at most 10% of one processor while it waited

  @req:NP-09
  Scenario: a server waiting for its first client does not poll
    Given a probe process serving a pipe
    When no client comes for 2 seconds, and then one connects
    Then the probe accepts that client within 1 second of its connecting
    And the probe used at most 10% of one processor while it waited for the client
