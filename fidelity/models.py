"""fidelity: built in its own issue; the app exists now to hold its place in the layering."""
