@role:connector @req:LC-C09 @policy
Feature: The password and the secure fields never leave the pipe
  Beyond the source, which says nothing of where the credentials may appear. The configuration carries
  the account's password and its secure fields. The connector may use them but never show them: not on any command line of its process tree (other local users can read those),
  not in its standard output or error, not in any event. The harness searches for each secret as is,
  JSON-escaped, URL-encoded and in base64.

  Scenario Outline: neither secret leaves the pipe (<kind> configuration)
    Given a <kind> configuration with a password and a secure field
    When the connector under test runs a whole session
    Then neither secret appears in any command line of its process tree
    And neither secret appears in its standard output or standard error
    And neither secret appears in any event it sent

    Examples:
      | kind       |
      | launchable |
      | failing    |
