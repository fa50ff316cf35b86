"""After publishing: offering and taking shifts, and who is on the line now."""
