@role:dcv-broker @in-process
Feature: The reference broker answers an extension's requests
  The harness attaches an extension to the reference broker in process, over a pair of in-memory pipes, and
  plays it byte for byte: each request goes as a 4-byte little-endian length and one ExtensionMessage.

  Background:
    Given the reference broker
    And an extension whose manifest names the namespace "conformance"

  @req:VC-02
  Scenario: every response carries its request's id and a real status
    When the extension sends one request of every kind
    Then every response carried its request's id and a status other than NONE

  @req:VC-03
  Scenario: a valid setup is answered with the relay, the broker's process id and a token
    When the extension sets up the channel "echo"
    Then the setup of "echo" was answered SUCCESS with the channel's name, a relay path, the broker's process id and a token of 32 bytes

  @req:VC-17
  Scenario: streaming views and the cursor are answered not implemented
    When the extension asks for the streaming views, whether a point is inside them, and to move the cursor
    Then each of those requests was answered ERROR_NOT_IMPLEMENTED
