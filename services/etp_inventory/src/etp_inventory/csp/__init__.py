"""Community Safety Partnerships in figures: a read model above locations, packs, the ledger and use reports."""
