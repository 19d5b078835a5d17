@role:dcv-broker @in-process
Feature: Virtual channels between an extension and the remote party
  A channel joins one party of each side under the same namespace and name. The harness plays both parties in
  process against the reference broker and opens their relays from its own process, which each setup names.

  Background:
    Given the reference broker
    And an extension whose manifest names the namespace "conformance"
    And the remote party, in the namespace "conformance"

  @req:VC-07
  Scenario: a fifth channel is refused while four are pending
    When the extension sets up 5 channels without opening any relay
    Then the first 4 setups were answered SUCCESS and the fifth ERROR_TOO_MANY_VIRTUAL_CHANNELS

  @req:VC-07
  Scenario: established channels count too, and a closed one frees its place
    Given the channel "echo" is established between the extension and the remote party
    When the extension sets up 4 channels without opening any relay
    Then the first 3 setups were answered SUCCESS and the fifth ERROR_TOO_MANY_VIRTUAL_CHANNELS
    When the extension closes the channel "echo"
    And the extension sets up the channel "echo-again"
    Then the setup of "echo-again" was answered SUCCESS

  @req:VC-08 @interpretation
  Scenario Outline: the reserved namespace is refused in any case
    Given an extension called "intruder" whose manifest names the namespace "<namespace>"
    When "intruder" sets up the channel "echo"
    Then the setup was answered ERROR_INVALID_VIRTUAL_CHANNEL_NAMESPACE_IN_MANIFEST

    Examples:
      | namespace | written       |
      | dcv       | in lower case |
      | DCV       | in upper case |
      | Dcv       | in mixed case |

  @req:VC-08 @interpretation
  Scenario: a channel joins parties of the same namespace only
    Given an extension called "stranger" whose manifest names the namespace "elsewhere"
    When "stranger" sets up the channel "echo" and opens its relay
    And the remote party sets up the channel "echo" and opens its relay
    Then neither got a ready event within 500 ms

  @req:VC-09
  Scenario: a close is answered and the other party is told
    Given the channel "echo" is established between the extension and the remote party
    When the extension closes the channel "echo"
    Then the extension got a CloseVirtualChannelResponse for "echo" with SUCCESS
    And the remote party got a VirtualChannelClosedEvent for "echo"

  @req:VC-14
  Scenario: the ready event waits for both setups and both relays
    When the extension sets up the channel "echo" and opens its relay
    Then neither got a ready event within 300 ms
    When the remote party sets up the channel "echo"
    Then neither got a ready event within 300 ms
    When the remote party opens its relay of "echo"
    Then both got a ready event for "echo", each after its own setup response

  @req:VC-12
  Scenario: bytes cross a ready channel unchanged and in order, both ways
    Given the channel "echo" is established between the extension and the remote party
    When each party writes 1 MiB of random bytes into the channel in uneven pieces
    Then each party read exactly the other's bytes, in order
