@role:launcher @req:LC-L15 @interpretation
Feature: Malformed lines are reported and ignored, and the session goes on
  The suite reads the source as: a Launcher does not end a session over a bad line. A line that is not
  JSON, breaks the CustomConnectorEvent schema, names an unknown eventType, is not UTF-8, is too long,
  or is cut off by the pipe closing is logged with its bytes (secrets masked) and ignored; the next
  good line is handled as usual.

  Background:
    Given a Launcher session whose connector uses the pipe
    And the session is in login state succeeded and session state running

  Scenario Outline: a bad line is reported and ignored (<kind>)
    When the connector sends the line <line>
    And the connector reports Custom with message "still here"
    Then the Launcher reports line 1 as malformed because <reason>
    And the appliance received a custom user-session event with message "still here"
    And the session is in login state succeeded and session state running

    Examples:
      | kind                  | line                                               | reason                        |
      | not JSON              | {"eventType": "Custom", "message": "x"             | not valid JSON                |
      | not an object         | ["Custom", "x"]                                    | not an object                 |
      | unknown event type    | {"eventType":"RemoteConnectionStarted","message":""} | is not one of                 |
      | event type as number  | {"eventType":1,"message":"x"}                      | eventType is missing          |
      | missing message       | {"eventType":"Custom"}                             | message is missing            |
      | message not a string  | {"eventType":"Custom","message":42}                | message is missing            |
      | process id as text    | {"eventType":"RemoteConnectionWindowCreated","message":"x","processId":"42"} | processId |

  Scenario: a line that is not UTF-8 is reported with its bytes
    When the connector sends the bytes 7B 22 65 76 65 6E 74 54 79 70 65 22 3A 22 FF FE 22 7D 0A
    And the connector reports Custom with message "still here"
    Then the Launcher reports line 1 as malformed because not valid UTF-8
    And the report of line 1 shows its bytes in hex
    And the appliance received a custom user-session event with message "still here"

  Scenario: a 5 MiB line is skipped without ending the session
    When the connector sends a line of 5 MiB
    And the connector reports Custom with message "still here"
    Then the Launcher reports line 1 as malformed because over the limit
    And the appliance received a custom user-session event with message "still here"

  Scenario: a line cut off by the pipe closing is reported
    When the connector sends the bytes 7B 22 65 76 65 6E 74 54 79 70 65
    And the connector closes the pipe
    Then the Launcher reports line 1 as malformed because the pipe closed inside the line
    And the session is in login state succeeded and session state running

  Scenario: the password in a malformed line is masked in the report
    When the connector sends a malformed line holding the password
    Then the Launcher reports line 1 as malformed because not valid JSON
    And the Launcher's report of line 1 does not contain the password

  Scenario: unknown extra members are noted and the event is handled
    When the connector sends the line {"eventType":"Custom","message":"hello","vendorTrace":"abc"}
    Then the appliance received a custom user-session event with message "hello"
    And the Launcher notes that line 1 has unknown members

  Scenario: a byte-order mark and CR are tolerated and noted
    When the connector sends the bytes EF BB BF 7B 22 65 76 65 6E 74 54 79 70 65 22 3A 22 43 75 73 74 6F 6D 22 2C 22 6D 65 73 73 61 67 65 22 3A 22 68 69 22 7D 0D 0A
    Then the appliance received a custom user-session event with message "hi"
    And the Launcher notes that line 1 had ByteOrderMark
    And the Launcher notes that line 1 had CarriageReturn
