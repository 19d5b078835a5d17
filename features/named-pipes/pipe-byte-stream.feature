@role:transport
Feature: A pipe carries a plain stream of bytes, untouched
  The pipes of these protocols run in byte mode: the pipe keeps no record of where one write ended and the
  next began, so every protocol above it marks out its own messages (a length before each Pipe Messaging
  frame, a line feed after each Launcher line). Nor does the pipe interpret anything: no text encoding and no
  line-ending conversion on either end, so what one end writes is exactly what the other reads.

  Background:
    Given a pipe with 1 instance
    And a client connected to it

  @req:NP-01
  Scenario: three separate writes can come out of one read
    When the client writes "one", "two" and "six" as three separate writes
    Then the server reads "onetwosix" in a single read once all nine bytes are there

  @req:NP-01
  Scenario: one large write can come out in many reads
    When the server writes 65536 bytes in a single write
    Then the client reads the same 65536 bytes back through reads of at most 1000 bytes each

  @req:NP-01
  Scenario Outline: bytes that text handling would change pass unchanged both ways: <what>
    When the client writes the bytes <bytes>
    And the server writes the bytes <bytes>
    Then each end reads exactly the bytes <bytes>

    Examples:
      | what                       | bytes          |
      | CR LF                      | 0d 0a          |
      | a lone LF                  | 0a             |
      | a UTF-8 byte-order mark    | ef bb bf 7b 7d |
      | a UTF-16 byte-order mark   | ff fe 41 00    |
      | NUL and high bytes         | 00 ff 80 7f    |
      | non-ASCII UTF-8 text       | c3 a9 e2 82 ac |
      | a broken UTF-8 sequence    | c3 28 a0 a1    |

  @req:NP-01
  Scenario: all 256 byte values arrive unchanged and in order
    When the client writes every byte value from 00 to ff
    And the server writes every byte value from 00 to ff
    Then each end reads every byte value from 00 to ff, in order
