@role:transport
Feature: A busy pipe, and a client that retries
  When every instance of a pipe is taken, a connecting client is told the pipe is busy. The source leaves it
  to the client to try again after a while; the project's clients do: the first retry after 50 ms, each
  pause twice the one before up to 1 s, and they give up once 10 s have gone by (all three are settings).

  @req:NP-03 @unix
  Scenario: on Unix a busy pipe refuses the connection
    A Unix socket has no instances and would queue the client; the project's transport counts the
    connected clients and stops listening while all instances are taken, so the client meets ECONNREFUSED,
    the Unix form of "busy".

    Given a pipe with 1 instance
    And a client connected to it
    When another client tries to connect once
    Then that client is refused with ConnectionRefused
    And the pipe is not listening while its only instance is taken

  @req:NP-03 @windows
  Scenario: on Windows a busy pipe answers error 231
    Given a pipe with 1 instance
    And a client connected to it
    When another client opens the pipe directly
    Then the system answers error 231, all pipe instances are busy

  @req:NP-03
  Scenario: the client retries on the schedule and is served once an instance frees
    Given a pipe with 1 instance
    And a client connected to it
    And a manual clock for the retrying client
    When another client connects, retrying on the manual clock
    And the first client disconnects at 1200 ms on the manual clock
    Then the retrying client tried at these times on the manual clock:
      | ms   |
      | 0    |
      | 50   |
      | 150  |
      | 350  |
      | 750  |
      | 1550 |
    And it was connected at 1550 ms, on the first try after the instance freed

  @req:NP-03
  Scenario: the client gives up after 10 s, saying how often it was refused
    Given a pipe with 1 instance
    And a client connected to it
    And a manual clock for the retrying client
    When another client connects, retrying on the manual clock
    And the manual clock moves on 11 seconds
    Then the retrying client tried at these times on the manual clock:
      | ms    |
      | 0     |
      | 50    |
      | 150   |
      | 350   |
      | 750   |
      | 1550  |
      | 2550  |
      | 3550  |
      | 4550  |
      | 5550  |
      | 6550  |
      | 7550  |
      | 8550  |
      | 9550  |
      | 10000 |
    And it gave up at 10000 ms, saying all 15 attempts were refused
