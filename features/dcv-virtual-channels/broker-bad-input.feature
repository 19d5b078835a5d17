@role:dcv-broker @in-process
Feature: Malformed control frames and hostile readers
  A party that breaks the framing loses its session at once, with the frame and the fault named; the broker
  tears its channels down, tells the other parties, and goes on serving everyone else.

  Background:
    Given the reference broker
    And an extension whose manifest names the namespace "conformance"
    And the remote party, in the namespace "conformance"
    And the channel "echo" is established between the extension and the remote party

  @req:VC-01
  Scenario Outline: a malformed frame ends the party's session promptly, and the broker serves on
    Given an extension called "faulty" whose manifest names the namespace "conformance"
    When "faulty" sends <input>
    Then the broker ended the session of "faulty" within 1 s, naming <fault>
    And the channel "echo" still carries bytes both ways, and the extension's requests are still answered

    Examples:
      | input                                                | fault                            |
      | a frame cut off by the end of the stream             | the stream ended after           |
      | a header claiming 16 MiB and 1 byte                  | above this receiver's limit      |
      | a header with its top bit set                        | has its top bit set              |
      | 3 bytes that are not protobuf                        | is not a valid                   |

  @req:VC-16
  Scenario: requests are rebuilt a byte at a time and many in one write
    When the extension sends a request a byte at a time, then three requests in one write
    Then all four were answered, in order

  @req:VC-16
  Scenario: a frame over the limit is refused from its header alone
    Given an extension called "greedy" whose manifest names the namespace "conformance"
    When "greedy" sends a header claiming 16 MiB and 1 byte and keeps the channel open
    Then the broker ended the session of "greedy" within 1 s, naming above this receiver's limit
