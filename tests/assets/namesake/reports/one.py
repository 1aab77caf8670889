import reports.two
