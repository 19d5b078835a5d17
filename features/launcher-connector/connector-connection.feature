@role:connector
Feature: The connector finds the pipe in its environment and connects
  The Launcher names each session's pipe in the connector's VSI_IPC_PIPE_NAME environment variable and
  nowhere else. The connector reads the name from there and connects as a client; the Launcher then
  writes the ConnectionConfiguration as the first line.

  @req:LC-C01
  Scenario: the connector connects within the connect deadline
    Given a launchable configuration
    When the connector under test is started with the session's pipe in VSI_IPC_PIPE_NAME
    Then it connects to that pipe within the connect deadline

  @req:LC-C13
  Scenario: without VSI_IPC_PIPE_NAME the connector still runs, as for a Launcher without the pipe
    A Launcher from before the pipe passes everything on the command line. Whether the connector copes
    is reported as information only.

    Given a launchable configuration
    When the connector under test is started without VSI_IPC_PIPE_NAME
    Then it runs without crashing for the exit deadline, or exits cleanly within it
