"""Importing a team's own tracker (Excel or CSV): reading, mapping, checking with the UI's forms, committing."""
