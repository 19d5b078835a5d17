@role:transport @policy
Feature: Only the accounts a pipe is for may use it
  The first line on a Launcher's pipe carries a password, and a service's pipes carry its events, so a pipe
  admits the account that made it and the accounts it was told to admit, and nobody else. Another account is
  refused before it receives a single byte, and the pipe goes on serving its rightful clients. On Unix there
  are two locks: the socket file's owner and mode, and the server's check of each client's account as the
  kernel reports it, so opening up the file's mode does not open the pipe. This is stricter than the source,
  whose default also lets every account read.

  @req:NP-07 @unix
  Scenario: the socket file is the creating account's, and only it may open it
    Given a pipe with 1 instance
    Then the pipe's socket file belongs to the harness's account with mode 0600

  @req:NP-07 @unix
  Scenario: another account is refused without a byte and the rightful client is still served
    Given a pipe with 1 instance that greets each client it admits
    When a client running as another account tries to connect
    Then that client receives no byte
    And a client of the harness's own account is then greeted

  @req:NP-07 @unix
  Scenario: opening the socket file to every account does not let another account in
    Given a pipe with 1 instance that greets each client it admits, its socket file open to every account
    When a client running as another account tries to connect
    Then that client receives no byte
    And the pipe reports the refusal, naming that account's user id
    And a client of the harness's own account is then greeted

  @req:NP-07 @unix
  Scenario: an account the pipe is told to admit is served
    Given a pipe with 1 instance that greets each client it admits, admitting the other account too
    When a client running as another account tries to connect
    Then that client is greeted

  @req:NP-07 @windows
  Scenario: the pipe's access list grants only the creating account
    Given a pipe with 1 instance
    Then the pipe's access list allows the harness's account and no other
