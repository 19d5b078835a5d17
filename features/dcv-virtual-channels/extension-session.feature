@role:dcv-extension
Feature: A DCV extension, run under the harness as DCV and the remote party
  The extension under test is started as DCV starts one: from a DCV manifest the harness writes (its name and
  namespace from the certification manifest), its control channel on standard input and output. The harness
  answers its requests as the reference broker does, handing every frame over in three pieces (its first three
  bytes, then the rest in two halves); it asks for five channels through CONFORMANCE_DCV_CHANNELS, so the fifth
  is refused; it sets up each channel from a remote party of its own, opens that end's relay, and echoes
  whatever the extension sends. It watches until the extension has made those setups and is quiet with every
  channel ready or gone, or exits, or 15 s have passed, then closes the control channel; the extension is ended
  with everything it started if it has not exited 5 s later.

  Background:
    When the harness, as DCV and the remote party, runs a session with the extension under test

  @req:VC-01
  Scenario: the extension's control frames are whole LE32 frames of one request each
    Then every control frame the extension wrote was one whole ExtensionMessage carrying a request

  @req:VC-04
  Scenario: each relay opens with the token, and stays quiet until the ready event
    Then it opened each relay it set up with the token first, and wrote nothing more before the ready event

  @req:VC-11
  Scenario: nothing on standard error
    Then it wrote nothing to standard error

  @req:VC-13
  Scenario: a refused request is survived
    Then after each refused request it went on working, or exited with code 0

  @req:VC-15
  Scenario: the process a setup names is the one that opens the relay
    Then each relay was opened by the process its setup named

  @req:VC-16
  Scenario: frames that come in pieces are read whole
    Then it acted on DCV's frames though each came in pieces
