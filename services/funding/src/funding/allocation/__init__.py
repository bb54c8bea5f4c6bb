"""Formula allocation: a pot split across districts in proportion to a basis (knife incidents from the
referrals service, or given weights) by the largest-remainder method in pence, with floor and cap."""
