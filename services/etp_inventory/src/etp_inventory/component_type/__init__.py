"""Component types: what goes into an emergency trauma pack, and how long each keeps."""
