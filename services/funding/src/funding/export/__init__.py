"""Published grant data in the 360Giving Data Standard (JSON and CSV), with the ten required fields validated."""
