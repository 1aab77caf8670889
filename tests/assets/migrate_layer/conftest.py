# This sample repository is data for tests/codemods/plans: its own tests run only in a copy of
# it (the copy leaves this file out), never as part of unknot's suite.
collect_ignore_glob = ["*"]
