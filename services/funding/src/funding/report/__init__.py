"""Totals: grants, awards, payments, spend and people served by financial year, area and stream."""
