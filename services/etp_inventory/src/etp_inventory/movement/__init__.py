"""The append-only movement ledger: every pack received, allocated, deployed, used, returned or written off."""
