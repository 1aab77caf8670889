import reports.one
