"""Similar proposals: which public proposals are probably the same idea as one being written."""
