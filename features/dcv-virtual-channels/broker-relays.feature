@role:dcv-broker @in-process
Feature: Who may open a relay, and with which token
  Each setup names the process that will open the relay and gets a token of its own. The broker checks the
  connecting process before reading a byte, then reads the token, raw, as the first bytes. A refused
  connection is closed without a byte and no ready event follows; the rightful client can still come.

  Background:
    Given the reference broker
    And an extension whose manifest names the namespace "conformance"
    And the remote party, in the namespace "conformance"

  @req:VC-05
  Scenario: a relay opened by another process than the one named is refused
    Given the extension set up the channel "echo" naming another process
    And the remote party set up the channel "echo" and opened its relay
    When the harness's own process opens the extension's relay of "echo" with the right token
    Then the broker refused it as WrongProcess, sending no byte
    And neither got a ready event within 300 ms

  @req:VC-06
  Scenario Outline: a wrong or partial token is refused, and the rightful token still works
    Given the remote party set up the channel "echo" and opened its relay
    And the extension set up the channel "echo"
    When the extension's relay of "echo" is opened and sent <what>
    Then the broker refused it as <refusal>, sending no byte
    And neither got a ready event within 300 ms
    When the extension opens its relay of "echo" again with the right token
    Then both got a ready event for "echo", each after its own setup response

    Examples:
      | what                                  | refusal    |
      | garbage as long as a token            | WrongToken |
      | the token framed with an LE32 length  | WrongToken |
      | 7 token bytes, then the end           | ShortToken |
      | nothing, then the end                 | NoToken    |

  @req:VC-06
  Scenario: a relay client that stays silent is refused when 5 s have passed
    Given the reference broker on a manual clock
    And an extension whose manifest names the namespace "conformance"
    And the extension set up the channel "echo"
    When the extension's relay of "echo" is opened and sent nothing
    And 4999 ms pass on the broker's clock
    Then the broker has not judged that connection yet
    When 1 ms passes on the broker's clock
    Then the broker refused it as NoToken, sending no byte

  @req:VC-10 @interpretation
  Scenario: the token of an earlier setup is refused
    Given the remote party set up the channel "echo" and opened its relay
    And the extension set up the channel "echo"
    When the extension sets up the channel "echo" again
    And the extension's relay of "echo" is opened and sent the token of the earlier setup
    Then the broker refused it as EarlierToken, sending no byte

  @req:VC-10 @interpretation
  Scenario: a process the current setup does not name is refused, even one an earlier setup named
    Given the extension set up the channel "echo"
    When the extension sets up the channel "echo" again, naming another process
    And the harness's own process opens the extension's relay of "echo" with the right token
    Then the broker refused it as WrongProcess, sending no byte

  @req:VC-16
  Scenario: the token is read raw: the same bytes framed like a control message are refused
    Given the remote party set up the channel "echo" and opened its relay
    And the extension set up the channel "echo"
    When the extension's relay of "echo" is opened and sent the token framed with an LE32 length
    Then the broker refused it as WrongToken, sending no byte
    When the extension opens its relay of "echo" again with the right token
    Then both got a ready event for "echo", each after its own setup response
