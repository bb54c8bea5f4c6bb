"""Financial years: 1 April to 31 March, the period of every budget, grant round and report."""
