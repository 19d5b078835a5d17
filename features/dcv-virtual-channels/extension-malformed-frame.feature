@role:dcv-extension
Feature: A DCV extension meets a malformed frame from DCV
  The extension under test is started as DCV starts it; instead of a response to its first request, the harness
  writes a 4-byte length header whose top bit is set, which no frame may have. A receiver that meets a malformed
  frame ends the session: the extension is to exit, with any code, within its exit deadline (5 s by default, the
  manifest's exitSeconds: the time any extension is granted to exit once its control channel ends). If it has not
  exited 2 s past that it is ended with everything it started.

  @req:VC-01
  Scenario: a length with its top bit set from DCV ends the extension's session promptly
    When the harness answers the extension's first request with a length header whose top bit is set
    Then the extension ended its session by exiting within its exit deadline
