@role:transport @windows
Feature: Remote clients are turned away
  A Windows pipe can be reached from other machines unless its server says otherwise. The project's pipes
  carry credentials and local events only, so they deny every client that comes over the network.

  @req:NP-06
  Scenario: the pipe's access list denies network logons
    Given a pipe with 1 instance
    Then the pipe's access list denies the NETWORK group every access

  @req:NP-06
  Scenario: a client that comes through the machine's network name is refused
    Given a pipe with 1 instance
    When a client connects through this machine's network name rather than "."
    Then that client is refused and the server accepts nobody
