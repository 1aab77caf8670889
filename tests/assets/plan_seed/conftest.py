# This sample repository is data for tests/unknot/test_plan_cli.py: its own tests run only in
# a copy of it (the copy leaves this file out), never as part of unknot's suite.
collect_ignore_glob = ["*"]
