@role:transport
Feature: Pipe names are unique, and fit the platform
  Every session and every scenario gets a pipe of its own, so names are made fresh each time. On Windows
  the whole path \\.\pipe\NAME may hold 256 characters and names ignore case. On Unix a .NET pipe is a
  socket file in the temp directory, and its whole path must fit the 107 usable bytes of a socket address;
  the harness shortens the random part of a name to fit a long temp directory, and refuses, saying why, a
  name that cannot fit.

  Rule: every use gets a name of its own

  @req:NP-10
  Scenario: ten thousand names made in a row are all different, even ignoring case
    When the harness makes 10000 pipe names
    Then no two of them are alike, even ignoring case

  Rule: on Unix a name's socket path fits the 107 usable bytes of a socket address

  @req:NP-10 @unix
  Scenario Outline: under a temp directory of <length> bytes the harness's names still fit
    Given a temp directory whose path is <length> bytes long
    When the harness makes a pipe name there
    Then the name's socket path is at most 107 bytes long
    And the name keeps at least 8 random hex digits

    Examples:
      | length |
      | 5      |
      | 60     |
      | 80     |

  @req:NP-10 @unix
  Scenario: a temp directory too long for any unique name is refused, saying why
    Given a temp directory whose path is 90 bytes long
    When the harness makes a pipe name there
    Then it is refused with a message naming the 107-byte limit and TMPDIR

  @req:NP-10 @unix
  Scenario: a name whose socket path would not fit is refused before anything is created
    When a pipe named with 120 characters is opened
    Then it is refused with a message naming the 107-byte limit
    And no socket file was created for it

  Rule: on Windows a pipe path fits 256 characters, and case does not tell names apart

  @req:NP-10 @windows
  Scenario: a name whose pipe path would pass 256 characters is refused
    When a pipe named with 250 characters is opened
    Then it is refused with a message naming the 256-character limit

  @req:NP-10 @windows
  Scenario: names that differ only in case are the same pipe
    Given a pipe with 1 instance
    When a client connects to the pipe's name written in upper case
    Then the server serves that client
